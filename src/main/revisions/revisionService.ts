import type { Article, ArticleFields, BodyDoc, PmNode } from '../../shared/domain/article';
import type { FieldDiff, RevisionSummary } from '../../shared/domain/revision';
import type { TermKind } from '../../shared/domain/term';
import { wordDiff } from '../../shared/text/wordDiff';
import type { ArticleService } from '../articles/articleService';
import { emptyFields } from '../articles/articleService';
import { notFound } from '../core/errors';
import type { Db } from '../db/open';
import { bodyText } from '../search/searchText';
import type { TermService } from '../taxonomy/termService';
import { createRevisionStore, type LoadedRevision } from './revisionStore';

/** The History panel's service: list, compare any two, restore (as a new revision). */
export function createRevisionService(db: Db, articles: ArticleService, terms: TermService) {
  const store = createRevisionStore(db);

  function fieldsOf(articleId: string, revision: number): ArticleFields {
    const loaded: LoadedRevision | undefined = store.get(articleId, revision);
    if (!loaded) throw notFound(`Revision ${revision}`);
    const language = loaded.rest.language ?? articles.get(articleId).language;
    return { ...emptyFields(language), ...loaded.rest, headline: loaded.headline, body: loaded.body };
  }

  const names = (kind: TermKind, ids: readonly number[]): string =>
    ids.map((id) => terms.nameInHistory(kind, id) ?? `#${id}`).join(', ');

  /** Each field as a person reads it, in the order of the form. */
  function readable(f: ArticleFields): [string, string][] {
    return [
      ['kicker', f.kicker],
      ['headline', f.headline],
      ['standfirst', f.standfirst],
      ['body', bodyText(f.body as BodyDoc as PmNode)],
      ['section', f.sectionId === null ? '' : names('sections', [f.sectionId])],
      ['tags', names('tags', f.tagIds)],
      ['authors', names('authors', f.authorIds)],
      ['language', f.language],
      ['slug', f.slug],
      ['seoTitle', f.seoTitle],
      ['seoDescription', f.seoDescription],
      ['imageCaption', f.featuredImage?.caption ?? ''],
      ['imageCredit', f.featuredImage?.credit ?? ''],
      ['imageAlt', f.featuredImage?.alt ?? ''],
    ];
  }

  return {
    list(articleId: string, limit: number): RevisionSummary[] {
      articles.get(articleId);
      return store.list(articleId, limit);
    },
    compare(articleId: string, from: number, to: number): FieldDiff[] {
      const before = readable(fieldsOf(articleId, from));
      const after = readable(fieldsOf(articleId, to));
      return before.map(([field, a], i) => {
        const b = after[i]![1];
        return {
          field,
          before: a,
          after: b,
          changed: a !== b,
          runs: a === b ? [{ text: a, kind: 'same' }] : wordDiff(a, b),
        };
      });
    },
    restore(articleId: string, revision: number, baseRevision: number): Article {
      const fields = fieldsOf(articleId, revision);
      // A term merged since comes back as the term it became; one that no longer exists is dropped rather
      // than refusing the whole restore.
      const today = (kind: TermKind, ids: readonly number[]) => [
        ...new Set(ids.flatMap((id) => terms.survivor(kind, id)?.id ?? [])),
      ];
      return articles.save({
        id: articleId,
        baseRevision,
        kind: 'restore',
        fields: {
          ...fields,
          sectionId: fields.sectionId === null ? null : (today('sections', [fields.sectionId])[0] ?? null),
          tagIds: today('tags', fields.tagIds),
          authorIds: today('authors', fields.authorIds),
        },
      });
    },
  };
}

export type RevisionService = ReturnType<typeof createRevisionService>;
