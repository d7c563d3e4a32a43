import type { ChannelOutput } from '../../shared/ipc/contract';
import { createArticleService, type ArticleService } from '../articles/articleService';
import type { Db } from '../db/open';
import { schemaVersion } from '../db/migrate';
import type { EventBus } from './eventBus';

export interface Services {
  articles: ArticleService;
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
  return {
    articles: createArticleService(ctx.db, ctx.bus),
    info: () => ({
      version: ctx.version,
      transport: ctx.transport,
      dataDir: ctx.dataDir,
      schemaVersion: schemaVersion(ctx.db),
    }),
  };
}
