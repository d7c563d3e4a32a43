import type { TermKind } from '../../shared/domain/term';
import { BODY_SCHEMA_VERSION } from '../../shared/editor/bodyExtensions';
import { bodyProblem } from '../../shared/editor/bodySchema';
import { foldText } from '../../shared/text/fold';
import { articleQueries } from '../articles/articleRows';
import type { NamedTerm } from '../articles/writtenArticle';
import { AppError } from '../core/errors';
import { timeOrderedId } from '../core/timeOrderedId';
import type { Db } from '../db/open';
import type { DocFields } from '../search/searchRows';
import type { SearchIndexer } from '../search/searchIndexer';
import type { TermService } from '../taxonomy/termService';
import type { ImportItem } from './importItem';
import { createPhotoFill, type FillOutcome } from './photoFill';
import type { WritableItem } from './preparedItem';

/**
 * FTS5 keeps the postings of a transaction in memory and writes a segment each time they pass this size
 * (1 MB by default, about 300 articles): a batch of thousands then made a dozen small segments that the index
 * merged again and again. At this size a batch is one segment. It only bounds memory held within a
 * transaction; a save, one article, never comes near it.
 */
const FTS_PENDING_BYTES = 64 * 1024 * 1024;
/** Page cache for the length of a batch (KiB): the pages a batch dirties are written to the WAL once. */
const BATCH_CACHE_KIB = 64 * 1024;

export type WriteOutcome = 'created' | 'skipped';
/**
 * What became of one item of a batch: written, already there, or refused (with why); an article already there
 * may have had its missing photos filled in, or been left without them (photoFill.ts).
 */
export type BatchOutcome = WriteOutcome | Exclude<FillOutcome, { kind: 'same' }> | Error;

/** Whether the item's article was written: created, or its photos filled in (it then uses its photos). */
export const articleWritten = (outcome: BatchOutcome): boolean =>
  outcome === 'created' || (typeof outcome === 'object' && 'kind' in outcome && outcome.kind === 'filled');

/**
 * Writes imported articles: the row (also its first revision, see below), its terms and its search entry. A
 * batch (hundreds to thousands of articles) is one transaction, so a killed import loses at most the batch
 * being written and what was committed stays whole; each article is written in its own savepoint, so a bad
 * one is refused alone. A source key already imported is skipped, so importing the same file twice makes no
 * copies. The search entries are made from the values in hand and written once per batch, in rowid order.
 */
export function createImportWriter(db: Db, terms: TermService, indexer: SearchIndexer) {
  const q = articleQueries(db);
  const photoFill = createPhotoFill(db, indexer);
  const known = db.prepare<[string], { article_id: string }>(
    'SELECT article_id FROM article_sources WHERE source_key = ?',
  );
  const remember = db.prepare<[string, string]>(
    'INSERT INTO article_sources (source_key, article_id) VALUES (?, ?)',
  );
  // `slug <> ''` spelled out: the slug index is partial (WHERE slug <> ''), and SQLite uses a partial index
  // only when the query states its condition. Without it every imported item scanned the whole articles
  // table, and an import slowed with the square of the archive's size.
  const slugTaken = db
    .prepare<[string], number>("SELECT 1 FROM articles WHERE slug = ? AND slug <> ''")
    .pluck();
  /**
   * A slug another article already has (a post of another site, an article written here) gets -2, -3… as
   * WordPress does: a slug is unique in the store, and refusing the article for it lost it from the import.
   */
  function freeSlug(id: string, slug: string): string {
    if (!slug || slugTaken.get(slug) === undefined) return slug;
    const taken = q.slugsLike(id, slug);
    let n = 2;
    while (taken.has(`${slug}-${n}`)) n++;
    return `${slug}-${n}`;
  }
  // Names resolve to ids once per import, not once per article.
  const termIds = new Map<string, NamedTerm>();
  function termOf(kind: TermKind, name: string): NamedTerm | undefined {
    const key = `${kind}\u0000${name}`;
    let term = termIds.get(key);
    if (term === undefined && foldText(name)) {
      const { id, name: stored } = terms.ensure(kind, name);
      term = { id, name: stored };
      termIds.set(key, term);
    }
    return term;
  }
  const termsOf = (kind: TermKind, names: readonly string[]): NamedTerm[] => {
    const byId = new Map<number, NamedTerm>();
    for (const name of names) {
      const term = termOf(kind, name);
      if (term && !byId.has(term.id)) byId.set(term.id, term);
    }
    return [...byId.values()];
  };

  /** Writes one article (inside the caller's transaction); its FTS5 row goes to `pending`. */
  function writeOne(item: WritableItem, pending: DocFields[]): BatchOutcome {
    const prepared = 'prepared' in item ? item.prepared : undefined;
    const already = known.get(item.sourceKey);
    if (already) return item.photos?.length ? fillPhotos(already.article_id, item) : 'skipped';
    // Checked, made JSON and folded by the reading thread (preparedItem.ts), or here. Refused before
    // anything is written, so neither path needs to roll anything back for it.
    const problem = prepared ? prepared.problem : bodyProblem((item as ImportItem).body);
    if (problem) return new AppError('invalid_input', `The body is not a valid article body: ${problem}`);
    const id = timeOrderedId();
    const section = item.section ? termOf('sections', item.section) : undefined;
    const sectionId = section?.id ?? null;
    const tags = termsOf('tags', item.tags);
    const authors = termsOf('authors', item.authors);
    const tagIds = tags.map((t) => t.id);
    const authorIds = authors.map((a) => a.id);
    const body = prepared ? prepared.json : JSON.stringify((item as ImportItem).body);
    const featured = item.featuredImage ? JSON.stringify(item.featuredImage) : null;
    q.insert({
      id,
      kicker: item.kicker,
      headline: item.headline,
      standfirst: item.standfirst,
      body,
      body_schema_version: BODY_SCHEMA_VERSION,
      status: item.status,
      language: item.language,
      slug: freeSlug(id, item.slug),
      seo_title: '',
      seo_description: '',
      section_id: sectionId,
      featured_image: featured,
      created_at: item.createdAt,
      updated_at: item.updatedAt,
      revision: 1,
    });
    q.addTerms(id, tagIds, authorIds);
    // Its first revision is its own row until its first save (revisions/revisionStore.ts, implied).
    remember.run(item.sourceKey, id);
    const facts = { id, status: item.status, language: item.language, sectionId, tags, authors };
    pending.push(
      prepared?.index
        ? indexer.prepareFolded({ ...facts, updatedAt: item.updatedAt }, prepared.index)
        : indexer.prepareNew({ ...(item as ImportItem), ...facts }),
    );
    return 'created';
  }

  /** An article imported before: the photos it lacks, when the export now brings them (photoFill.ts). */
  function fillPhotos(articleId: string, item: WritableItem): BatchOutcome {
    const prepared = 'prepared' in item ? item.prepared : undefined;
    const body = prepared ? (JSON.parse(prepared.json) as ImportItem['body']) : (item as ImportItem).body;
    if (prepared ? prepared.problem : bodyProblem(body)) return 'skipped';
    const outcome = photoFill.fill(articleId, {
      body,
      featuredImage: item.featuredImage,
      photos: item.photos ?? [],
    });
    return outcome.kind === 'same' ? 'skipped' : outcome;
  }

  const ftsPending = db.prepare<[], { v: unknown }>("SELECT v FROM search_fts_config WHERE k = 'hashsize'");
  const setFtsPending = db.prepare(
    `INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', ${FTS_PENDING_BYTES})`,
  );
  let ftsTuned = false;

  const savepoint = db.transaction(writeOne);
  const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
  const tuneFts = (): void => {
    if (!ftsTuned) {
      if (ftsPending.get()?.v !== FTS_PENDING_BYTES) setFtsPending.run();
      ftsTuned = true;
    }
  };
  /**
   * The common case, every item sound: no savepoint per article (each one cost a SAVEPOINT, a RELEASE and a
   * statement journal of the pages it touched). A body that is not valid is refused before anything is
   * written, so it needs no savepoint either; anything else that fails throws, and the batch is written
   * again by `careful`, which refuses the failing article alone.
   */
  const quick = db.transaction((items: readonly WritableItem[]): BatchOutcome[] => {
    tuneFts();
    const pending: DocFields[] = [];
    const outcomes = items.map((item) => writeOne(item, pending));
    indexer.insertDocs(pending);
    return outcomes;
  });
  /** One savepoint per article, so a bad one is refused alone. */
  const careful = db.transaction((items: readonly WritableItem[]): BatchOutcome[] => {
    tuneFts();
    const pending: DocFields[] = [];
    const outcomes = items.map((item): BatchOutcome => {
      try {
        return savepoint(item, pending);
      } catch (error) {
        // Its savepoint was rolled back, with any term it created: forget the ids resolved since.
        termIds.clear();
        return asError(error);
      }
    });
    indexer.insertDocs(pending);
    return outcomes;
  });
  const batch = (items: readonly WritableItem[]): BatchOutcome[] => {
    try {
      return quick.immediate(items);
    } catch {
      // Rolled back whole: terms created in it are gone too, so forget their ids; then article by article.
      termIds.clear();
      ftsTuned = false;
      return careful.immediate(items);
    }
  };

  return {
    /** Writes items in one transaction; one outcome per item, in order. */
    writeBatch(items: readonly WritableItem[]): BatchOutcome[] {
      const cacheSize = db.pragma('cache_size', { simple: true }) as number;
      db.pragma(`cache_size = -${BATCH_CACHE_KIB}`);
      try {
        return batch(items);
      } catch (error) {
        // The batch was rolled back: terms created in it are gone too, so forget their ids.
        termIds.clear();
        ftsTuned = false;
        throw error;
      } finally {
        // Back to the app's own cache (the memory is given back), so an import leaves no bigger process behind.
        db.pragma(`cache_size = ${cacheSize}`);
      }
    },
  };
}

export type ImportWriter = ReturnType<typeof createImportWriter>;
