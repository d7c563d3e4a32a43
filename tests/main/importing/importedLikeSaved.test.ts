import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCore } from '../../../src/main/core/startCore';
import type { Article, BodyDoc } from '../../../src/shared/domain/article';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

const body: BodyDoc = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Les maraîchers de la vallée ont ' },
        { type: 'text', text: 'manifesté', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' contre la sécheresse.' },
      ],
    },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Irrigation rationnée' }] },
  ],
};

const fieldsOf = (a: Article) => ({
  kicker: a.kicker,
  headline: a.headline,
  standfirst: a.standfirst,
  body: a.body,
  language: a.language,
  status: a.status,
  section: a.section?.name,
  tags: a.tags.map((t) => t.name),
  authors: a.authors.map((t) => t.name),
});

describe('an imported article', () => {
  it('is stored, indexed, listed and kept in history exactly like the same article saved by hand', async () => {
    const dir = tempDir();
    const core = startCore({ dataDir: join(dir, 'app'), transport: 'host', version: 'test' });
    const { importing, articles, terms, search, listing, revisions } = core.services;

    const file = join(dir, 'one.jsonl');
    const line = {
      id: 'src-1',
      kicker: 'Agriculture',
      headline: 'Sécheresse : les maraîchers manifestent',
      standfirst: 'Ils réclament un accès à l’eau.',
      body,
      language: 'fr',
      section: 'Régions',
      tags: ['Eau', 'Agriculture'],
      authors: ['Leïla Benali'],
      created_at: Date.UTC(2024, 5, 1),
    };
    writeFileSync(file, `${JSON.stringify(line)}\n`);
    expect(await importing.start(file, 'jsonl').done).toMatchObject({ state: 'done', created: 1 });
    const importedId = listing.page({}, 10, undefined).items[0]!.id;
    const imported = articles.get(importedId);

    // The same article typed in and saved.
    const created = articles.create('fr');
    const byHand = articles.save({
      id: created.id,
      baseRevision: created.revision,
      kind: 'explicit',
      fields: {
        ...imported,
        slug: '',
        sectionId: terms.ensure('sections', 'Régions').id,
        tagIds: ['Eau', 'Agriculture'].map((name) => terms.ensure('tags', name).id),
        authorIds: [terms.ensure('authors', 'Leïla Benali').id],
      },
    });
    expect(fieldsOf(imported)).toEqual(fieldsOf(byHand));

    // Found by every field and every filter, both of them.
    const both = [importedId, byHand.id].sort();
    for (const query of [
      'maraichers',
      'headline:secheresse',
      'tag:eau',
      'irrigation',
      'benali',
      '"contre la secheresse"',
    ]) {
      const ids = search.search({ query, sort: 'relevance', limit: 10 }).hits.map((h) => h.id);
      expect(ids.sort(), query).toEqual(both);
    }
    const filters = [
      { language: 'fr' as const },
      { status: 'draft' as const },
      { sectionId: byHand.sectionId! },
      { tagId: byHand.tagIds[0]! },
      { authorId: byHand.authorIds[0]! },
    ];
    for (const filter of filters) {
      expect(listing.count(filter), JSON.stringify(filter)).toBe(2);
      const listed = listing.page(filter, 10, undefined).items.map((i) => i.id);
      expect(listed.sort(), JSON.stringify(filter)).toEqual(both);
    }

    // Its first revision holds the whole article and counts every word as added, like the hand save did.
    const [importRevision] = revisions.list(importedId, 10);
    const [handRevision] = revisions.list(byHand.id, 10);
    expect(importRevision).toMatchObject({ revision: 1, kind: 'import' });
    expect(importRevision!.wordsAdded).toBe(handRevision!.wordsAdded);
    expect(importRevision!.wordsRemoved).toBe(0);
    const diff = revisions.compare(importedId, 1, 1);
    expect(diff.every((field) => !field.changed)).toBe(true);
    expect(diff.find((f) => f.field === 'body')!.after).toBe(
      'Les maraîchers de la vallée ont manifesté contre la sécheresse.\nIrrigation rationnée',
    );
    expect(revisions.compare(importedId, 1, 1)).toEqual(
      revisions.compare(byHand.id, byHand.revision, byHand.revision),
    );
    void core.close();
  });
});
