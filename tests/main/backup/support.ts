import { emptyFields } from '../../../src/main/articles/articleService';
import type { Core } from '../../../src/main/core/startCore';

/** A paragraph-heavy body, so that a store of a few hundred articles takes a backup several steps. */
export const bodyOf = (n: number, words = 400) => ({
  type: 'doc' as const,
  content: Array.from({ length: 8 }, (_, k) => ({
    type: 'paragraph',
    content: [
      { type: 'text', text: `Article ${n}, paragraphe ${k} : ${'mot '.repeat(words / 8)}${n * 31 + k}` },
    ],
  })),
});

/** Fills the store with `count` saved articles; returns their ids. */
export function fillStore(core: Core, count: number): string[] {
  const { articles } = core.services;
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const a = articles.create(n % 3 === 0 ? 'ar' : 'fr');
    articles.save({
      id: a.id,
      baseRevision: a.revision,
      fields: { ...emptyFields(a.language), headline: `Titre ${n}`, body: bodyOf(n) },
    });
    ids.push(a.id);
  }
  return ids;
}
