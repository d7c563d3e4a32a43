import type { ArticleSummary } from '../../shared/domain/article';
import type { Term } from '../../shared/domain/term';
import type { Db } from '../db/open';

/** An articles row as SQLite returns it. */
export interface ArticleRow {
  id: string;
  kicker: string;
  headline: string;
  standfirst: string;
  body: string;
  body_schema_version: number;
  status: string;
  language: string;
  slug: string;
  seo_title: string;
  seo_description: string;
  section_id: number | null;
  /** FeaturedImage as JSON, or null. */
  featured_image: string | null;
  created_at: number;
  updated_at: number;
  revision: number;
}

export type ArticleSummaryRow = Pick<
  ArticleRow,
  'id' | 'kicker' | 'headline' | 'status' | 'language' | 'updated_at' | 'revision'
>;

export function toSummary(row: ArticleSummaryRow): ArticleSummary {
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

export type ArticleContent = Omit<ArticleRow, 'status' | 'created_at' | 'revision'>;

export interface RevisionRow {
  article_id: string;
  revision: number;
  headline: string;
  body: string;
  body_schema_version: number;
  /** Every other field of ArticleFields, as JSON. */
  fields: string;
  created_at: number;
}

const sameIds = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/** An article's tag and author ids in their order (the save's term check, a revision's state). */
export function termIdQueries(db: Db) {
  return {
    tagIdsOf: db
      .prepare<[string], number>('SELECT tag_id FROM article_tags WHERE article_id = ? ORDER BY position')
      .pluck(),
    authorIdsOf: db
      .prepare<[string], number>(
        'SELECT author_id FROM article_authors WHERE article_id = ? ORDER BY position',
      )
      .pluck(),
  };
}

/**
 * The articles, revisions and article-term statements, prepared once per connection.
 * Plain functions over a Db so that they could move to a worker thread without changing callers.
 */
export function articleQueries(db: Db) {
  const getById = db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?');
  const listRecent = db.prepare<[number], ArticleSummaryRow>(
    `SELECT id, kicker, headline, status, language, updated_at, revision
       FROM articles ORDER BY updated_at DESC, id LIMIT ?`,
  );
  const insert = db.prepare<[ArticleRow]>(
    `INSERT INTO articles (id, kicker, headline, standfirst, body, body_schema_version, status, language, slug,
                           seo_title, seo_description, section_id, featured_image, created_at, updated_at, revision)
     VALUES (@id, @kicker, @headline, @standfirst, @body, @body_schema_version, @status, @language, @slug,
             @seo_title, @seo_description, @section_id, @featured_image, @created_at, @updated_at, @revision)`,
  );
  const updateContent = db.prepare<
    [ArticleContent & { base_revision: number }],
    Pick<ArticleRow, 'status' | 'created_at' | 'revision'>
  >(
    `UPDATE articles
        SET kicker = @kicker, headline = @headline, standfirst = @standfirst, body = @body,
            body_schema_version = @body_schema_version, language = @language, slug = @slug,
            seo_title = @seo_title, seo_description = @seo_description, section_id = @section_id,
            featured_image = @featured_image, updated_at = @updated_at, revision = revision + 1
      WHERE id = @id AND revision = @base_revision
  RETURNING status, created_at, revision`,
  );
  const insertRevision = db.prepare<[RevisionRow]>(
    `INSERT INTO revisions (article_id, revision, headline, body, body_schema_version, fields, created_at)
     VALUES (@article_id, @revision, @headline, @body, @body_schema_version, @fields, @created_at)`,
  );
  const tagsOf = db.prepare<[string], Term>(
    `SELECT t.id, t.name, t.slug FROM article_tags at JOIN tags t ON t.id = at.tag_id
      WHERE at.article_id = ? ORDER BY at.position`,
  );
  const authorsOf = db.prepare<[string], Term>(
    `SELECT a.id, a.name, a.slug FROM article_authors aa JOIN authors a ON a.id = aa.author_id
      WHERE aa.article_id = ? ORDER BY aa.position`,
  );
  // A range on the slug index (partial: slug <> ''), not LIKE, which SQLite answers by scanning every row.
  // [base, base + '.') holds base itself and every base-… ('-' sorts just before '.').
  const slugsFrom = db.prepare<[string, string, string], { slug: string }>(
    "SELECT slug FROM articles WHERE slug <> '' AND slug >= ? AND slug < ? AND id <> ?",
  );
  const sectionById = db.prepare<[number], Term>('SELECT id, name, slug FROM sections WHERE id = ?');
  const { tagIdsOf, authorIdsOf } = termIdQueries(db);
  const clearTags = db.prepare<[string]>('DELETE FROM article_tags WHERE article_id = ?');
  const addTag = db.prepare<[string, number, number]>(
    'INSERT INTO article_tags (article_id, tag_id, position) VALUES (?, ?, ?)',
  );
  const clearAuthors = db.prepare<[string]>('DELETE FROM article_authors WHERE article_id = ?');
  const addAuthor = db.prepare<[string, number, number]>(
    'INSERT INTO article_authors (article_id, author_id, position) VALUES (?, ?, ?)',
  );

  return {
    get: (id: string): ArticleRow | undefined => getById.get(id),
    listRecent: (limit: number): ArticleSummaryRow[] => listRecent.all(limit),
    insert: (row: ArticleRow): void => void insert.run(row),
    /** Applies an edit only if nobody saved since baseRevision; returns the written row, or undefined. */
    updateContent: (content: ArticleContent, baseRevision: number): ArticleRow | undefined => {
      const kept = updateContent.get({ ...content, base_revision: baseRevision });
      return kept && { ...content, ...kept };
    },
    insertRevision: (row: RevisionRow): void => void insertRevision.run(row),
    tagsOf: (id: string): Term[] => tagsOf.all(id),
    authorsOf: (id: string): Term[] => authorsOf.all(id),
    section: (id: number): Term | undefined => sectionById.get(id),
    /** Slugs of other articles equal to base or of the form base-N. */
    slugsLike(id: string, base: string): Set<string> {
      const slugs = slugsFrom.all(base, `${base}.`, id).map((r) => r.slug);
      return new Set(slugs.filter((slug) => slug === base || slug.startsWith(`${base}-`)));
    },
    // Rewritten only when they changed: most saves keep their terms, and each rewrite dirties pages of two
    // indexes that the commit must then write and sync.
    setTags(id: string, tagIds: readonly number[]): void {
      if (sameIds(tagIdsOf.all(id), tagIds)) return;
      clearTags.run(id);
      tagIds.forEach((tagId, position) => addTag.run(id, tagId, position));
    },
    setAuthors(id: string, authorIds: readonly number[]): void {
      if (sameIds(authorIdsOf.all(id), authorIds)) return;
      clearAuthors.run(id);
      authorIds.forEach((authorId, position) => addAuthor.run(id, authorId, position));
    },
    /** The terms of an article inserted in this transaction, which has none to clear yet. */
    addTerms(id: string, tagIds: readonly number[], authorIds: readonly number[]): void {
      tagIds.forEach((tagId, position) => addTag.run(id, tagId, position));
      authorIds.forEach((authorId, position) => addAuthor.run(id, authorId, position));
    },
  };
}

export type ArticleQueries = ReturnType<typeof articleQueries>;
