import type { Language } from '../../shared/domain/article';
import type { ChannelOutput, ParsedInput } from '../../shared/ipc/contract';
import { createArticleListing, type ArticleListing } from '../articles/articleListing';
import { createArticleService, type ArticleService, type ArticleWriteHook } from '../articles/articleService';
import type { Db } from '../db/open';
import {
  backupNotice,
  createBackup,
  isStoppedBackup,
  listBackups,
  stopRunningBackup,
  type BackupFile,
} from '../backup/backups';
import { runningCopies } from '../backup/copyBoard';
import { AppError } from './errors';
import { createExportService, type ExportService } from '../exporting/exportService';
import { createImportService, type ImportService } from '../importing/importService';
import { createImportWriter } from '../importing/importWriter';
import { createRevisionService, type RevisionService } from '../revisions/revisionService';
import { scheduleLeftoverDrops } from '../db/leftoverDrops';
import { indexMergeStep, scheduleIndexMerges } from '../search/indexMerging';

import { createSearchIndexer } from '../search/searchIndexer';
import { createSearchService, type SearchService } from '../search/searchService';
import { createMediaStore, type MediaStore } from '../media/mediaStore';
import { createTermEditing, type TermEditing } from '../taxonomy/termEditing';
import { createTermService, type TermService } from '../taxonomy/termService';
import { schemaVersion } from '../db/migrate';
import { join } from 'node:path';
import { createFileCredentialStore, type CredentialStore } from '../publishing/credentialStore';
import { createConflictService, type ConflictService } from '../publishing/conflicts';
import { createPuller, type Puller } from '../publishing/pull';
import { createMediaDownloader } from '../publishing/mediaDownloader';
import { storeMediaSource, type MediaSource } from '../publishing/mediaSource';
import { createOutbox, type Outbox } from '../publishing/outbox';
import { createPublisher } from '../publishing/publisher';
import { createWorkflowPush, type WorkflowPush } from '../publishing/workflowPush';
import { createSyncService, type SyncService } from '../publishing/syncService';
import { createPreviewService, type PreviewService } from '../publishing/previewService';
import { createSiteService, type SiteService } from '../publishing/siteService';
import { createReviewTravel, type ReviewTravel } from '../review/reviewTravel';
import type { EventBus } from './eventBus';
import { createThreadService, type ThreadService } from '../comments/threadService';
import { personOf, type PersonRef } from '../../shared/domain/people';
import type { BackupNotice, BackupProgress } from '../../shared/domain/recovery';
import { createReviewMarkGuard, type SaveGuard } from '../review/reviewMarkGuard';
import { createDeskListing, type DeskListing } from '../workflow/deskListing';
import { createProfileService, type ProfileService } from '../workflow/profileService';
import { createWorkflowService, type WorkflowService } from '../workflow/workflowService';

/** Bounded index merge steps (32 leaf pages each) between two steps of a term merge. */
const INDEX_MERGES_PER_TERM_STEP = 4;

/** Dictionaries to try for each article language, best first (names as Chromium's spellchecker knows them). */
const SPELLCHECK_LANGUAGES: Record<Language, string[]> = {
  fr: ['fr', 'fr-FR'],
  ar: ['ar'],
  en: ['en-GB', 'en-US', 'en'],
};

export interface Services {
  articles: ArticleService;
  terms: TermService;
  search: SearchService;
  listing: ArticleListing;
  media: MediaStore;
  sites: SiteService;
  preview: PreviewService;
  sync: SyncService;
  /** Workflow moves; Publish and Schedule also queue the push on the sites the article is linked to. */
  workflowPush: WorkflowPush;
  outbox: Outbox;
  conflicts: ConflictService;
  puller: Puller;
  revisions: RevisionService;
  termEditing: TermEditing;
  importing: ImportService;
  exporting: ExportService;
  backups: {
    list(): BackupFile[];
    create(): Promise<BackupFile>;
    notice(): BackupNotice | null;
    running(): BackupProgress[];
    stop(): { stopped: boolean };
  };
  travel: ReviewTravel;
  info(): ChannelOutput<'app:info'>;
  /** Points the spellchecker at a language; only the Electron shell can (the web host says it did not). */
  setSpellcheckLanguage(language: Language): ChannelOutput<'app:setSpellcheckLanguage'>;
  /** Asks the system's file picker for a file; only the Electron shell has one. */
  chooseFile(purpose: FilePurpose): Promise<ChannelOutput<'app:chooseFile'>>;
  // ---- comments (issue 6)
  threads: ThreadService;
  person: () => PersonRef;
  /** Checks the review marks of what the desk's editor saves (articles:save): main decides who suggested what. */
  markGuard: SaveGuard;
  // ---- workflow, profile, desk (issue 6)
  profiles: ProfileService;
  workflow: WorkflowService;
  desk: DeskListing;
}

export type FilePurpose = ParsedInput<'app:chooseFile'>['purpose'];

/** What only the Electron shell can do, handed to the services by it (the web host has none of it). */
export interface Platform {
  setSpellcheckLanguages?(languages: readonly string[]): string[];
  /** The path of the file the user picked, or null when they cancelled. */
  chooseFile?(purpose: FilePurpose): Promise<string | null>;
}

export interface ServiceContext {
  db: Db;
  bus: EventBus;
  dataDir: string;
  transport: 'electron' | 'host';
  version: string;
  platform?: Platform | undefined;
  /** Where site passwords are kept; by default a 0600 file in the data folder (the web host has no keyring). */
  credentials?: CredentialStore | undefined;
  /** Where publishing reads media files; by default the app's media store. */
  media?: MediaSource | undefined;
  /** The Electron build of better-sqlite3, for the threads that open the store themselves (backups). */
  nativeBinding?: string | undefined;
  /** Test hook only: see CoreOptions.backupPauseMs. */
  backupPauseMs?: number | undefined;
}

/** Composition root of the main-process services; both the Electron shell and the web host call it. */
export function createServices(ctx: ServiceContext): Services {
  const terms = createTermService(ctx.db);
  const indexer = createSearchIndexer(ctx.db);
  scheduleIndexMerges(ctx.db);
  // Old trees a large upgrade left (migration 0014): emptied and dropped in quiet seconds.
  scheduleLeftoverDrops(ctx.db, ctx.nativeBinding);
  const search = createSearchService(ctx.db, ctx.bus, indexer);
  const indexHook: ArticleWriteHook = {
    afterWrite: (id, written) => (written ? indexer.indexWritten(written) : indexer.indexArticle(id)),
    afterWriteMany: (ids) => indexer.indexArticles(ids),
  };
  // Each step of a term merge leaves a segment in the search index; bounded merge steps between them keep
  // FTS5's crisis merge (16 segments on a level, unbounded work inside one step's commit) from setting in.
  const indexMerge = indexMergeStep(ctx.db);
  const tidyIndexBetweenSteps = (): void => {
    for (let n = 0; n < INDEX_MERGES_PER_TERM_STEP && indexMerge(); n++);
  };
  const media = createMediaStore(ctx.dataDir);
  const articles = createArticleService(ctx.db, ctx.bus, terms, media, Date.now, [indexHook]);
  const credentials =
    ctx.credentials ?? createFileCredentialStore(join(ctx.dataDir, 'site-credentials.json'));
  const sites = createSiteService(ctx.db, credentials);
  // ---- workflow, profile, desk (issue 6)
  const profiles = createProfileService(ctx.db);
  const workflow = createWorkflowService({
    db: ctx.db,
    bus: ctx.bus,
    articles,
    profiles,
    hooks: [indexHook],
  });
  // ---- comments (issue 6)
  // Comments, suggestions, workflow moves and review packages are all signed by the desk's one profile.
  const person = (): PersonRef => personOf(profiles.require());
  const threads = createThreadService({ db: ctx.db, bus: ctx.bus, articles, person });
  // ---- review travel (issue 6)
  const travel = createReviewTravel({
    db: ctx.db,
    dataDir: ctx.dataDir,
    articles,
    terms,
    media,
    workflow,
    threads,
    profile: { me: person },
  });
  const publisher = createPublisher({
    db: ctx.db,
    articles,
    sites,
    media: ctx.media ?? storeMediaSource(media),
    terms,
    review: travel.carrier,
  });
  const outbox = createOutbox(ctx.db, ctx.bus, { publisher, articles, sites });
  const sync = createSyncService({ articles, sites, publisher, outbox, threads, review: travel.carrier });
  return {
    profiles,
    workflow,
    desk: createDeskListing(ctx.db),
    travel,
    articles,
    revisions: createRevisionService(ctx.db, articles, terms),
    termEditing: createTermEditing(ctx.db, terms, [indexHook], ctx.bus, tidyIndexBetweenSteps),
    exporting: createExportService(articles, search),
    importing: createImportService(
      ctx.db,
      ctx.bus,
      createImportWriter(ctx.db, terms, indexer),
      undefined,
      ctx.dataDir,
    ),
    backups: {
      list: () => listBackups(ctx.dataDir),
      create: () =>
        createBackup(ctx.db, ctx.dataDir, {
          nativeBinding: ctx.nativeBinding,
          onNotice: (notice) => ctx.bus.emit('backups:changed', { notice }),
          onRunning: (running) => ctx.bus.emit('backups:progress', { running }),
          stepPauseMs: ctx.backupPauseMs,
        }).catch((error: unknown) => {
          // Stopped by the user (backups:stop) or by closing the store: said as such, not as a failure.
          if (isStoppedBackup(error))
            throw new AppError('conflict', 'The backup was stopped before it finished; nothing was written.');
          throw error;
        }),
      running: () => runningCopies(ctx.dataDir),
      stop: () => ({ stopped: stopRunningBackup(ctx.dataDir) }),
      notice: () => backupNotice(ctx.dataDir),
    },
    terms,
    search,
    listing: createArticleListing(ctx.db, search),
    media,
    sites,
    preview: createPreviewService(articles, sites, media),
    sync,
    workflowPush: createWorkflowPush({
      db: ctx.db,
      workflow,
      sync,
      sites,
      publications: publisher.publications,
    }),
    outbox,
    conflicts: createConflictService({ articles, publisher, outbox, terms, review: travel.carrier }),
    puller: createPuller({
      db: ctx.db,
      articles,
      terms,
      sites,
      publisher,
      review: { receiver: travel.receiver, state: travel.review },
      media: createMediaDownloader({ db: ctx.db, media, now: Date.now }),
    }),
    info: () => ({
      version: ctx.version,
      transport: ctx.transport,
      dataDir: ctx.dataDir,
      schemaVersion: schemaVersion(ctx.db),
    }),
    setSpellcheckLanguage(language) {
      const set = ctx.platform?.setSpellcheckLanguages;
      if (!set) return { applied: false, languages: [] };
      const languages = set(SPELLCHECK_LANGUAGES[language]);
      return { applied: languages.length > 0, languages };
    },
    async chooseFile(purpose) {
      const choose = ctx.platform?.chooseFile;
      if (!choose) return { available: false, path: null };
      return { available: true, path: await choose(purpose) };
    },
    // ---- comments (issue 6)
    threads,
    person,
    markGuard: createReviewMarkGuard({ db: ctx.db, person }),
  };
}
