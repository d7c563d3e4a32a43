import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyFields } from '../../../src/main/articles/articleService';
import { startCore } from '../../../src/main/core/startCore';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const schema = JSON.parse(
  readFileSync(resolve(__dirname, '../../fixtures/ninjs/ninjs-schema-2.0.json'), 'utf8'),
) as object;
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

function setup() {
  const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
  const { articles, terms } = core.services;
  const section = terms.ensure('sections', 'International');
  const tag = terms.ensure('tags', 'Élysée');
  const author = terms.ensure('authors', 'Leïla Benali');
  // A photo in the app's media store, as the editor puts it there (a 1x1 PNG).
  const photo = core.services.media.put(
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    ),
    'image/png',
  );
  const a = articles.create('fr');
  const saved = articles.save({
    id: a.id,
    baseRevision: 1,
    fields: {
      ...emptyFields('fr'),
      kicker: 'Diplomatie',
      headline: 'Paris et Rabat relancent leur dialogue <enfin>',
      standfirst: 'Le chef de l’État reçoit lundi son homologue.',
      slug: 'paris-rabat',
      body: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Une visite « historique ».' }] }],
      },
      sectionId: section.id,
      tagIds: [tag.id],
      authorIds: [author.id],
      featuredImage: { mediaId: photo.mediaId, caption: 'Au palais', credit: 'AFP', alt: 'Deux hommes' },
    },
  });
  const b = articles.create('ar');
  articles.save({
    id: b.id,
    baseRevision: 1,
    fields: { ...emptyFields('ar'), headline: 'زيارة رسمية إلى الرباط' },
  });
  return { core, first: saved, secondId: b.id };
}

describe('export', () => {
  it('writes one article as ninjs 2.0 that validates against the schema', async () => {
    const { core, first } = setup();
    const file = await core.services.exporting.export({ ids: [first.id], format: 'ninjs' });
    const item = JSON.parse(file.content) as Record<string, unknown>;
    expect(validate(item), JSON.stringify(validate.errors)).toBe(true);
    expect(item).toMatchObject({
      uri: `urn:redac:article:${first.id}`,
      type: 'text',
      pubstatus: 'withheld',
      language: 'fr',
      headlines: [
        { role: 'main', value: 'Paris et Rabat relancent leur dialogue <enfin>' },
        { role: 'kicker' },
      ],
      descriptions: [{ role: 'summary', value: 'Le chef de l’État reçoit lundi son homologue.' }],
      by: 'Leïla Benali',
      subjects: [
        { name: 'International', rel: 'section' },
        { name: 'Élysée', rel: 'tag' },
      ],
      bodies: [
        { contenttype: 'text/html', value: '<p dir="auto">Une visite « historique ».</p>', wordcount: 3 },
      ],
    });
    expect(file.filename).toBe('paris-rabat.ninjs.json');
    core.close();
  });

  it('writes a selection and a search result as arrays of valid ninjs items, and as HTML', async () => {
    const { core, first, secondId } = setup();
    const selection = JSON.parse(
      (await core.services.exporting.export({ ids: [first.id, secondId], format: 'ninjs' })).content,
    ) as unknown[];
    expect(selection).toHaveLength(2);
    for (const item of selection) expect(validate(item), JSON.stringify(validate.errors)).toBe(true);
    const found = JSON.parse(
      (await core.services.exporting.export({ search: { query: 'rabat' }, format: 'ninjs' })).content,
    ) as Record<string, unknown>;
    expect(found).toMatchObject({ uri: `urn:redac:article:${first.id}` });

    const html = (await core.services.exporting.export({ ids: [first.id, secondId], format: 'html' }))
      .content;
    expect(html).toContain('<h1>Paris et Rabat relancent leur dialogue &lt;enfin&gt;</h1>');
    expect(html).toContain('<article lang="ar" dir="rtl"');
    expect(html).toContain('<p dir="auto">Une visite « historique ».</p>');
    core.close();
  });
});
