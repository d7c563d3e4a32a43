import { randomUUID } from 'node:crypto';
import type { TermKind } from '../../shared/domain/term';
import { BODY_SCHEMA_VERSION } from '../../shared/editor/bodyExtensions';
import { bodyProblem } from '../../shared/editor/bodySchema';
import { foldText } from '../../shared/text/fold';
import { articleQueries } from '../articles/articleRows';
import type { ArticleWriteHook } from '../articles/articleService';
import { AppError } from '../core/errors';
import type { Db } from '../db/open';
import { createRevisionStore } from '../revisions/revisionStore';
import type { TermService } from '../taxonomy/termService';
import type { ImportItem } from './importItem';

export type WriteOutcome = 'created' | 'skipped';

/**
 * Writes imported articles: the row, its terms, its first revision and its search entry, like a save. The
 * caller groups many writes in one transaction (thousands a second); a source key already imported is
 * skipped, so importing the same file twice makes no copies.
 */
export function createImportWriter(db: Db, terms: TermService, hooks: readonly ArticleWriteHook[]) {
  const q = articleQueries(db);
  const revisions = createRevisionStore(db);
  const known = db.prepare<[string], { article_id: string }>(
    'SELECT article_id FROM article_sources WHERE source_key = ?',
  );
  const remember = db.prepare<[string, string]>(
    'INSERT INTO article_sources (source_key, article_id) VALUES (?, ?)',
  );
  // Names resolve to ids once per import, not once per article.
  const termIds = new Map<string, number>();
  function termId(kind: TermKind, name: string): number | undefined {
    const key = `${kind}\u0000${foldText(name)}`;
    let id = termIds.get(key);
    if (id === undefined && foldText(name)) {
      id = terms.ensure(kind, name).id;
      termIds.set(key, id);
    }
    return id;
  }
  const idsOf = (kind: TermKind, names: readonly string[]): number[] => [
    ...new Set(names.map((n) => termId(kind, n)).filter((id): id is number => id !== undefined)),
  ];

  function write(item: ImportItem): WriteOutcome {
    if (known.get(item.sourceKey)) return 'skipped';
    const problem = bodyProblem(item.body);
    if (problem) throw new AppError('invalid_input', `The body is not a valid article body: ${problem}`);
    const id = randomUUID();
    const sectionId = item.section ? (termId('sections', item.section) ?? null) : null;
    const tagIds = idsOf('tags', item.tags);
    const authorIds = idsOf('authors', item.authors);
    const body = JSON.stringify(item.body);
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
      slug: item.slug,
      seo_title: '',
      seo_description: '',
      section_id: sectionId,
      featured_image: featured,
      created_at: item.createdAt,
      updated_at: item.updatedAt,
      revision: 1,
    });
    q.setTags(id, tagIds);
    q.setAuthors(id, authorIds);
    revisions.record({
      articleId: id,
      revision: 1,
      fields: {
        kicker: item.kicker,
        headline: item.headline,
        standfirst: item.standfirst,
        body: item.body,
        language: item.language,
        slug: item.slug,
        seoTitle: '',
        seoDescription: '',
        sectionId,
        tagIds,
        authorIds,
        featuredImage: item.featuredImage,
      },
      bodySchemaVersion: BODY_SCHEMA_VERSION,
      kind: 'import',
      at: item.updatedAt,
    });
    remember.run(item.sourceKey, id);
    hooks.forEach((hook) => hook.afterWrite(id));
    return 'created';
  }

  return { write };
}

export type ImportWriter = ReturnType<typeof createImportWriter>;
