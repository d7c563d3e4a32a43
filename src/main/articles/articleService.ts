import { randomUUID } from 'node:crypto';
import type { Article, ArticleSummary, BodyDoc, Language } from '../../shared/domain/article';
import { BODY_SCHEMA_VERSION, EMPTY_BODY } from '../../shared/editor/bodyExtensions';
import { bodyProblem } from '../../shared/editor/bodySchema';
import { AppError, notFound } from '../core/errors';
import type { EventBus } from '../core/eventBus';
import type { Db } from '../db/open';
import { articleQueries, type ArticleRow, type ArticleSummaryRow } from './articleRows';

export interface SaveInput {
  id: string;
  baseRevision: number;
  headline: string;
  body: BodyDoc;
}

function toArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    headline: row.headline,
    body: JSON.parse(row.body) as BodyDoc,
    bodySchemaVersion: row.body_schema_version,
    status: row.status as Article['status'],
    language: row.language as Article['language'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: row.revision,
  };
}

function toSummary(row: ArticleSummaryRow): ArticleSummary {
  return {
    id: row.id,
    headline: row.headline,
    status: row.status as ArticleSummary['status'],
    language: row.language as ArticleSummary['language'],
    updatedAt: row.updated_at,
    revision: row.revision,
  };
}

/** Creating, reading and saving articles. Each write is one transaction: the row and its revision together. */
export function createArticleService(db: Db, bus: EventBus, now: () => number = Date.now) {
  const q = articleQueries(db);

  const create = db.transaction((language: Language): ArticleRow => {
    const at = now();
    const row: ArticleRow = {
      id: randomUUID(),
      headline: '',
      body: JSON.stringify(EMPTY_BODY),
      body_schema_version: BODY_SCHEMA_VERSION,
      status: 'draft',
      language,
      created_at: at,
      updated_at: at,
      revision: 1,
    };
    q.insert(row);
    q.insertRevision({
      article_id: row.id,
      revision: 1,
      headline: '',
      body: row.body,
      body_schema_version: BODY_SCHEMA_VERSION,
      created_at: at,
    });
    return row;
  });

  const save = db.transaction((input: SaveInput): ArticleRow => {
    const at = now();
    const body = JSON.stringify(input.body);
    const applied = q.updateContent({
      id: input.id,
      headline: input.headline,
      body,
      body_schema_version: BODY_SCHEMA_VERSION,
      updated_at: at,
      base_revision: input.baseRevision,
    });
    if (!applied) {
      const current = q.get(input.id);
      if (!current) throw notFound('The article');
      throw new AppError(
        'conflict',
        `This article was saved elsewhere (now at revision ${current.revision}, this edit was made on ${input.baseRevision}).`,
      );
    }
    const revision = input.baseRevision + 1;
    q.insertRevision({
      article_id: input.id,
      revision,
      headline: input.headline,
      body,
      body_schema_version: BODY_SCHEMA_VERSION,
      created_at: at,
    });
    const saved = q.get(input.id);
    if (!saved) throw notFound('The article');
    return saved;
  });

  return {
    list(limit: number): ArticleSummary[] {
      return q.listRecent(limit).map(toSummary);
    },
    get(id: string): Article {
      const row = q.get(id);
      if (!row) throw notFound('The article');
      return toArticle(row);
    },
    create(language: Language): Article {
      const row = create.immediate(language);
      bus.emit('articles:changed', { id: row.id, revision: row.revision });
      return toArticle(row);
    },
    save(input: SaveInput): Article {
      const problem = bodyProblem(input.body);
      if (problem) throw new AppError('invalid_input', `The body is not a valid article body: ${problem}`);
      const row = save.immediate(input);
      bus.emit('articles:changed', { id: row.id, revision: row.revision });
      return toArticle(row);
    },
    revisionCount(id: string): number {
      return q.countRevisions(id);
    },
  };
}

export type ArticleService = ReturnType<typeof createArticleService>;
