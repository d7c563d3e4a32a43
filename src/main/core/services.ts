import type { ChannelOutput } from '../../shared/ipc/contract';
import { createArticleListing, type ArticleListing } from '../articles/articleListing';
import { createArticleService, type ArticleService } from '../articles/articleService';
import type { Db } from '../db/open';
import { createBackup, listBackups, type BackupFile } from '../backup/backups';
import { createExportService, type ExportService } from '../exporting/exportService';
import { createImportService, type ImportService } from '../importing/importService';
import { createImportWriter } from '../importing/importWriter';
import { createRevisionService, type RevisionService } from '../revisions/revisionService';
import { createSearchIndexer } from '../search/searchIndexer';
import { createSearchService, type SearchService } from '../search/searchService';
import { createTermEditing, type TermEditing } from '../taxonomy/termEditing';
import { createTermService, type TermService } from '../taxonomy/termService';
import { schemaVersion } from '../db/migrate';
import type { EventBus } from './eventBus';

export interface Services {
  articles: ArticleService;
  terms: TermService;
  search: SearchService;
  listing: ArticleListing;
  revisions: RevisionService;
  termEditing: TermEditing;
  importing: ImportService;
  exporting: ExportService;
  backups: { list(): BackupFile[]; create(): Promise<BackupFile> };
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
  const indexer = createSearchIndexer(ctx.db);
  const search = createSearchService(ctx.db, ctx.bus, indexer);
  const indexHook = { afterWrite: (id: string) => indexer.indexArticle(id) };
  const articles = createArticleService(ctx.db, ctx.bus, terms, Date.now, [indexHook]);
  return {
    articles,
    revisions: createRevisionService(ctx.db, articles, terms),
    termEditing: createTermEditing(ctx.db, terms, [indexHook]),
    exporting: createExportService(articles, search),
    importing: createImportService(
      ctx.db,
      ctx.bus,
      createImportWriter(ctx.db, terms, [indexHook]),
      // happy-dom is heavy to load: only when an import runs, not at every start.
      async () => (await import('../importing/htmlToBodyFast')).createHtmlToBody(),
    ),
    backups: {
      list: () => listBackups(ctx.dataDir),
      create: () => createBackup(ctx.db, ctx.dataDir),
    },
    terms,
    search,
    listing: createArticleListing(ctx.db, search),
    info: () => ({
      version: ctx.version,
      transport: ctx.transport,
      dataDir: ctx.dataDir,
      schemaVersion: schemaVersion(ctx.db),
    }),
  };
}
