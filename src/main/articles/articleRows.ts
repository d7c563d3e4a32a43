import type { Db } from '../db/open';

/** An articles row as SQLite returns it. */
export interface ArticleRow {
  id: string;
  headline: string;
  body: string;
  body_schema_version: number;
  status: string;
  language: string;
  created_at: number;
  updated_at: number;
  revision: number;
}

export type ArticleSummaryRow = Pick<
  ArticleRow,
  'id' | 'headline' | 'status' | 'language' | 'updated_at' | 'revision'
>;

/**
 * The articles and revisions tables' statements, prepared once per connection.
 * Plain functions over a Db so that they could move to a worker thread without changing callers.
 */
export function articleQueries(db: Db) {
  const getById = db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?');
  const listRecent = db.prepare<[number], ArticleSummaryRow>(
    `SELECT id, headline, status, language, updated_at, revision
       FROM articles ORDER BY updated_at DESC, id LIMIT ?`,
  );
  const insert = db.prepare<[ArticleRow]>(
    `INSERT INTO articles (id, headline, body, body_schema_version, status, language, created_at, updated_at, revision)
     VALUES (@id, @headline, @body, @body_schema_version, @status, @language, @created_at, @updated_at, @revision)`,
  );
  const updateContent = db.prepare<{
    id: string;
    headline: string;
    body: string;
    body_schema_version: number;
    updated_at: number;
    base_revision: number;
  }>(
    `UPDATE articles
        SET headline = @headline, body = @body, body_schema_version = @body_schema_version,
            updated_at = @updated_at, revision = revision + 1
      WHERE id = @id AND revision = @base_revision`,
  );
  const insertRevision = db.prepare<{
    article_id: string;
    revision: number;
    headline: string;
    body: string;
    body_schema_version: number;
    created_at: number;
  }>(
    `INSERT INTO revisions (article_id, revision, headline, body, body_schema_version, created_at)
     VALUES (@article_id, @revision, @headline, @body, @body_schema_version, @created_at)`,
  );
  const countRevisions = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM revisions WHERE article_id = ?',
  );

  return {
    get: (id: string): ArticleRow | undefined => getById.get(id),
    listRecent: (limit: number): ArticleSummaryRow[] => listRecent.all(limit),
    insert: (row: ArticleRow): void => void insert.run(row),
    /** Applies an edit only if nobody saved since baseRevision; returns whether it did. */
    updateContent: (args: Parameters<typeof updateContent.run>[0]): boolean =>
      updateContent.run(args).changes === 1,
    insertRevision: (args: Parameters<typeof insertRevision.run>[0]): void => void insertRevision.run(args),
    countRevisions: (id: string): number => countRevisions.get(id)?.n ?? 0,
  };
}

export type ArticleQueries = ReturnType<typeof articleQueries>;
