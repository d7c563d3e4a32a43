import { describe, expect, it } from 'vitest';
import type { ArticleFields } from '../../../src/shared/domain/article';
import { prePublishChecks } from '../../../src/shared/publishing/prePublishChecks';

const clean: ArticleFields = {
  kicker: '',
  headline: 'Le maire\u00a0: «\u202frien n’est joué\u202f»',
  standfirst: 'Un chapeau propre.',
  body: {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Un texte propre.' }] }],
  },
  language: 'fr',
  slug: '',
  seoTitle: '',
  seoDescription: '',
  sectionId: 1,
  tagIds: [],
  authorIds: [],
  featuredImage: { mediaId: 'm', caption: 'Légende', credit: 'AFP', alt: 'Description' },
};
const codes = (patch: Partial<ArticleFields>) =>
  prePublishChecks({ ...clean, ...patch }).map((f) => `${f.level}:${f.code}`);

describe('pre-publish checks', () => {
  it('passes a clean French article', () => {
    expect(codes({})).toEqual([]);
  });
  it('blocks on a missing headline, section, body, image alt or credit, and malformed links', () => {
    expect(
      codes({ headline: ' ', sectionId: null, body: { type: 'doc', content: [{ type: 'paragraph' }] } }),
    ).toEqual([
      'error:headline_missing',
      'error:section_missing',
      'warning:empty_paragraph',
      'error:body_empty',
    ]);
    expect(codes({ featuredImage: { mediaId: 'm', caption: '', credit: ' ', alt: '' } })).toEqual([
      'error:featured_alt_missing',
      'error:featured_credit_missing',
    ]);
    const link = (href: string) => ({
      type: 'doc' as const,
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'lien', marks: [{ type: 'link', attrs: { href } }] }],
        },
      ],
    });
    expect(codes({ body: link('https://example.org/a') })).toEqual([]);
    expect(codes({ body: link('javascript:alert(1)') })).toEqual(['error:link_malformed']);
    expect(codes({ body: link('htp//oops') })).toEqual(['error:link_malformed']);
    const image = {
      type: 'doc' as const,
      content: [{ type: 'image', attrs: { src: 'x', alt: '' } }, clean.body.content![0]!],
    };
    expect(codes({ body: image })).toEqual(['error:inline_image_alt_missing']);
  });
  it('warns about a long headline and unclean French typography, not about Arabic or English', () => {
    expect(codes({ headline: 'Titre '.repeat(25) })).toEqual(['warning:headline_too_long']);
    expect(codes({ standfirst: 'Deux  espaces.' })).toEqual(['warning:double_space']);
    expect(codes({ standfirst: "L'Élysée dit : « oui »!" })).toEqual([
      'warning:fr_straight_apostrophe',
      'warning:fr_space_before_punctuation',
      'warning:fr_guillemet_spacing',
    ]);
    expect(codes({ language: 'en', standfirst: "It's fine: yes!" })).toEqual([]);
    expect(codes({ standfirst: 'Voir https://example.org/x?a=1 pour plus.' })).toEqual([]);
  });
});
