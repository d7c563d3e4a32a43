import { fieldsOf, type Article, type ArticleFields, type BodyDoc } from '../../shared/domain/article';
import type { ConflictChoice, ConflictView } from '../../shared/domain/conflict';
import { bodyText } from '../../shared/text/bodyText';
import { foldText } from '../../shared/text/fold';
import { wordDiff } from '../../shared/text/wordDiff';

/**
 * The other copy of an article in a conflict, wherever it comes from: the post on a site, or a review package
 * from another desk. The conflict view and the per-field merge only ever see this.
 */
export interface RemoteSide {
  source: 'site' | 'package';
  headline: string;
  standfirst: string;
  body: BodyDoc;
  /** When the remote copy was last changed, as the source states it (the site's modified_gmt, the export time). */
  changedAt: string;
  /**
   * The site's section and tags by name, as a pull maps them (no section of its own: the local one stands).
   * Absent for a review package, which carries no rival filing.
   */
  filing?: { sectionName: string | undefined; tagNames: string[] } | undefined;
  /** The post's slug, decoded as a pull stores it. Absent for a review package. */
  slug?: string | undefined;
  /**
   * The article's slug that the post's slug stands for, when the site has not changed it since the last sync
   * (WordPress drops accents and adds `-2`: "été-x" sent is "ete-x" there, and no conflict).
   */
  slugBasis?: string | undefined;
}

/** Tags are the same when they name the same terms, whatever the order, case or accents (as ensure folds names). */
const sameNames = (a: readonly string[], b: readonly string[]): boolean => {
  const fold = (names: readonly string[]) => [...new Set(names.map(foldText))].sort();
  return fold(a).join('\n') === fold(b).join('\n');
};

/** Both copies side by side, field by field, with a word diff of the body. */
export function compareSides(article: Article, remote: RemoteSide): ConflictView {
  const local = { headline: article.headline, standfirst: article.standfirst, body: bodyText(article.body) };
  const other = { headline: remote.headline, standfirst: remote.standfirst, body: bodyText(remote.body) };
  const fields: ConflictView['fields'] = (['headline', 'standfirst', 'body'] as const).map((field) => ({
    field,
    local: local[field],
    remote: other[field],
    same: local[field] === other[field],
  }));
  if (remote.filing) {
    const localSection = article.section?.name ?? '';
    const remoteSection = remote.filing.sectionName ?? localSection;
    const localTags = article.tags.map((t) => t.name);
    fields.push(
      {
        field: 'section',
        local: localSection,
        remote: remoteSection,
        same: sameNames([localSection], [remoteSection]),
      },
      {
        field: 'tags',
        local: localTags.join(', '),
        remote: remote.filing.tagNames.join(', '),
        same: sameNames(localTags, remote.filing.tagNames),
      },
    );
  }
  if (remote.slug !== undefined) {
    // No slug here means the push sends none and the site keeps its own: nothing to choose.
    fields.push({
      field: 'slug',
      local: article.slug,
      remote: remote.slug,
      same: !article.slug || article.slug === remote.slug || article.slug === remote.slugBasis,
    });
  }
  return {
    fields,
    bodyDiff: wordDiff(local.body, other.body),
    remoteModifiedGmt: remote.changedAt,
    source: remote.source,
  };
}

/** Makes (or finds) this desk's section or tag of a name, as a pull does. */
export type EnsureTerm = (kind: 'sections' | 'tags', name: string) => { id: number };

/**
 * The article's fields with each conflicting field taken from the chosen side. The site's section and tags
 * become this desk's terms of the same names (made when missing) only when taken.
 */
export function mergeSides(
  article: Article,
  remote: RemoteSide,
  take: ConflictChoice,
  ensure?: EnsureTerm,
): ArticleFields {
  const fields: ArticleFields = {
    ...fieldsOf(article),
    headline: take.headline === 'remote' ? remote.headline : article.headline,
    standfirst: take.standfirst === 'remote' ? remote.standfirst : article.standfirst,
    body: take.body === 'remote' ? remote.body : article.body,
  };
  if (take.slug === 'remote' && remote.slug !== undefined) fields.slug = remote.slug;
  if (remote.filing && ensure) {
    const { sectionName, tagNames } = remote.filing;
    if (take.section === 'remote' && sectionName) fields.sectionId = ensure('sections', sectionName).id;
    if (take.tags === 'remote') fields.tagIds = [...new Set(tagNames.map((name) => ensure('tags', name).id))];
  }
  return fields;
}
