import type {
  Article,
  ArticleFields,
  ArticleSummary,
  SavedArticle,
  BodyDoc,
  FeaturedImage,
  Language,
  PmNode,
} from '../../shared/domain/article';
import type { Term } from '../../shared/domain/term';
import type { WrittenArticle } from './writtenArticle';
import type { RevisionKind } from '../../shared/domain/revision';
import { BODY_SCHEMA_VERSION, EMPTY_BODY } from '../../shared/editor/bodyExtensions';
import { migrateBody } from '../../shared/editor/bodyMigrations';
import { bodyMediaIds, bodyProblem } from '../../shared/editor/bodySchema';
import { slugify } from '../../shared/text/slug';
import { AppError, notFound } from '../core/errors';
import { timeOrderedId } from '../core/timeOrderedId';
import type { EventBus } from '../core/eventBus';
import { withDurability } from '../db/durability';
import type { Db } from '../db/open';
import type { MediaStore } from '../media/mediaStore';
import type { SaveGuard } from '../review/reviewMarkGuard';
import { createRevisionStore } from '../revisions/revisionStore';
import type { TermService } from '../taxonomy/termService';
import { articleQueries, type ArticleContent, type ArticleRow, type ArticleSummaryRow } from './articleRows';

export interface SaveInput {
  id: string;
  baseRevision: number;
  fields: ArticleFields;
  /** Why this save happens; typing ('autosave', the default) coalesces into one revision per burst. */
  kind?: RevisionKind | undefined;
}

/**
 * Work that must commit with every article write (the search index): called inside the save's transaction,
 * so a failure rolls the save back and a committed save is never missing from it.
 */
export interface ArticleWriteHook {
  /** `written`: the article as the write left it, when the writer has it in hand (a save does). */
  afterWrite(articleId: string, written?: WrittenArticle): void;
  /** Many articles changed in one transaction (a term merge or rename): may do better than one by one. */
  afterWriteMany?(articleIds: readonly string[]): void;
}

export function emptyFields(language: Language): ArticleFields {
  return {
    kicker: '',
    headline: '',
    standfirst: '',
    body: EMPTY_BODY as unknown as BodyDoc,
    language,
    slug: '',
    seoTitle: '',
    seoDescription: '',
    sectionId: null,
    tagIds: [],
    authorIds: [],
    featuredImage: null,
  };
}

function toSummary(row: ArticleSummaryRow): ArticleSummary {
  return {
    id: row.id,
    kicker: row.kicker,
    headline: row.headline,
    status: row.status as ArticleSummary['status'],
    language: row.language as ArticleSummary['language'],
    updatedAt: row.updated_at,
    revision: row.revision,
  };
}

function toContent(id: string, fields: ArticleFields, at: number): ArticleContent {
  return {
    id,
    kicker: fields.kicker,
    headline: fields.headline,
    standfirst: fields.standfirst,
    body: JSON.stringify(fields.body),
    body_schema_version: BODY_SCHEMA_VERSION,
    language: fields.language,
    slug: fields.slug,
    seo_title: fields.seoTitle,
    seo_description: fields.seoDescription,
    section_id: fields.sectionId,
    featured_image: fields.featuredImage ? JSON.stringify(fields.featuredImage) : null,
    updated_at: at,
  };
}

/** Creating, reading and saving articles. Each write is one transaction: the row, its terms and its revision. */
export function createArticleService(
  db: Db,
  bus: EventBus,
  terms: TermService,
  media: MediaStore,
  now: () => number = Date.now,
  hooks: readonly ArticleWriteHook[] = [],
) {
  const q = articleQueries(db);
  const revisions = createRevisionStore(db);
  const afterWrite = (id: string, written?: WrittenArticle): void =>
    hooks.forEach((hook) => hook.afterWrite(id, written));

  /** The slug itself when no other article has it, else the first free slug-2, slug-3… */
  function uniqueSlug(id: string, wanted: string): string {
    const base = slugify(wanted);
    if (!base) return '';
    const taken = q.slugsLike(id, base);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    return slug;
  }

  function toArticle(row: ArticleRow): Article {
    const body = migrateBody(JSON.parse(row.body) as BodyDoc, row.body_schema_version);
    return articleOf(row, body, q.tagsOf(row.id), q.authorsOf(row.id));
  }

  function articleOf(row: ArticleRow, body: BodyDoc, tags: Term[], authors: Term[]): Article {
    return {
      id: row.id,
      kicker: row.kicker,
      headline: row.headline,
      standfirst: row.standfirst,
      body,
      bodySchemaVersion: BODY_SCHEMA_VERSION,
      status: row.status as Article['status'],
      language: row.language as Article['language'],
      slug: row.slug,
      seoTitle: row.seo_title,
      seoDescription: row.seo_description,
      sectionId: row.section_id,
      tagIds: tags.map((t) => t.id),
      authorIds: authors.map((a) => a.id),
      featuredImage: row.featured_image ? (JSON.parse(row.featured_image) as FeaturedImage) : null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      revision: row.revision,
      section: row.section_id === null ? null : (q.section(row.section_id) ?? null),
      tags,
      authors,
    };
  }

  /** Refuses what the store could not hold faithfully, before anything is written. */
  function check(fields: ArticleFields): void {
    const problem = bodyProblem(fields.body);
    if (problem) throw new AppError('invalid_input', `The body is not a valid article body: ${problem}`);
    const missingMedia = [
      ...(fields.featuredImage ? [fields.featuredImage.mediaId] : []),
      ...bodyMediaIds(fields.body),
    ].find((mediaId) => !media.has(mediaId));
    if (missingMedia !== undefined)
      throw new AppError(
        'invalid_input',
        `The image ${missingMedia.slice(0, 80)} is not in the media store.`,
      );
    if (fields.sectionId !== null && !terms.get('sections', fields.sectionId)) {
      throw new AppError('invalid_input', `There is no section ${fields.sectionId}.`);
    }
    for (const [kind, ids] of [
      ['tags', fields.tagIds],
      ['authors', fields.authorIds],
    ] as const) {
      if (new Set(ids).size !== ids.length)
        throw new AppError('invalid_input', `The same ${kind.slice(0, -1)} is listed twice.`);
      const missing = ids.find((id) => !terms.get(kind, id));
      if (missing !== undefined)
        throw new AppError('invalid_input', `There is no ${kind.slice(0, -1)} ${missing}.`);
    }
  }

  const create = db.transaction((language: Language, id: string): ArticleRow => {
    const at = now();
    const fields = emptyFields(language);
    const row: ArticleRow = { ...toContent(id, fields, at), status: 'draft', created_at: at, revision: 1 };
    q.insert(row);
    revisions.record({
      articleId: id,
      revision: 1,
      fields,
      bodySchemaVersion: BODY_SCHEMA_VERSION,
      kind: 'created',
      at,
    });
    afterWrite(id);
    return row;
  });

  // Returns the article as written without reading it back: its body is the caller's (validated) tree, which
  // the row holds as JSON. Reading and parsing a 20,000-word body again cost 7-26 ms (mostly JSON.parse).
  const save = db.transaction((input: SaveInput, guard?: SaveGuard): Article => {
    const stored = guard ? q.get(input.id) : undefined;
    // On a stale base the write below refuses it as a conflict; there is nothing to compare against then.
    const marks =
      guard && stored && stored.revision === input.baseRevision
        ? guard.check(
            {
              articleId: input.id,
              revision: stored.revision,
              updatedAt: stored.updated_at,
              body: () => migrateBody(JSON.parse(stored.body) as BodyDoc, stored.body_schema_version),
            },
            input.fields.body,
          )
        : undefined;
    const at = now();
    // The slug is normalized and made unique here, in the same transaction as the write that claims it.
    const fields = { ...input.fields, slug: uniqueSlug(input.id, input.fields.slug) };
    const content = toContent(input.id, fields, at);
    revisions.materialize(input.id, input.baseRevision);
    const row = q.updateContent(content, input.baseRevision);
    if (!row) {
      const current = q.get(input.id);
      if (!current) throw notFound('The article');
      throw new AppError(
        'conflict',
        `This article was saved elsewhere (now at revision ${current.revision}, this edit was made on ${input.baseRevision}).`,
      );
    }
    q.setTags(input.id, input.fields.tagIds);
    q.setAuthors(input.id, input.fields.authorIds);
    revisions.record({
      articleId: input.id,
      revision: input.baseRevision + 1,
      fields,
      bodySchemaVersion: BODY_SCHEMA_VERSION,
      kind: input.kind ?? 'autosave',
      at,
    });
    const tags = q.tagsOf(input.id);
    const authors = q.authorsOf(input.id);
    afterWrite(input.id, {
      id: input.id,
      kicker: fields.kicker,
      headline: fields.headline,
      standfirst: fields.standfirst,
      body: fields.body as PmNode,
      featuredImage: fields.featuredImage,
      status: row.status,
      language: fields.language,
      sectionId: fields.sectionId,
      tags,
      authors,
      updatedAt: at,
    });
    if (marks) guard?.remember(input.id, row.revision, row.updated_at, marks);
    return articleOf(row, fields.body, tags, authors);
  });

  /**
   * An imported article's first revision is its own row until a save overwrites it; that save then writes it
   * out as a revision too (materialize), in the synced commit the journalist waits on: at 1M articles about
   * 0.2 ms and 3-5 more WAL pages (a first save's larger cost was the process warming up, README). Opened in
   * the editor, the article is about to be edited: its first revision is written just after the open has
   * answered, while the editor draws it, so that the save they wait on writes only its own revision. A save
   * that comes first writes it itself, as before; the late preparation then finds it and writes nothing.
   */
  const prepare = db.transaction((id: string, revision: number) => revisions.materialize(id, revision));
  const preparing = new Set<string>();
  function prepareFirstRevision(id: string, revision: number): void {
    if (preparing.has(id)) return;
    preparing.add(id);
    setImmediate(() => {
      preparing.delete(id);
      if (!db.open) return;
      try {
        // Relaxed: it copies what the row still holds, so a commit lost to a power cut loses nothing.
        if (revisions.isImplied(id, revision))
          withDurability(db, 'relaxed', () => prepare.immediate(id, revision));
      } catch {
        // Busy or failing: the first save writes it instead.
      }
    });
  }

  function get(id: string): Article {
    const row = q.get(id);
    if (!row) throw notFound('The article');
    return toArticle(row);
  }

  function commit(input: SaveInput, guard?: SaveGuard): Article {
    check(input.fields);
    // Typing from a desk's editor (the guarded channel) commits without waiting for the disk; every save
    // main makes itself (status, sync, restore, conflicts) and every explicit save is synced before its reply
    // (durability.ts: 'acknowledged', the fsync off the main thread).
    const typing = guard !== undefined && (input.kind ?? 'autosave') === 'autosave';
    const saved = withDurability(db, typing ? 'relaxed' : 'acknowledged', () => save.immediate(input, guard));
    bus.emit('articles:changed', { id: saved.id, revision: saved.revision });
    return saved;
  }

  return {
    list(limit: number): ArticleSummary[] {
      return q.listRecent(limit).map(toSummary);
    },
    get,
    /**
     * `get` for the editor (articles:get): an article opened to be edited. An imported article's first revision
     * is prepared in the next quiet turn (prepareFirstRevision), off the first save.
     */
    open(id: string): Article {
      const article = get(id);
      prepareFirstRevision(id, article.revision);
      return article;
    },
    /** A new empty draft; `id` only for an article that travelled from another desk (a review package). */
    create(language: Language, id: string = timeOrderedId()): Article {
      if (q.get(id)) throw new AppError('conflict', 'An article with this id already exists.');
      const row = withDurability(db, 'acknowledged', () => create.immediate(language, id));
      bus.emit('articles:changed', { id: row.id, revision: row.revision });
      return toArticle(row);
    },
    /**
     * `guard` for what a desk's editor sends (the articles:save channel): its review marks are checked
     * against the stored body. Saves main makes itself (sync, status, restore) carry others' marks as they are.
     */
    save(input: SaveInput, guard?: SaveGuard): Article {
      return commit(input, guard);
    },
    /** `save` for the editor (the articles:save channel): the answer leaves out the body it sent. */
    saveDraft(input: SaveInput, guard?: SaveGuard): SavedArticle {
      const { body: _sent, ...saved } = commit(input, guard);
      return saved;
    },
    /** A slug for this article made from text (usually its headline), unused by any other article. */
    uniqueSlug(id: string, text: string): string {
      return uniqueSlug(id, text);
    },
    revisionCount(id: string): number {
      return revisions.count(id);
    },
  };
}

export type ArticleService = ReturnType<typeof createArticleService>;
