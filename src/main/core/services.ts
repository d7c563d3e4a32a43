import type { ChannelOutput } from '../../shared/ipc/contract';
import { createArticleService, type ArticleService } from '../articles/articleService';
import type { Db } from '../db/open';
import { createTermService, type TermService } from '../taxonomy/termService';
import { schemaVersion } from '../db/migrate';
import type { EventBus } from './eventBus';

export interface Services {
  articles: ArticleService;
  terms: TermService;
  info(): ChannelOutput<'app:info'>;
}

export interface ServiceContext {
  db: Db;
  bus: EventBus;
  dataDir: string;
  transport: 'electron' | 'host';
  version: string;
}

/** Composition root of the main-process services; both the Electron shell and the web host call it. */
export function createServices(ctx: ServiceContext): Services {
  const terms = createTermService(ctx.db);
  return {
    articles: createArticleService(ctx.db, ctx.bus, terms),
    terms,
    info: () => ({
      version: ctx.version,
      transport: ctx.transport,
      dataDir: ctx.dataDir,
      schemaVersion: schemaVersion(ctx.db),
    }),
  };
}
