import { hash } from 'node:crypto';
import { userInfo } from 'node:os';
import type { ArticleFields, BodyDoc, PmNode } from '../../shared/domain/article';
import type { RevisionKind } from '../../shared/domain/revision';
import { wordChanges } from '../../shared/text/wordDiff';
import { countWordRuns } from '../../shared/text/wordRuns';
import { termIdQueries, type ArticleRow } from '../articles/articleRows';
import type { Db } from '../db/open';
import { bodyText } from '../search/searchText';

/** Typing saves that follow each other closer than this stay one revision... */
export const PAUSE_MS = 60_000;
/** ...but a burst of typing never spans more than this without a revision. */
export const MAX_BURST_MS = 10 * 60_000;

interface StoredRevision {
  article_id: string;
  revision: number;
  headline: string;
  body: string;
  body_blocks: string | null;
  body_schema_version: number;
  fields: string;
  kind: string;
  saved_by: string;
  words_added: number;
  words_removed: number;
  started_at: number;
  created_at: number;
}

type ArticleState = Pick<
  ArticleRow,
  | 'kicker'
  | 'headline'
  | 'standfirst'
  | 'body'
  | 'body_schema_version'
  | 'language'
  | 'slug'
  | 'seo_title'
  | 'seo_description'
  | 'section_id'
  | 'featured_image'
  | 'updated_at'
  | 'revision'
>;

/** The small fields in one fixed key order, so that equal fields are equal strings. */
const FIELD_ORDER = [
  'headline',
  'kicker',
  'standfirst',
  'language',
  'slug',
  'seoTitle',
  'seoDescription',
  'sectionId',
  'tagIds',
  'authorIds',
  'featuredImage',
] as const;

/**
 * The headline and the small fields of a revision as one JSON string. Revisions written before this kept the
 * headline in its own column and the rest here; a revision written since keeps both here, and its headline
 * column empty.
 */
function canonicalFields(headline: string, rest: Partial<ArticleFields>): string {
  const ordered: Record<string, unknown> = {};
  const all: Partial<ArticleFields> = { ...rest, headline };
  for (const key of FIELD_ORDER) if (all[key] !== undefined) ordered[key] = all[key];
  return JSON.stringify(ordered);
}

export interface RevisionInput {
  articleId: string;
  revision: number;
  fields: ArticleFields;
  bodySchemaVersion: number;
  kind: RevisionKind;
  at: number;
}

export interface LoadedRevision {
  revision: number;
  kind: RevisionKind;
  createdAt: number;
  savedBy: string;
  wordsAdded: number;
  wordsRemoved: number;
  headline: string;
  body: BodyDoc;
  /** Every other field, as stored (older rows may lack some). */
  rest: Partial<ArticleFields>;
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

/** What a writer reads in a revision, for counting words added and removed. */
export function readableText(headline: string, body: BodyDoc, rest: Partial<ArticleFields>): string {
  return [rest.kicker ?? '', headline, rest.standfirst ?? '', bodyText(body as PmNode)].join('\n');
}

/** Bytes of a block's own hash in its key: a collision must be between two blocks of the same article. */
const BLOCK_HASH_BYTES = 12;

/** The article part of a block key: the id's 16 bytes (ids are UUIDs), or a hash of an id that is not one. */
function ownerBytes(articleId: string): Buffer {
  const hex = articleId.replace(/-/g, '');
  return /^[0-9a-f]{32}$/i.test(hex)
    ? Buffer.from(hex, 'hex')
    : hash('sha256', articleId, 'buffer').subarray(0, 16);
}

/**
 * Revision storage: bodies as content-addressed blocks (see migration revision-storage), typing coalesced
 * into bursts. Runs inside the caller's save transaction.
 */
export function createRevisionStore(db: Db, savedBy: string = currentUser()) {
  const latestTwo = db.prepare<[string], StoredRevision>(
    'SELECT * FROM revisions WHERE article_id = ? ORDER BY revision DESC LIMIT 2',
  );
  const one = db.prepare<[string, number], StoredRevision>(
    'SELECT * FROM revisions WHERE article_id = ? AND revision = ?',
  );
  const all = db.prepare<[string, number], StoredRevision>(
    `SELECT article_id, revision, headline, '' AS body, NULL AS body_blocks, body_schema_version, '{}' AS fields,
            kind, saved_by, words_added, words_removed, started_at, created_at
       FROM revisions WHERE article_id = ? ORDER BY revision DESC LIMIT ?`,
  );
  const drop = db.prepare<[string, number]>('DELETE FROM revisions WHERE article_id = ? AND revision = ?');
  const insert = db.prepare<[StoredRevision]>(
    `INSERT INTO revisions (article_id, revision, headline, body, body_blocks, body_schema_version, fields, kind,
                            saved_by, words_added, words_removed, started_at, created_at)
     VALUES (@article_id, @revision, @headline, @body, @body_blocks, @body_schema_version, @fields, @kind,
             @saved_by, @words_added, @words_removed, @started_at, @created_at)`,
  );
  const blockByHash = db.prepare<[Buffer], { id: number }>('SELECT id FROM revision_blocks WHERE hash = ?');
  const addBlock = db.prepare<[Buffer, string]>('INSERT INTO revision_blocks (hash, json) VALUES (?, ?)');
  const addNewBlock = db.prepare<[Buffer, string], { id: number }>(
    'INSERT INTO revision_blocks (hash, json) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING RETURNING id',
  );
  // The fields of the nearest earlier revision that stored them (a revision stores '' when they did not change).
  const fieldsBefore = db
    .prepare<[string, number], string>(
      "SELECT fields FROM revisions WHERE article_id = ? AND revision < ? AND fields <> '' ORDER BY revision DESC LIMIT 1",
    )
    .pluck();
  const countOf = db.prepare<[string], number>('SELECT count(*) FROM revisions WHERE article_id = ?').pluck();
  const has = db
    .prepare<[string, number], number>('SELECT 1 FROM revisions WHERE article_id = ? AND revision = ?')
    .pluck();
  const currentRevision = db.prepare<[string], number>('SELECT revision FROM articles WHERE id = ?').pluck();
  const articleState = db.prepare<[string], ArticleState>(
    `SELECT kicker, headline, standfirst, body, body_schema_version, language, slug, seo_title, seo_description,
            section_id, featured_image, updated_at, revision
       FROM articles WHERE id = ?`,
  );
  const smallState = db.prepare<[string], Omit<ArticleState, 'body'>>(
    `SELECT kicker, headline, standfirst, body_schema_version, language, slug, seo_title, seo_description,
            section_id, featured_image, updated_at, revision
       FROM articles WHERE id = ?`,
  );
  const pinnedFields = db
    .prepare<[string], string>('SELECT fields FROM implied_revision_fields WHERE article_id = ?')
    .pluck();
  const pin = db.prepare<[string, string]>(
    'INSERT OR IGNORE INTO implied_revision_fields (article_id, fields) VALUES (?, ?)',
  );
  const unpin = db.prepare<[string]>('DELETE FROM implied_revision_fields WHERE article_id = ?');
  const { tagIdsOf, authorIdsOf } = termIdQueries(db);
  const blockJson = db.prepare<[number], string>('SELECT json FROM revision_blocks WHERE id = ?').pluck();
  const bodiesOf = db.prepare<[string], { body: string; body_blocks: string | null }>(
    'SELECT body, body_blocks FROM revisions WHERE article_id = ?',
  );

  /**
   * Stores each top-level block once per article; the block ids in order, or null for a body without content.
   *
   * A block's key is the article's id followed by the block's hash (blockKey). Blocks repeat between the
   * revisions of one article, almost never between articles; keyed by the hash alone, each new block was an
   * insert at a random place of one index over every block of the archive (about five per article), which an
   * import of a million articles paid on every block once the index outgrew the cache. Keyed by article, an
   * article's blocks sit together and, with time-ordered ids, new articles append at the index's right edge.
   * Blocks stored before (keyed by the hash alone) are still found, by their old key, when nothing matches.
   * `fresh`: the article has no blocks yet (its first revision is being written), so each is inserted without
   * being looked up first.
   */
  function storeBody(articleId: string, body: BodyDoc, fresh = false): number[] | null {
    if (!body.content) return null;
    const owner = ownerBytes(articleId);
    return body.content.map((node) => {
      const json = JSON.stringify(node);
      const digest = hash('sha256', json, 'buffer');
      const key = Buffer.concat([owner, digest.subarray(0, BLOCK_HASH_BYTES)]);
      if (fresh) return addNewBlock.get(key, json)?.id ?? blockByHash.get(key)!.id;
      return (
        blockByHash.get(key)?.id ??
        blockByHash.get(digest.subarray(0, 16))?.id ??
        Number(addBlock.run(key, json).lastInsertRowid)
      );
    });
  }

  /**
   * Words added and removed since `base`, reading only the blocks that differ. Blocks are content-addressed,
   * so a block id on both sides is the same text, and words never span blocks: taking the same blocks out of
   * both sides leaves the multiset difference that wordChanges counts unchanged. A save that edits one
   * paragraph of a long article then reads and tokenizes that paragraph, not the whole article twice.
   */
  function changesSince(
    base: StoredRevision,
    baseFields: string,
    input: RevisionInput,
    ids: number[] | null,
  ) {
    const { headline, body, ...rest } = input.fields;
    if (base.body_blocks === null) return wordChanges(textOf(base), readableText(headline, body, rest));
    const unmatched = new Map<number, number>();
    for (const id of (JSON.parse(base.body_blocks) as number[] | null) ?? [])
      unmatched.set(id, (unmatched.get(id) ?? 0) + 1);
    const addedBlocks: PmNode[] = [];
    (ids ?? []).forEach((id, k) => {
      const left = unmatched.get(id) ?? 0;
      if (left > 0) unmatched.set(id, left - 1);
      else addedBlocks.push(body.content![k]!);
    });
    const removedBlocks: PmNode[] = [];
    for (const [id, left] of unmatched) {
      const json = blockJson.get(id) ?? '{"type":"paragraph"}';
      for (let n = 0; n < left; n++) removedBlocks.push(JSON.parse(json) as PmNode);
    }
    const { headline: baseHeadline, rest: baseRest } = smallFieldsOf(base, baseFields);
    return wordChanges(
      readableText(baseHeadline, { type: 'doc', content: removedBlocks }, baseRest),
      readableText(headline, { type: 'doc', content: addedBlocks }, rest),
    );
  }

  function loadBody(row: StoredRevision): BodyDoc {
    if (row.body_blocks === null) return JSON.parse(row.body) as BodyDoc;
    const ids = JSON.parse(row.body_blocks) as number[] | null;
    if (ids === null) return { type: 'doc' };
    return {
      type: 'doc',
      content: ids.map((id) => JSON.parse(blockJson.get(id) ?? '{"type":"paragraph"}') as PmNode),
    };
  }

  /** The row's small fields as JSON: its own, or (stored as '') those of the revision it followed. */
  function fieldsOf(row: StoredRevision): string {
    if (row.fields !== '') return row.fields;
    return fieldsBefore.get(row.article_id, row.revision) ?? '{}';
  }

  function smallFieldsOf(
    row: StoredRevision,
    fields: string = fieldsOf(row),
  ): { headline: string; rest: Partial<ArticleFields> } {
    const { headline, body: _b, ...rest } = JSON.parse(fields) as Partial<ArticleFields>;
    return { headline: headline ?? row.headline, rest };
  }

  /** The row's small fields other than the headline, as a revision stores them. */
  function restOf(
    row: Omit<ArticleState, 'body'>,
    articleId: string,
  ): Omit<ArticleFields, 'headline' | 'body'> {
    return {
      kicker: row.kicker,
      standfirst: row.standfirst,
      language: row.language as ArticleFields['language'],
      slug: row.slug,
      seoTitle: row.seo_title,
      seoDescription: row.seo_description,
      sectionId: row.section_id,
      tagIds: tagIdsOf.all(articleId),
      authorIds: authorIdsOf.all(articleId),
      featuredImage: row.featured_image
        ? (JSON.parse(row.featured_image) as ArticleFields['featuredImage'])
        : null,
    };
  }

  function pinnedRest(fields: string): Partial<ArticleFields> {
    const { headline: _h, body: _b, ...rest } = JSON.parse(fields) as Partial<ArticleFields>;
    return rest;
  }

  /**
   * The article's current state as a revision, when no revision row holds it: an imported article keeps its
   * first revision in its own row until its first save (materialize), so an archive of a million articles,
   * most never edited again, does not store each body twice (the row, and the revision's blocks). Its small
   * fields are the row's, unless a term merge changed the row's links since (pinImpliedFields).
   */
  function implied(articleId: string, revision?: number): StoredRevision | undefined {
    const at = revision ?? currentRevision.get(articleId);
    if (at === undefined || has.get(articleId, at) !== undefined) return undefined;
    const row = articleState.get(articleId);
    if (!row || row.revision !== at) return undefined;
    const pinned = pinnedFields.get(articleId);
    const rest = pinned === undefined ? restOf(row, articleId) : pinnedRest(pinned);
    return {
      article_id: articleId,
      revision: row.revision,
      headline: row.headline,
      body: row.body,
      body_blocks: null,
      body_schema_version: row.body_schema_version,
      fields: pinned ?? canonicalFields(row.headline, rest),
      kind: 'import',
      saved_by: savedBy,
      words_added: countWordRuns(readableText(row.headline, JSON.parse(row.body) as BodyDoc, rest)),
      words_removed: 0,
      started_at: row.updated_at,
      created_at: row.updated_at,
    };
  }

  /**
   * Called by a term merge, in its transaction, before it changes these articles' links: the first revision
   * of each one that is still an untouched import (read from its row) keeps the fields it has now. Only the
   * small fields are written (about 200 bytes an article); the body stays in the row. A pin already there is
   * kept: it holds the fields as imported, before an earlier merge. Returns how many were pinned.
   */
  function pinImpliedFields(articleIds: readonly string[]): number {
    let pinned = 0;
    for (const articleId of articleIds) {
      const row = smallState.get(articleId);
      if (!row || has.get(articleId, row.revision) !== undefined) continue;
      pinned += pin.run(articleId, canonicalFields(row.headline, restOf(row, articleId))).changes;
    }
    return pinned;
  }

  /**
   * Called before a save overwrites the article's row: a state only the row held (an imported article's first
   * revision) is written as a revision first, so history, diffs and restores keep it.
   */
  function materialize(articleId: string, revision: number): void {
    const row = implied(articleId, revision);
    if (!row) return;
    const body = JSON.parse(row.body) as BodyDoc;
    insert.run({
      ...row,
      headline: '',
      body: '',
      body_blocks: JSON.stringify(storeBody(articleId, body, true)),
    });
    unpin.run(articleId);
  }

  function load(row: StoredRevision): LoadedRevision {
    const { headline, rest } = smallFieldsOf(row);
    return {
      revision: row.revision,
      kind: row.kind as RevisionKind,
      createdAt: row.created_at,
      savedBy: row.saved_by,
      wordsAdded: row.words_added,
      wordsRemoved: row.words_removed,
      headline,
      body: loadBody(row),
      rest,
    };
  }

  const textOf = (row: StoredRevision | undefined): string => {
    if (!row) return '';
    const r = load(row);
    return readableText(r.headline, r.body, r.rest);
  };

  function record(input: RevisionInput): void {
    const [latest, before] = latestTwo.all(input.articleId);
    const coalesce =
      input.kind === 'autosave' &&
      latest?.kind === 'autosave' &&
      input.at - latest.created_at < PAUSE_MS &&
      input.at - latest.started_at < MAX_BURST_MS;
    if (coalesce) drop.run(input.articleId, latest.revision);
    const base = coalesce ? before : latest;
    const { headline, body, ...rest } = input.fields;
    const ids = storeBody(input.articleId, body);
    // The headline and small fields (kicker, standfirst, terms, slug...) rarely change between saves: stored
    // only when they do.
    const fields = canonicalFields(headline, rest);
    // A first revision (a new article) adds every word: no diff to make.
    const baseFields = base ? fieldsOf(base) : undefined;
    const words = base
      ? changesSince(base, baseFields!, input, ids)
      : { added: countWordRuns(readableText(headline, body, rest)), removed: 0 };
    insert.run({
      article_id: input.articleId,
      revision: input.revision,
      headline: '',
      body: '',
      body_blocks: JSON.stringify(ids),
      body_schema_version: input.bodySchemaVersion,
      fields: baseFields === fields ? '' : fields,
      kind: input.kind,
      saved_by: savedBy,
      words_added: words.added,
      words_removed: words.removed,
      started_at: coalesce ? latest.started_at : input.at,
      created_at: input.at,
    });
  }

  return {
    record,
    materialize,
    pinImpliedFields,
    /** Whether a save of this revision would first write it out (materialize): an untouched import's. */
    isImplied(articleId: string, revision: number): boolean {
      return has.get(articleId, revision) === undefined && currentRevision.get(articleId) === revision;
    },
    get(articleId: string, revision: number): LoadedRevision | undefined {
      const row = one.get(articleId, revision) ?? implied(articleId, revision);
      return row ? load(row) : undefined;
    },
    /**
     * The top-level body blocks of any revision of an article whose JSON contains one of `needles` (ids):
     * for the rare look back at history (an undo bringing back a suggestion that was accepted meanwhile).
     */
    blocksMentioning(articleId: string, needles: readonly string[]): PmNode[] {
      const found: PmNode[] = [];
      const mentions = (json: string) => needles.some((needle) => json.includes(needle));
      const blockIds = new Set<number>();
      const current = implied(articleId);
      for (const row of current ? [...bodiesOf.all(articleId), current] : bodiesOf.all(articleId)) {
        if (row.body_blocks === null) {
          if (mentions(row.body))
            found.push(
              ...((JSON.parse(row.body) as BodyDoc).content ?? []).filter((b) => mentions(JSON.stringify(b))),
            );
        } else for (const id of (JSON.parse(row.body_blocks) as number[] | null) ?? []) blockIds.add(id);
      }
      for (const id of blockIds) {
        const json = blockJson.get(id);
        if (json !== undefined && mentions(json)) found.push(JSON.parse(json) as PmNode);
      }
      return found;
    },
    /** How many revisions the article has, the one its row stands for (an untouched import) included. */
    count(articleId: string): number {
      return countOf.get(articleId)! + (implied(articleId) ? 1 : 0);
    },
    /** Newest first, without bodies. */
    list(articleId: string, limit: number): Omit<LoadedRevision, 'headline' | 'body' | 'rest'>[] {
      const current = implied(articleId);
      const rows = current
        ? [current, ...all.all(articleId, Math.max(0, limit - 1))]
        : all.all(articleId, limit);
      return rows.slice(0, limit).map((row) => ({
        revision: row.revision,
        kind: row.kind as RevisionKind,
        createdAt: row.created_at,
        savedBy: row.saved_by,
        wordsAdded: row.words_added,
        wordsRemoved: row.words_removed,
      }));
    },
  };
}

export type RevisionStore = ReturnType<typeof createRevisionStore>;
