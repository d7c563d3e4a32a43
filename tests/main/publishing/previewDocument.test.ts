import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/shared/domain/article';
import { articleHtml } from '../../../src/main/publishing/articleHtml';
import { renderPreview } from '../../../src/main/publishing/previewDocument';

const PHOTO = `${'a'.repeat(64)}.jpg`;
const HOSTILE = `<script>parent.document.title='pwned'</script><img src=x onerror="parent.document.title='pwned'">`;

function article(patch: Partial<Article> = {}): Article {
  return {
    id: '5b0ed1d8-4a4e-4c1e-9a57-0d5f5a1c2b3e',
    kicker: 'Municipales',
    headline: 'Le maire de Lyon : « rien n’est joué »',
    standfirst: 'Au second tour, la gauche part favorite.',
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Premier paragraphe.' }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Intertitre' }] },
      ],
    },
    bodySchemaVersion: 1,
    language: 'fr',
    slug: 'maire-lyon',
    seoTitle: '',
    seoDescription: '',
    sectionId: null,
    tagIds: [],
    authorIds: [],
    featuredImage: {
      mediaId: PHOTO,
      caption: 'La place Bellecour',
      credit: 'AFP',
      alt: 'Une place au soleil',
    },
    status: 'approved',
    createdAt: 1,
    updatedAt: 2,
    revision: 3,
    section: null,
    tags: [{ id: 1, name: 'Élections', slug: 'elections' }],
    authors: [{ id: 1, name: 'Amina Benali', slug: 'amina-benali' }],
    ...patch,
  };
}

const options = {
  stylesheet: '/assets/article.css',
  siteName: 'Le Quotidien',
  siteUrl: 'https://journal.test',
  date: 0,
};

describe('the preview', () => {
  it('holds the very body HTML that publishing sends, with every part of the article template', () => {
    const a = article();
    const preview = renderPreview(a, options);
    expect(preview.bodyHtml).toBe(articleHtml(a).bodyHtml);
    expect(preview.document).toContain(`<div class="story-body">${articleHtml(a).bodyHtml}</div>`);
    for (const text of [
      'Municipales',
      'Le maire de Lyon : « rien n’est joué »',
      'Au second tour',
      'Amina Benali',
      'La place Bellecour',
      'AFP',
      'Une place au soleil',
      'Élections',
    ])
      expect(preview.document).toContain(text);
    expect(preview.document).toContain('<link rel="stylesheet" href="/assets/article.css" />');
    expect(preview.document).toMatch(/script-src 'none'/);
    expect(preview.snippet).toEqual({
      title: 'Le maire de Lyon : « rien n’est joué »',
      url: 'https://journal.test/maire-lyon/',
      description: 'Au second tour, la gauche part favorite.',
    });
    expect(preview.card).toMatchObject({
      siteName: 'Le Quotidien',
      imageAlt: 'Une place au soleil',
      imageMediaId: PHOTO,
    });
  });

  it('shows the featured photo from the media store, with its alt text, caption and credit', () => {
    const preview = renderPreview(article(), { ...options, hasMedia: (id) => id === PHOTO });
    expect(preview.document).toContain(
      `<figure class="featured"><img src="/media/${PHOTO}" alt="Une place au soleil" />` +
        '<figcaption>La place Bellecour — Photo\u00a0: <span class="credit">AFP</span></figcaption></figure>',
    );
    // The frame loads images from the app's own origin only: no remote, data: or blob: image.
    expect(preview.document).toMatch(/img-src 'self';/);
    expect(preview.document).not.toMatch(/img-src[^;]*(data:|blob:|https?:)/);
  });

  it('marks a featured photo missing from the store instead of pointing anywhere else', () => {
    for (const mediaId of [PHOTO, 'https://tracker.test/pixel.gif', `x" onerror="alert(1)`]) {
      const preview = renderPreview(
        article({ featuredImage: { mediaId, caption: '', credit: 'AFP', alt: 'Une place' } }),
        { ...options, hasMedia: () => false },
      );
      expect(preview.document).not.toContain('<img');
      expect(preview.document).toContain('<div class="photo-missing" role="img" aria-label="Une place">');
      expect(preview.document).toContain(
        '<figcaption>Photo\u00a0: <span class="credit">AFP</span></figcaption>',
      );
      expect(preview.card.imageMediaId).toBeNull();
    }
  });

  it('prefers the SEO title and description for the search snippet, cut to what engines show', () => {
    const preview = renderPreview(article({ seoTitle: 'T'.repeat(80), seoDescription: 'Résumé.' }), options);
    expect(preview.snippet.title).toHaveLength(60);
    expect(preview.snippet.title.endsWith('…')).toBe(true);
    expect(preview.snippet.description).toBe('Résumé.');
  });

  it('writes Arabic right to left', () => {
    const preview = renderPreview(article({ language: 'ar', headline: 'الانتخابات البلدية' }), options);
    expect(preview.direction).toBe('rtl');
    expect(preview.document).toContain('<html lang="ar" dir="rtl">');
  });

  it('shows markup typed in any field as text, never as markup', () => {
    const escaped = HOSTILE.replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
    const preview = renderPreview(
      article({
        kicker: HOSTILE,
        headline: HOSTILE,
        standfirst: HOSTILE,
        featuredImage: { mediaId: PHOTO, caption: HOSTILE, credit: HOSTILE, alt: HOSTILE },
        tags: [{ id: 1, name: HOSTILE, slug: 'x' }],
        authors: [{ id: 1, name: HOSTILE, slug: 'y' }],
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: HOSTILE }] }] },
      }),
      options,
    );
    expect(preview.document).not.toMatch(/<script/i);
    // The one image is the featured photo from the store; the alt text stays inside its quoted attribute.
    expect(preview.document.match(/<img/gi)).toHaveLength(1);
    expect(preview.document).toContain(`<img src="/media/${PHOTO}" alt="${escaped}" />`);
    expect(preview.document).toContain('&lt;script&gt;');
  });
});
