import { z } from 'zod';
import { IMPORT_FORMATS, ImportProgress } from '../domain/importing';
import { ArticlePage, ListFilters } from '../domain/listing';
import { BackupFile, BackupNotice, BackupProgress, RecoveryStatus } from '../domain/recovery';
import { FieldDiff, RevisionSummary } from '../domain/revision';
import { SearchPage, SearchProgress, SearchQuery, SEARCH_SORTS } from '../domain/search';
import {
  Article,
  ArticleFields,
  ArticleId,
  ArticleStatus,
  ArticleSummary,
  HEADLINE_MAX,
  Language,
  SavedArticle,
} from '../domain/article';
import { MEDIA_MAX_BYTES, MediaInfo } from '../domain/media';
import { ConflictChoice, ConflictView } from '../domain/conflict';
import { OutboxItem, Publication, PullResult, SyncAction, SyncOverview } from '../domain/publication';
import { ArticlePreview, StylesheetPath } from '../domain/preview';
import { CredentialInfo, Site, SiteId, SiteInput, SiteUser } from '../domain/site';
import { Term, TermId, TermKind, TermMergeProgress } from '../domain/term';
import { CommentAnchor, Thread, ThreadId } from '../domain/comments';
import { ThreadView } from '../domain/threadView';
import {
  DeskCounts,
  DeskPage,
  DeskView,
  HistoryEntry,
  LocalDay,
  WorkflowMove,
  WorkflowView,
} from '../domain/desk';
import { PersonId, PersonRef, Profile } from '../domain/people';
import { Priority } from '../domain/workflow';
import { PackageExportResult, PackageImportResult } from '../domain/reviewPackage';

/**
 * The one IPC contract. Main's handler table, the preload's window.redac, the renderer's client and the
 * web host's routes are all derived from these two maps: a new channel is one entry here and one handler.
 * Inputs are strict objects so that a stray field is an error rather than silently ignored.
 */
export const channels = {
  'app:info': {
    input: z.object({}).strict(),
    output: z.object({
      version: z.string(),
      transport: z.enum(['electron', 'host']),
      dataDir: z.string(),
      schemaVersion: z.number().int(),
    }),
  },
  'articles:list': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(200) }).strict(),
    output: z.array(ArticleSummary),
  },
  /** Keyset pages of the article list, newest first, with optional filters. */
  'articles:page': {
    input: ListFilters.extend({
      limit: z.number().int().min(1).max(500).default(100),
      cursor: z.string().max(200).optional(),
    }).strict(),
    output: ArticlePage,
  },
  /** Asked separately so a slow count never holds up the list. */
  'articles:count': {
    input: ListFilters,
    output: z.object({ count: z.number().int().nonnegative() }),
  },
  'articles:get': {
    input: z.object({ id: ArticleId }).strict(),
    output: Article,
  },
  'articles:create': {
    input: z.object({ language: Language.default('fr') }).strict(),
    output: Article,
  },
  'articles:save': {
    input: z
      .object({
        id: ArticleId,
        /** The revision the edit was made on: a save on an older one is a conflict, never an overwrite. */
        baseRevision: z.number().int().nonnegative(),
        /** The whole article as the writer sees it: a save replaces every field. */
        fields: ArticleFields,
        /**
         * Why: typing ('autosave', the default) coalesces into one revision per burst. A desk's editor saves
         * only its own edits: 'status' and 'sync' revisions are made by main (workflow moves, another desk's
         * copy received), never claimed by a caller.
         */
        kind: z.enum(['autosave', 'explicit']).optional(),
      })
      .strict(),
    output: SavedArticle,
  },
  'articles:uniqueSlug': {
    /** A slug made from text (the headline), accents transliterated, that no other article uses. */
    input: z.object({ id: ArticleId, text: z.string().max(HEADLINE_MAX) }).strict(),
    output: z.object({ slug: z.string() }),
  },
  'media:upload': {
    /**
     * An image for the media store: the renderer reads the chosen file and sends its bytes (base64, so both
     * transports carry it alike). Main checks the bytes are the image type they claim and not too large.
     */
    input: z
      .object({
        name: z.string().max(300),
        type: z.string().max(100),
        data: z
          .base64()
          .min(1)
          .max(Math.ceil(MEDIA_MAX_BYTES / 3) * 4),
      })
      .strict(),
    output: MediaInfo,
  },
  'app:setSpellcheckLanguage': {
    /** The spellchecker follows the article's language (Electron's session; a browser follows lang itself). */
    input: z.object({ language: Language }).strict(),
    output: z.object({ applied: z.boolean(), languages: z.array(z.string()) }),
  },
  /**
   * The system's file picker, for files too large to pass through the renderer (a WordPress export can be a
   * gigabyte: main streams it from its path). Only the Electron shell has one; the web host answers
   * available: false and the field is typed instead.
   */
  'app:chooseFile': {
    input: z.object({ purpose: z.enum(['import-wxr', 'import-jsonl', 'import-uploads']) }).strict(),
    output: z.object({ available: z.boolean(), path: z.string().nullable() }),
  },
  'terms:list': {
    input: z
      .object({
        kind: TermKind,
        /** Start of a name, folded (case, accents, Arabic spellings); empty lists alphabetically. */
        query: z.string().max(200).default(''),
        limit: z.number().int().min(1).max(1000).default(50),
      })
      .strict(),
    output: z.array(Term),
  },
  'terms:create': {
    input: z.object({ kind: TermKind, name: z.string().min(1).max(200) }).strict(),
    /** The existing term when one differs only by case, accents or Arabic spelling. */
    output: Term,
  },
  'search:query': {
    input: SearchQuery.extend({
      sort: z.enum(SEARCH_SORTS).default('relevance'),
      limit: z.number().int().min(1).max(100).default(20),
      /** From the previous page's nextCursor. */
      cursor: z
        .string()
        .regex(/^\d{1,19}$/)
        .optional(),
    }).strict(),
    output: SearchPage,
  },
  /** Separate from the query so that counting a common word never holds up the first page. */
  'search:count': {
    input: SearchQuery,
    output: z.object({ count: z.number().int().nonnegative() }),
  },
  /** Re-indexes every article (recovery); progress arrives as search:progress events. */
  'search:rebuild': {
    input: z.object({}).strict(),
    output: SearchProgress,
  },
  'search:cancelRebuild': {
    input: z.object({}).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  'sites:list': {
    input: z.object({}).strict(),
    output: z.object({ sites: z.array(Site), credentials: CredentialInfo }),
  },
  'sites:add': { input: SiteInput.strict(), output: Site },
  'sites:remove': { input: z.object({ id: SiteId }).strict(), output: z.object({}) },
  'sites:setPassword': {
    input: z.object({ id: SiteId, password: z.string().min(1).max(200) }).strict(),
    output: Site,
  },
  /** Who typed, unsaved credentials log in as: /wp/v2/users/me. */
  'sites:check': { input: SiteInput.strict(), output: SiteUser },
  'sites:test': { input: z.object({ id: SiteId }).strict(), output: SiteUser },
  /** The article as the site will show it, rendered by the generator publishing uses. */
  'preview:render': {
    input: z.object({ id: ArticleId, stylesheet: StylesheetPath }).strict(),
    output: ArticlePreview,
  },
  /** Where the article is on each configured site. */
  'sync:publications': { input: z.object({ articleId: ArticleId }).strict(), output: z.array(Publication) },
  /** Asks each site where the article's post stands now (published by cron, unpublished or trashed there). */
  'sync:refresh': { input: z.object({ articleId: ArticleId }).strict(), output: z.array(Publication) },
  /** Queues an operation in the durable outbox; it goes out as soon as the site answers. */
  'sync:enqueue': {
    input: z
      .object({
        articleId: ArticleId,
        siteId: SiteId,
        action: SyncAction,
        /** For schedule: when it goes live (epoch ms). */
        scheduledAt: z.number().int().positive().optional(),
        /** The publisher saw the checklist's warnings and sends anyway. */
        acceptWarnings: z.boolean().optional(),
      })
      .strict(),
    output: z.array(OutboxItem),
  },
  'sync:overview': { input: z.object({}).strict(), output: SyncOverview },
  'sync:operations': { input: z.object({ articleId: ArticleId }).strict(), output: z.array(OutboxItem) },
  'sync:retry': { input: z.object({ id: z.number().int().positive() }).strict(), output: OutboxItem },
  'sync:cancel': { input: z.object({ id: z.number().int().positive() }).strict(), output: OutboxItem },
  /** Both copies of an article in conflict, side by side, with a word diff of the body. */
  'sync:conflict': {
    input: z.object({ articleId: ArticleId, siteId: SiteId }).strict(),
    output: ConflictView,
  },
  /** Takes either side per field, saves the result here and lets the held push go out. */
  'sync:resolve': {
    input: z.object({ articleId: ArticleId, siteId: SiteId, take: ConflictChoice }).strict(),
    output: z.object({}),
  },
  /** Brings posts from a site into the store, resuming where the last pull stopped. */
  'sync:pull': {
    input: z
      .object({
        siteId: SiteId,
        /** Empty means every status. */
        statuses: z.array(z.enum(['draft', 'pending', 'future', 'publish'])).max(4),
        search: z.string().max(200).optional(),
      })
      .strict(),
    output: PullResult,
  },
  /** Renames in place (id and slug stay); refused with 'conflict' when the name folds onto another term. */
  'terms:rename': {
    input: z.object({ kind: TermKind, id: TermId, name: z.string().min(1).max(200) }).strict(),
    output: Term,
  },
  /**
   * Moves every article from one term to another, then removes the first. In steps of a few hundred articles
   * (terms:mergeProgress events); an interrupted merge leaves both terms, and merging again finishes it.
   */
  'terms:merge': {
    input: z.object({ kind: TermKind, fromId: TermId, intoId: TermId }).strict(),
    output: z.object({ moved: z.number().int().nonnegative() }),
  },
  /** Whether the store opened; the renderer shows the recovery screen when it did not. */
  'recovery:status': { input: z.object({}).strict(), output: RecoveryStatus },
  /**
   * Renames the damaged store, or the one that could not be upgraded, aside (never deletes it) and starts with
   * an empty one.
   */
  'recovery:moveAside': { input: z.object({}).strict(), output: RecoveryStatus },
  /** No backup could be made before the upgrade (see UpgradeBackupProblem): the user upgrades without one. */
  'recovery:upgradeWithoutBackup': { input: z.object({}).strict(), output: RecoveryStatus },
  /** Closes the store and quits (the desktop app; the loopback host stops). */
  'app:quit': { input: z.object({}).strict(), output: z.object({ quitting: z.literal(true) }) },
  'backups:list': { input: z.object({}).strict(), output: z.array(BackupFile) },
  /** A backup now, with SQLite's backup API (one a day is made automatically; seven are kept). */
  'backups:create': { input: z.object({}).strict(), output: BackupFile },
  /** What the last backup could not do (skipped, failed, older ones removed for room); null when all is well. */
  'backups:notice': { input: z.object({}).strict(), output: BackupNotice.nullable() },
  /**
   * Stops the backup being copied now (the daily one or Back up now): its file is removed, nothing else
   * changes; the daily one is tried again within the hour. A Restore is not stopped by this.
   */
  'backups:stop': { input: z.object({}).strict(), output: z.object({ stopped: z.boolean() }) },
  /** The backups and Restores being copied now, with how far each is (then follow backups:progress). */
  'backups:progress': { input: z.object({}).strict(), output: z.array(BackupProgress) },
  /** Replaces the store with a backup; the current file is kept aside. */
  'backups:restore': {
    // A name from backups:list; anything else is refused by the service (not_found), never used as a path.
    input: z.object({ name: z.string().min(1).max(100) }).strict(),
    output: RecoveryStatus,
  },
  /** Starts importing a file on this machine; progress arrives as import:progress events. */
  'import:start': {
    input: z
      .object({
        path: z.string().min(1).max(4096),
        format: z.enum(IMPORT_FORMATS),
        /** WXR: the WordPress uploads folder its photos come from; by default uploads/ beside the file. */
        uploadsDir: z.string().max(4096).optional(),
      })
      .strict(),
    output: z.object({ jobId: z.string() }),
  },
  'import:cancel': {
    input: z.object({ jobId: z.string().min(1).max(100) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** One article, a selection (ids) or a search result (up to 1,000) as ninjs 2.0 JSON or HTML. */
  'export:articles': {
    input: z
      .object({
        ids: z.array(ArticleId).min(1).max(1000).optional(),
        search: SearchQuery.optional(),
        format: z.enum(['ninjs', 'html']),
      })
      .strict(),
    output: z.object({ filename: z.string(), mimeType: z.string(), content: z.string() }),
  },
  'revisions:list': {
    input: z.object({ articleId: ArticleId, limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.array(RevisionSummary),
  },
  /** Every field of two revisions side by side, each with a word-level diff. */
  'revisions:compare': {
    input: z
      .object({
        articleId: ArticleId,
        from: z.number().int().nonnegative(),
        to: z.number().int().nonnegative(),
      })
      .strict(),
    output: z.array(FieldDiff),
  },
  /** Saves an old revision's fields as a new revision; history is never rewritten. */
  'revisions:restore': {
    input: z
      .object({
        articleId: ArticleId,
        revision: z.number().int().nonnegative(),
        baseRevision: z.number().int().nonnegative(),
      })
      .strict(),
    output: Article,
  },
  // ---- comments (issue 6)
  /** An article's threads in document order (fields first), each saying whether its text is still there. */
  'comments:list': {
    input: z.object({ articleId: ArticleId }).strict(),
    output: z.array(ThreadView),
  },
  /** Opens a thread; the author is this desk's person, decided in main. */
  'comments:create': {
    input: z
      .object({
        articleId: ArticleId,
        anchor: CommentAnchor,
        quote: z.string().max(2000),
        text: z.string().trim().min(1).max(10_000),
      })
      .strict(),
    output: Thread,
  },
  'comments:reply': {
    input: z.object({ threadId: ThreadId, text: z.string().trim().min(1).max(10_000) }).strict(),
    output: Thread,
  },
  'comments:resolve': {
    input: z.object({ threadId: ThreadId }).strict(),
    output: Thread,
  },
  'comments:reopen': {
    input: z.object({ threadId: ThreadId }).strict(),
    output: Thread,
  },
  // ---- workflow, profile, desk (issue 6)
  /** Who uses this desk; null before the first-run screen is filled in. */
  'profile:get': { input: z.object({}).strict(), output: Profile.nullable() },
  /** Sets or changes the profile; its id is made on first save and kept after. */
  'profile:save': {
    input: Profile.omit({ id: true })
      .extend({
        /** Someone else uses this desk from now on: sign as a new person, not a rename of the current one. */
        newPerson: z.boolean().optional(),
      })
      .strict(),
    output: Profile,
  },
  /** Everyone this desk has seen (profile, history, assignments, imports), by name: the assignee picker. */
  'people:list': {
    input: z.object({ limit: z.number().int().min(1).max(1000).default(500) }).strict(),
    output: z.array(PersonRef),
  },
  /** The open article's status, assignment, the moves the profile's role allows, and its submitted revision. */
  'workflow:get': { input: z.object({ articleId: ArticleId }).strict(), output: WorkflowView },
  /**
   * Moves an article to another status as the local profile (the role is the stored profile's, never sent).
   * Refused with 'forbidden' (role) or 'conflict' (impossible move, or the article changed since baseRevision).
   * Publish and Schedule also queue the matching push on every site the article is linked to, in the same
   * transaction: a checklist that holds the push back holds the move back too ('held', nothing changed).
   */
  'workflow:transition': {
    input: z
      .object({
        articleId: ArticleId,
        to: ArticleStatus,
        baseRevision: z.number().int().nonnegative(),
        note: z.string().max(4000).default(''),
        /** Schedule: when it goes live on the sites the article is linked to (epoch ms). */
        scheduledAt: z.number().int().positive().optional(),
        /** Publish or Schedule: the publisher saw the checklist's warnings and moves anyway. */
        acceptWarnings: z.boolean().optional(),
      })
      .strict(),
    output: WorkflowMove,
  },
  /** Status changes and assignments, oldest first. */
  'workflow:history': { input: z.object({ articleId: ArticleId }).strict(), output: z.array(HistoryEntry) },
  'workflow:assign': {
    input: z
      .object({
        articleId: ArticleId,
        assigneeId: PersonId.nullable(),
        /** Epoch ms. */
        deadline: z.number().int().nullable(),
        priority: Priority,
      })
      .strict(),
    output: WorkflowView,
  },
  /** A desk view's keyset page ("me" is the local profile). */
  'desk:page': {
    input: LocalDay.extend({
      view: DeskView,
      limit: z.number().int().min(1).max(500).default(100),
      cursor: z.string().max(100).optional(),
    }).strict(),
    output: DeskPage,
  },
  /** Every desk view's count, asked separately so counting never holds up a list. */
  'desk:counts': { input: LocalDay.strict(), output: DeskCounts },
  // ---- review travel (issue 6)
  /** Writes the article's review package: to `path` on this machine, or returned for a download without one. */
  'review:exportPackage': {
    input: z.object({ articleId: ArticleId, path: z.string().min(1).max(4096).optional() }).strict(),
    output: PackageExportResult,
  },
  /** Reads a review package from a file on this machine; refused whole when anything in it is wrong. */
  'review:importPackage': {
    input: z.object({ path: z.string().min(1).max(4096) }).strict(),
    output: PackageImportResult,
  },
  /** The article next to the review package held for it after a conflicting import. */
  'review:packageConflict': { input: z.object({ articleId: ArticleId }).strict(), output: ConflictView },
  /** Takes either side per field; both copies stay in the history. */
  'review:resolvePackage': {
    input: z.object({ articleId: ArticleId, take: ConflictChoice }).strict(),
    output: Article,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

/** Main-to-renderer notifications. */
export const events = {
  'articles:changed': z.object({ id: ArticleId, revision: z.number().int() }),
  'search:progress': SearchProgress,
  /** The outbox or an article's state on a site moved. */
  'sync:changed': z.object({ articleId: ArticleId.nullable() }),
  'import:progress': ImportProgress,
  /** A merge of sections, tags or authors moved another step of articles. */
  'terms:mergeProgress': TermMergeProgress,
  /** Many articles arrived at once: lists refresh once instead of per article. */
  'articles:imported': z.object({ count: z.number().int().nonnegative() }),
  // ---- comments (issue 6)
  /** A thread of this article was opened, answered, resolved, reopened or received. */
  'comments:changed': z.object({ articleId: ArticleId }),
  /** A backup was made, skipped or failed: the notice to show (null clears it). */
  'backups:changed': z.object({ notice: BackupNotice.nullable() }),
  /** A backup or a Restore moved on, started or ended: every copy running now (empty once none is). */
  'backups:progress': z.object({ running: z.array(BackupProgress) }),
} as const satisfies Record<string, z.ZodType>;

export type ChannelName = keyof typeof channels;
export type EventName = keyof typeof events;
/** What a caller passes (defaults not yet applied). */
export type ChannelInput<C extends ChannelName> = z.input<(typeof channels)[C]['input']>;
/** What a handler receives (after parsing, defaults applied). */
export type ParsedInput<C extends ChannelName> = z.output<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<(typeof channels)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(channels, name);
}
export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
