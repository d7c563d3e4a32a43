import { describe, expect, it } from 'vitest';
import { emptyFields } from '../../../src/main/articles/articleService';
import { AppError } from '../../../src/main/core/errors';
import { startCore, type Core } from '../../../src/main/core/startCore';
import type { ArticleFields, BodyDoc } from '../../../src/shared/domain/article';
import { imageFixture } from '../../support/images';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

const body = (...paragraphs: string[]): BodyDoc => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

const fields = (overrides: Partial<ArticleFields>): ArticleFields => ({ ...emptyFields('fr'), ...overrides });

function open(dir = tempDir()): Core {
  return startCore({ dataDir: dir, transport: 'host', version: 'test' });
}

const isCode = (code: string) => expect.objectContaining({ code }) as unknown as Error;

describe('saving articles', () => {
  it('keeps each save as a revision and bumps the counter', () => {
    const core = open();
    const { articles } = core.services;
    const created = articles.create('fr');
    expect(created.revision).toBe(1);
    // Explicit saves: each is kept (typing, the default kind, coalesces; see tests/main/revisions).
    const first = articles.save({
      id: created.id,
      baseRevision: 1,
      kind: 'explicit',
      fields: fields({ headline: 'Inondations dans le Gard', body: body('Premier jet.') }),
    });
    const second = articles.save({
      id: created.id,
      baseRevision: first.revision,
      kind: 'explicit',
      fields: fields({
        headline: 'Inondations dans le Gard : l’alerte rouge levée',
        body: body('Premier jet.', 'Mise à jour à 18 h.'),
      }),
    });
    expect(second.revision).toBe(3);
    expect(articles.get(created.id)).toMatchObject({
      headline: 'Inondations dans le Gard : l’alerte rouge levée',
      body: body('Premier jet.', 'Mise à jour à 18 h.'),
    });
    expect(articles.revisionCount(created.id)).toBe(3);
    core.close();
  });

  it('stores every field of the article, with its section, tags and authors in order', () => {
    const dir = tempDir();
    const core = open(dir);
    const { articles, terms } = core.services;
    const section = terms.ensure('sections', 'International');
    const tags = ['Élysée', 'Diplomatie', 'Maghreb'].map((name) => terms.ensure('tags', name));
    const authors = ['Leïla Benali', 'Marc Dupont'].map((name) => terms.ensure('authors', name));
    const a = articles.create('fr');
    const photo = core.services.media.put(imageFixture('blue.jpg'), 'image/jpeg');
    const saved = articles.save({
      id: a.id,
      baseRevision: 1,
      fields: fields({
        kicker: 'Diplomatie',
        headline: 'Paris et Rabat relancent leur dialogue',
        standfirst: 'Le chef de l’État reçoit lundi son homologue.',
        body: body('Texte.'),
        slug: 'paris-et-rabat-relancent-leur-dialogue',
        seoTitle: 'Paris et Rabat relancent le dialogue',
        seoDescription: 'Visite officielle à l’Élysée.',
        sectionId: section.id,
        tagIds: [tags[2]!.id, tags[0]!.id],
        authorIds: [authors[1]!.id, authors[0]!.id],
        featuredImage: {
          mediaId: photo.mediaId,
          caption: 'Au palais',
          credit: 'AFP',
          alt: 'Deux hommes se serrent la main',
        },
      }),
    });
    expect(saved).toMatchObject({
      kicker: 'Diplomatie',
      standfirst: 'Le chef de l’État reçoit lundi son homologue.',
      section: { name: 'International', slug: 'international' },
      tags: [{ name: 'Maghreb' }, { name: 'Élysée' }],
      authors: [{ name: 'Marc Dupont' }, { name: 'Leïla Benali' }],
      featuredImage: { credit: 'AFP' },
    });
    core.close();
    const again = open(dir);
    expect(again.services.articles.get(a.id)).toEqual(saved);
    again.close();
  });

  it('keeps, reorders or replaces the tags and authors exactly as each save lists them', () => {
    const core = open();
    const { articles, terms } = core.services;
    const [a, b, c] = ['Port', 'Grève', 'Météo'].map((name) => terms.ensure('tags', name));
    const [x, y] = ['Leïla Benali', 'Marc Dupont'].map((name) => terms.ensure('authors', name));
    const { id } = articles.create('fr');
    const names = (saved: { tags: { name: string }[]; authors: { name: string }[] }) => [
      saved.tags.map((t) => t.name),
      saved.authors.map((t) => t.name),
    ];
    const steps: [number[], number[], string[][]][] = [
      [[a!.id, b!.id], [x!.id], [['Port', 'Grève'], ['Leïla Benali']]],
      [[a!.id, b!.id], [x!.id], [['Port', 'Grève'], ['Leïla Benali']]],
      [
        [b!.id, a!.id],
        [y!.id, x!.id],
        [
          ['Grève', 'Port'],
          ['Marc Dupont', 'Leïla Benali'],
        ],
      ],
      [[c!.id], [], [['Météo'], []]],
    ];
    let revision = 1;
    for (const [tagIds, authorIds, expected] of steps) {
      const saved = articles.save({
        id,
        baseRevision: revision,
        fields: fields({ tagIds, authorIds }),
        kind: 'explicit',
      });
      revision = saved.revision;
      expect(names(saved)).toEqual(expected);
      expect(names(articles.get(id))).toEqual(expected);
    }
    expect(core.services.listing.page({ tagId: a!.id }, 10, undefined).items).toEqual([]);
    expect(core.services.listing.page({ tagId: c!.id }, 10, undefined).items.map((i) => i.id)).toEqual([id]);
    core.close();
  });

  it('refuses a section, tag or author that does not exist, and a tag listed twice', () => {
    const core = open();
    const { articles, terms } = core.services;
    const a = articles.create('fr');
    const tag = terms.ensure('tags', 'Climat');
    for (const bad of [
      { sectionId: 99 },
      { tagIds: [99] },
      { authorIds: [5] },
      { tagIds: [tag.id, tag.id] },
    ]) {
      expect(
        () => articles.save({ id: a.id, baseRevision: 1, fields: fields(bad) }),
        JSON.stringify(bad),
      ).toThrow(isCode('invalid_input'));
    }
    expect(articles.get(a.id).revision).toBe(1);
    core.close();
  });

  it('refuses a save made on an older revision instead of overwriting the newer text', () => {
    const core = open();
    const { articles } = core.services;
    const a = articles.create('fr');
    articles.save({ id: a.id, baseRevision: 1, fields: fields({ headline: 'Version du desk' }) });
    expect(() =>
      articles.save({ id: a.id, baseRevision: 1, fields: fields({ headline: 'Version de la fenêtre 2' }) }),
    ).toThrow(isCode('conflict'));
    expect(articles.get(a.id).headline).toBe('Version du desk');
    core.close();
  });

  it('refuses a body the editor schema cannot hold, and stores nothing', () => {
    const core = open();
    const { articles } = core.services;
    const a = articles.create('fr');
    const bad: BodyDoc = {
      type: 'doc',
      content: [{ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] }],
    };
    expect(() => articles.save({ id: a.id, baseRevision: 1, fields: fields({ body: bad }) })).toThrow(
      AppError,
    );
    expect(articles.get(a.id).revision).toBe(1);
    core.close();
  });

  it('writes the article, its terms and its revision together or not at all', () => {
    const core = open();
    const { articles, terms } = core.services;
    const a = articles.create('fr');
    const tag = terms.ensure('tags', 'Santé');
    // A revision row already sitting where the next one goes makes the last insert of the save fail.
    core.db
      .prepare(
        "INSERT INTO revisions (article_id, revision, headline, body, body_schema_version, created_at) VALUES (?, 2, 'squatter', '{}', 1, 0)",
      )
      .run(a.id);
    expect(() =>
      articles.save({
        id: a.id,
        baseRevision: 1,
        fields: fields({ headline: 'Ne doit pas rester', tagIds: [tag.id] }),
      }),
    ).toThrow();
    expect(articles.get(a.id)).toMatchObject({ headline: '', revision: 1, tags: [] });
    core.close();
  });

  it('says not_found for an article that does not exist', () => {
    const core = open();
    expect(() => core.services.articles.get('5b0ed1d8-4a4e-4c1e-9a57-0d5f5a1c2b3e')).toThrow(
      isCode('not_found'),
    );
    core.close();
  });

  it('announces each change so other windows can follow', () => {
    const core = open();
    const seen: unknown[] = [];
    core.bus.subscribe((event, payload) => seen.push({ event, payload }));
    const a = core.services.articles.create('ar');
    core.services.articles.save({
      id: a.id,
      baseRevision: 1,
      fields: fields({ language: 'ar', headline: 'عنوان' }),
    });
    expect(seen).toEqual([
      { event: 'articles:changed', payload: { id: a.id, revision: 1 } },
      { event: 'articles:changed', payload: { id: a.id, revision: 2 } },
    ]);
    core.close();
  });
});

describe('sections, tags and authors', () => {
  it('never makes two tags that differ only by case, accents or Arabic spelling', () => {
    const core = open();
    const { terms } = core.services;
    const first = terms.ensure('tags', 'Élysée');
    expect(terms.ensure('tags', 'elysee')).toEqual(first);
    expect(terms.ensure('tags', '  ÉLYSÉE ')).toEqual(first);
    const arabic = terms.ensure('tags', 'القاهرة');
    expect(terms.ensure('tags', 'القاهره')).toEqual(arabic);
    expect(terms.list('tags', '', 10).map((t) => t.name)).toEqual(['Élysée', 'القاهرة']);
    core.close();
  });

  it('completes from the start of a name, ignoring accents', () => {
    const core = open();
    const { terms } = core.services;
    for (const name of ['Économie', 'Écologie', 'Europe', 'Éducation']) terms.ensure('tags', name);
    expect(terms.list('tags', 'eco', 10).map((t) => t.name)).toEqual(['Écologie', 'Économie']);
    expect(terms.list('tags', 'É', 2)).toHaveLength(2);
    core.close();
  });

  it('gives distinct slugs to names that transliterate alike', () => {
    const core = open();
    const { terms } = core.services;
    const a = terms.ensure('sections', 'C++');
    const b = terms.ensure('sections', 'C');
    expect([a.slug, b.slug]).toEqual(['c', 'c-2']);
    core.close();
  });
});

describe('slugs', () => {
  it('makes a slug from the headline, unique among articles, and keeps it unique on save', () => {
    const core = open();
    const { articles } = core.services;
    const a = articles.create('fr');
    const b = articles.create('fr');
    expect(articles.uniqueSlug(a.id, 'Élection présidentielle : le second tour')).toBe(
      'election-presidentielle-le-second-tour',
    );
    const savedA = articles.save({
      id: a.id,
      baseRevision: 1,
      fields: fields({ slug: 'election-presidentielle' }),
    });
    expect(savedA.slug).toBe('election-presidentielle');
    // Its own slug is not "taken" for the article itself.
    expect(articles.uniqueSlug(a.id, 'Élection présidentielle')).toBe('election-presidentielle');
    expect(articles.uniqueSlug(b.id, 'Élection présidentielle')).toBe('election-presidentielle-2');
    // A save that claims another article's slug gets the next free one, never a duplicate.
    const savedB = articles.save({
      id: b.id,
      baseRevision: 1,
      fields: fields({ slug: 'Election Présidentielle' }),
    });
    expect(savedB.slug).toBe('election-presidentielle-2');
    const c = articles.create('fr');
    expect(
      articles.save({ id: c.id, baseRevision: 1, fields: fields({ slug: 'election-presidentielle' }) }).slug,
    ).toBe('election-presidentielle-3');
    // Empty slugs (not chosen yet) may repeat.
    expect(articles.save({ id: c.id, baseRevision: 2, fields: fields({ slug: '' }) }).slug).toBe('');
    expect(articles.uniqueSlug(c.id, '  ')).toBe('');
    core.close();
  });

  it('does not confuse a slug prefix with a taken slug, and escapes LIKE wildcards', () => {
    const core = open();
    const { articles } = core.services;
    const a = articles.create('fr');
    articles.save({ id: a.id, baseRevision: 1, fields: fields({ slug: 'meteo-2' }) });
    const b = articles.create('fr');
    expect(articles.uniqueSlug(b.id, 'Météo')).toBe('meteo');
    expect(articles.uniqueSlug(b.id, 'Météo 2')).toBe('meteo-2-2');
    core.close();
  });
});

describe('bodies with links, images and embeds', () => {
  const withLink = (href: string): BodyDoc => ({
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [{ type: 'text', text: 'lien', marks: [{ type: 'link', attrs: { href } }] }],
      },
    ],
  });

  it('stores http, https and mailto links and refuses every other kind', () => {
    const core = open();
    const { articles } = core.services;
    const a = articles.create('fr');
    let revision = 1;
    for (const href of ['https://www.lemonde.fr/a?b=1#c', 'http://example.org/', 'mailto:desk@example.org']) {
      revision = articles.save({
        id: a.id,
        baseRevision: revision,
        fields: fields({ body: withLink(href) }),
      }).revision;
    }
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      'file:///etc/passwd',
      '/relative',
      '//evil.example/x',
      'https://',
    ]) {
      expect(
        () => articles.save({ id: a.id, baseRevision: revision, fields: fields({ body: withLink(href) }) }),
        href,
      ).toThrow(isCode('invalid_input'));
    }
    core.close();
  });

  it('keeps images from the media store and supported embeds, and refuses anything else', () => {
    const core = open();
    const { articles, media } = core.services;
    const a = articles.create('fr');
    const photo = media.put(imageFixture('red.png'), 'image/png');
    const body: BodyDoc = {
      type: 'doc',
      content: [
        {
          type: 'image',
          attrs: { mediaId: photo.mediaId, alt: 'Rouge', caption: 'Un carré', credit: 'AFP' },
        },
        { type: 'embed', attrs: { provider: 'youtube', url: 'https://www.youtube.com/watch?v=abc' } },
        {
          type: 'pullQuote',
          content: [
            { type: 'pullQuoteText', content: [{ type: 'text', text: 'Nous resterons.' }] },
            { type: 'pullQuoteAttribution', content: [{ type: 'text', text: 'La maire' }] },
          ],
        },
        { type: 'horizontalRule' },
        { type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text: 'مرحبا' }] },
      ],
    };
    const saved = articles.save({ id: a.id, baseRevision: 1, fields: fields({ body }) });
    expect(saved.body.content?.[0]?.attrs?.mediaId).toBe(photo.mediaId);
    const bad = (node: BodyDoc['content']): void =>
      void expect(() =>
        articles.save({
          id: a.id,
          baseRevision: saved.revision,
          fields: fields({ body: { type: 'doc', content: node } }),
        }),
      ).toThrow(isCode('invalid_input'));
    bad([{ type: 'image', attrs: { mediaId: `${'0'.repeat(64)}.png` } }]);
    bad([{ type: 'image', attrs: { mediaId: '../../etc/passwd' } }]);
    bad([{ type: 'embed', attrs: { provider: 'youtube', url: 'https://evil.example/watch' } }]);
    bad([{ type: 'embed', attrs: { provider: 'x', url: 'https://www.youtube.com/watch?v=1' } }]);
    bad([{ type: 'paragraph', attrs: { dir: 'sideways' } }]);
    expect(() =>
      articles.save({
        id: a.id,
        baseRevision: saved.revision,
        fields: fields({
          featuredImage: { mediaId: `${'1'.repeat(64)}.jpg`, caption: '', credit: '', alt: '' },
        }),
      }),
    ).toThrow(isCode('invalid_input'));
    core.close();
  });

  it('reads a body stored under schema 1 as a current body', () => {
    const core = open();
    const { articles } = core.services;
    const a = articles.create('fr');
    core.db
      .prepare('UPDATE articles SET body = ?, body_schema_version = 1 WHERE id = ?')
      .run(JSON.stringify(body('Ancien texte.')), a.id);
    const read = articles.get(a.id);
    expect(read.bodySchemaVersion).toBeGreaterThan(1);
    expect(read.body).toEqual(body('Ancien texte.'));
    core.close();
  });
});
