import type { ChannelOutput } from '../../shared/ipc/contract';
import { createArticleService, type ArticleService } from '../articles/articleService';
import type { Db } from '../db/open';
import { createTermService, type TermService } from '../taxonomy/termService';
import { schemaVersion } from '../db/migrate';
import { join } from 'node:path';
import { createFileCredentialStore, type CredentialStore } from '../publishing/credentialStore';
import { createConflictService, type ConflictService } from '../publishing/conflicts';
import { createPuller, type Puller } from '../publishing/pull';
import { noMediaSource, type MediaSource } from '../publishing/mediaSource';
import { createOutbox, type Outbox } from '../publishing/outbox';
import { createPublisher } from '../publishing/publisher';
import { createSyncService, type SyncService } from '../publishing/syncService';
import { createPreviewService, type PreviewService } from '../publishing/previewService';
import { createSiteService, type SiteService } from '../publishing/siteService';
import type { EventBus } from './eventBus';

export interface Services {
  articles: ArticleService;
  terms: TermService;
  sites: SiteService;
  preview: PreviewService;
  sync: SyncService;
  outbox: Outbox;
  conflicts: ConflictService;
  puller: Puller;
  info(): ChannelOutput<'app:info'>;
}

export interface ServiceContext {
  db: Db;
  bus: EventBus;
  dataDir: string;
  transport: 'electron' | 'host';
  version: string;
  /** Where site passwords are kept; by default a 0600 file in the data folder (the web host has no keyring). */
  credentials?: CredentialStore | undefined;
  /** The app's media store as publishing reads it (bytes, filename, mime); none until the store lands. */
  media?: MediaSource | undefined;
}

/** Composition root of the main-process services; both the Electron shell and the web host call it. */
export function createServices(ctx: ServiceContext): Services {
  const terms = createTermService(ctx.db);
  const credentials =
    ctx.credentials ?? createFileCredentialStore(join(ctx.dataDir, 'site-credentials.json'));
  const sites = createSiteService(ctx.db, credentials);
  const articles = createArticleService(ctx.db, ctx.bus, terms);
  const publisher = createPublisher({ db: ctx.db, articles, sites, media: ctx.media ?? noMediaSource });
  const outbox = createOutbox(ctx.db, ctx.bus, { publisher, articles, sites });
  return {
    articles,
    terms,
    sites,
    preview: createPreviewService(articles, sites),
    sync: createSyncService({ articles, sites, publisher, outbox }),
    outbox,
    conflicts: createConflictService({ articles, publisher, outbox }),
    puller: createPuller({ db: ctx.db, articles, sites, publisher }),
    info: () => ({
      version: ctx.version,
      transport: ctx.transport,
      dataDir: ctx.dataDir,
      schemaVersion: schemaVersion(ctx.db),
    }),
  };
}
