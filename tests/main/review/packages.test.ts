import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bodyText } from '../../../src/shared/text/bodyText';
import { imageFixture } from '../../support/images';
import { useTempDirs } from '../../support/tempDir';
import { openDesk, paragraphs, type Desk } from './desk';

const tempDir = useTempDirs();

const STRUCTURAL = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';
const LINKED = '7e6d5c4b-3a2f-4e1d-9c8b-7a6f5e4d3c2b';
const LINK_CHANGE = {
  before: { href: 'https://example.org/old' },
  after: { href: 'https://example.org/new' },
};

/**
 * A reporter's article with a section, tags, a byline, a featured photo and an inline image, submitted (a
 * history event), assigned, with a body comment thread and a copy editor's suggestions in the body.
 */
function reporterArticle(desk: Desk) {
  const article = plainArticle(desk);
  desk.profiles.save({ name: 'Leïla Benali', initials: 'LB', colour: '#1f6feb', role: 'reporter' });
  const thread = desk.threads.create(article.id, { kind: 'body' }, 'Premier paragraphe', 'Source ?');
  const by = {
    id: '0b8f3c2e-8d0e-4c53-9d7e-5a1b2c3d4e5f',
    authorId: '6c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
    authorName: 'Karim',
    authorColour: '#b35900',
    at: 1_700_000_000_000,
  };
  const body = structuredClone(article.body);
  body.content![0]!.content = [
    {
      type: 'text',
      text: 'Premier paragraphe',
      marks: [{ type: 'comment', attrs: { threadId: thread.id } }],
    },
    { type: 'text', text: ', avec ' },
    { type: 'text', text: 'très ', marks: [{ type: 'suggestionDelete', attrs: by }] },
    { type: 'text', text: 'gras', marks: [{ type: 'bold' }] },
    {
      type: 'text',
      text: ' et mieux',
      marks: [{ type: 'suggestionInsert', attrs: { ...by, id: 'a6e1d0c2-1b3d-4e5f-9a8b-7c6d5e4f3a2b' } }],
    },
  ];
  // Structural and link suggestions travel the same way: a paragraph made a heading, and a link edited.
  body.content!.push({
    type: 'heading',
    attrs: {
      level: 2,
      dir: null,
      suggestion: { ...by, id: STRUCTURAL, was: { type: 'paragraph', attrs: { dir: null }, path: [] } },
    },
    content: [
      {
        type: 'text',
        text: 'Intertitre',
        marks: [
          {
            type: 'suggestionFormat',
            attrs: { ...by, id: LINKED, added: [], removed: [], link: LINK_CHANGE },
          },
          { type: 'link', attrs: { href: 'https://example.org/new' } },
        ],
      },
    ],
  });
  desk.write(article.id, { body });
  const current = desk.articles.get(article.id);
  desk.workflow.transition({
    articleId: article.id,
    to: 'submitted',
    baseRevision: current.revision,
    note: 'Prêt',
  });
  desk.workflow.assign({
    articleId: article.id,
    assigneeId: null,
    deadline: 1_800_000_000_000,
    priority: 'high',
  });
  return desk.articles.get(article.id);
}

function plainArticle(desk: Desk) {
  const photo = desk.media.put(imageFixture('red.png'), 'image/png');
  const inline = desk.media.put(imageFixture('blue.jpg'), 'image/jpeg');
  const article = desk.articles.create('fr');
  return desk.write(article.id, {
    kicker: 'Économie',
    headline: 'Le port de Tanger « relance » ses quais — مرحبا',
    standfirst: 'Un chapeau avec des espaces fines ; et un emoji 🚢.',
    body: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Premier paragraphe, avec ' },
            { type: 'text', text: 'gras', marks: [{ type: 'bold' }] },
          ],
        },
        {
          type: 'image',
          attrs: { mediaId: inline.mediaId, alt: 'Un quai', caption: 'Le quai', credit: 'AFP' },
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'Second paragraphe.' }] },
      ],
    },
    slug: 'port-tanger',
    sectionId: desk.terms.ensure('sections', 'Économie').id,
    tagIds: [desk.terms.ensure('tags', 'Maroc').id, desk.terms.ensure('tags', 'Ports').id],
    authorIds: [desk.terms.ensure('authors', 'Leïla Benali').id],
    featuredImage: { mediaId: photo.mediaId, caption: 'Les grues', credit: 'Reuters', alt: 'Des grues' },
  });
}

const entriesOf = (file: string) => unzipSync(readFileSync(file));
const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('utf8');

function rezip(file: string, change: (entries: Record<string, Uint8Array>) => void): void {
  const entries = entriesOf(file);
  change(entries);
  writeFileSync(file, zipSync(entries));
}

describe('review packages', () => {
  it('round-trips byte-exact: export, import on a fresh desk, export again gives the same article.json and review.json', () => {
    const reporter = openDesk(tempDir());
    const editor = openDesk(tempDir());
    const article = reporterArticle(reporter);
    const out = join(reporter.dir, 'first.zip');
    const exported = reporter.travel.packages.exportPackage(article.id, out);
    expect(exported.bytes).toBeGreaterThan(0);

    const manifest = JSON.parse(text(entriesOf(out)['manifest.json'])) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      format: 'redac-review-package',
      formatVersion: 1,
      articleId: article.id,
    });
    const media = [
      article.featuredImage!.mediaId,
      (article.body.content![1]!.attrs as { mediaId: string }).mediaId,
    ];
    expect(Object.keys(manifest.files as object).sort()).toEqual(
      ['article.json', 'review.json', ...media.map((m) => `media/${m}`)].sort(),
    );
    expect(Object.keys(entriesOf(out)).sort()).toEqual(
      ['manifest.json', ...Object.keys(manifest.files as object)].sort(),
    );

    const result = editor.travel.packages.importPackage(out);
    expect(result).toMatchObject({ articleId: article.id, outcome: 'created' });
    const copy = editor.articles.get(article.id);
    expect(copy.headline).toBe(article.headline);
    const heading = copy.body.content!.at(-1)!;
    expect(heading.attrs?.suggestion).toMatchObject({ id: STRUCTURAL, was: { type: 'paragraph' } });
    expect(heading.content![0]!.marks![0]!.attrs).toMatchObject({ id: LINKED, link: LINK_CHANGE });
    expect(copy.section?.name).toBe('Économie');
    expect(copy.tags.map((t) => t.name)).toEqual(['Maroc', 'Ports']);
    expect(copy.authors.map((a) => a.name)).toEqual(['Leïla Benali']);
    expect(copy.featuredImage).toEqual(article.featuredImage);
    expect(editor.media.has(article.featuredImage!.mediaId)).toBe(true);
    expect(bodyText(copy.body)).toBe(bodyText(article.body));

    const again = join(editor.dir, 'again.zip');
    editor.travel.packages.exportPackage(article.id, again);
    for (const path of ['article.json', 'review.json'])
      expect(Buffer.from(entriesOf(again)[path]!).equals(Buffer.from(entriesOf(out)[path]!))).toBe(true);
    // And the review came with it: the thread, the history, the assignment, the suggestions in the body.
    const review = editor.travel.review.stateOf(article.id);
    expect(review.threads.map((t) => t.comments[0]!.text)).toEqual(['Source ?']);
    expect(review.workflow.status).toBe('submitted');
    expect(review.workflow.history.map((e) => [e.from, e.to, e.note, e.by.name])).toEqual([
      ['draft', 'submitted', 'Prêt', 'Leïla Benali'],
    ]);
    expect(review.workflow.assignment).toMatchObject({ deadline: 1_800_000_000_000, priority: 'high' });
    // Who assigned it, when: the copy desk's History shows the reporter's change of assignment.
    expect(
      editor.workflow
        .history(article.id)
        .filter((e) => e.kind === 'assignment')
        .map((e) => [e.by.name, e.deadline, e.priority]),
    ).toEqual([['Leïla Benali', 1_800_000_000_000, 'high']]);
    expect(copy.status).toBe('submitted');
    expect(JSON.stringify(copy.body)).toContain('suggestionInsert');
    expect(copy.body).toEqual(article.body);
    reporter.close();
    editor.close();
  });

  it('reads a package written before assignment history travelled (review state version 1)', () => {
    const reporter = openDesk(tempDir());
    const editor = openDesk(tempDir());
    const article = reporterArticle(reporter);
    const out = join(reporter.dir, 'v1.zip');
    reporter.travel.packages.exportPackage(article.id, out);
    rezip(out, (entries) => {
      const review = JSON.parse(text(entries['review.json'])) as {
        version: number;
        workflow: Record<string, unknown>;
      };
      expect(review.version).toBe(2);
      review.version = 1;
      delete review.workflow.assignments;
      entries['review.json'] = strToU8(JSON.stringify(review));
      const manifest = JSON.parse(text(entries['manifest.json'])) as { files: Record<string, string> };
      manifest.files['review.json'] = createHash('sha256').update(entries['review.json']).digest('hex');
      entries['manifest.json'] = strToU8(JSON.stringify(manifest));
    });
    expect(editor.travel.packages.importPackage(out).outcome).toBe('created');
    const state = editor.travel.review.stateOf(article.id);
    expect(state.version).toBe(2);
    expect(state.workflow.status).toBe('submitted');
    expect(state.workflow.assignment).toMatchObject({ deadline: 1_800_000_000_000, priority: 'high' });
    expect(state.workflow.assignments).toEqual([]);
    expect(editor.workflow.history(article.id).map((e) => e.kind)).toEqual(['transition']);
    // A state from a newer Redac is refused, saying so, and changes nothing.
    expect(() => editor.travel.review.apply(article.id, { ...state, version: 3 })).toThrow(
      /not one this version of Redac can read: .*expected 2/,
    );
    expect(editor.travel.review.stateOf(article.id)).toEqual(state);
    reporter.close();
    editor.close();
  });

  it('applies a returned package as a new revision when this desk has not changed the article since', () => {
    const reporter = openDesk(tempDir());
    const editor = openDesk(tempDir());
    const article = reporterArticle(reporter);
    const out = join(reporter.dir, 'out.zip');
    reporter.travel.packages.exportPackage(article.id, out);
    editor.travel.packages.importPackage(out);
    editor.write(article.id, { headline: 'Le port de Tanger relance ses quais' });
    const back = join(editor.dir, 'back.zip');
    editor.travel.packages.exportPackage(article.id, back);

    const before = reporter.articles.get(article.id).revision;
    const result = reporter.travel.packages.importPackage(back);
    expect(result.outcome).toBe('updated');
    const now = reporter.articles.get(article.id);
    expect(now.headline).toBe('Le port de Tanger relance ses quais');
    expect(now.revision).toBe(before + 1);
    expect(reporter.revisions.list(article.id, 1)[0]!.kind).toBe('sync');
    // The same package again: nothing new.
    expect(reporter.travel.packages.importPackage(back).outcome).toBe('unchanged');
    expect(reporter.articles.get(article.id).revision).toBe(before + 1);
    reporter.close();
    editor.close();
  });

  it('opens the conflict view when the article changed here since the base, overwriting nothing', () => {
    const reporter = openDesk(tempDir());
    const editor = openDesk(tempDir());
    const article = reporterArticle(reporter);
    const out = join(reporter.dir, 'out.zip');
    reporter.travel.packages.exportPackage(article.id, out);
    editor.travel.packages.importPackage(out);
    editor.write(article.id, { headline: 'Titre du correcteur', body: paragraphs('Corps corrigé.') });
    const back = join(editor.dir, 'back.zip');
    editor.travel.packages.exportPackage(article.id, back);
    // Meanwhile the reporter kept writing.
    reporter.write(article.id, { standfirst: 'Chapeau du reporter, réécrit.' });
    const before = reporter.snapshot(article.id);

    const result = reporter.travel.packages.importPackage(back);
    expect(result.outcome).toBe('conflict');
    expect(result.message).toMatch(/nothing was overwritten/);
    expect(reporter.snapshot(article.id)).toEqual(before);

    const view = reporter.travel.packages.conflict(article.id);
    expect(view.source).toBe('package');
    expect(view.fields.find((f) => f.field === 'headline')).toMatchObject({
      local: article.headline,
      remote: 'Titre du correcteur',
      same: false,
    });
    expect(view.fields.find((f) => f.field === 'standfirst')).toMatchObject({
      local: 'Chapeau du reporter, réécrit.',
      remote: article.standfirst,
    });
    expect(view.bodyDiff.some((r) => r.kind === 'added' && r.text.includes('corrigé'))).toBe(true);

    const merged = reporter.travel.packages.resolveConflict(article.id, {
      headline: 'remote',
      standfirst: 'local',
      body: 'remote',
    });
    expect(merged.headline).toBe('Titre du correcteur');
    expect(merged.standfirst).toBe('Chapeau du reporter, réécrit.');
    expect(bodyText(merged.body)).toBe('Corps corrigé.');
    expect(reporter.travel.packages.hasConflict(article.id)).toBe(false);
    // Both copies are in the history: the package's as received, the choice on top.
    expect(reporter.revisions.list(article.id, 2).map((r) => r.kind)).toEqual(['explicit', 'sync']);

    // The copy editor, unchanged since, takes the merged text back without a conflict.
    const merged2 = join(reporter.dir, 'merged.zip');
    reporter.travel.packages.exportPackage(article.id, merged2);
    expect(editor.travel.packages.importPackage(merged2).outcome).toBe('updated');
    expect(editor.articles.get(article.id).standfirst).toBe('Chapeau du reporter, réécrit.');
    reporter.close();
    editor.close();
  });

  it('refuses a tampered file, a tampered manifest, an unknown format version, junk and extra files, changing nothing', () => {
    const reporter = openDesk(tempDir());
    const editor = openDesk(tempDir());
    const article = reporterArticle(reporter);
    const good = join(reporter.dir, 'good.zip');
    reporter.travel.packages.exportPackage(article.id, good);
    editor.travel.packages.importPackage(good);
    editor.write(article.id, { headline: 'Corrigé une fois' });
    const before = editor.snapshot(article.id);
    const mediaBefore = readdir(editor.media.dir);

    const cases: [string, (e: Record<string, Uint8Array>) => void, RegExp][] = [
      [
        'article changed after export',
        (e) => {
          e['article.json'] = strToU8(text(e['article.json']).replace('Tanger', 'Tunis'));
        },
        /article\.json does not match its hash/,
      ],
      [
        'manifest hash changed',
        (e) => {
          const m = JSON.parse(text(e['manifest.json'])) as { files: Record<string, string> };
          m.files['review.json'] = '0'.repeat(64);
          e['manifest.json'] = strToU8(JSON.stringify(m));
        },
        /review\.json does not match its hash/,
      ],
      [
        'future format',
        (e) => {
          const m = JSON.parse(text(e['manifest.json'])) as { formatVersion: number };
          m.formatVersion = 2;
          e['manifest.json'] = strToU8(JSON.stringify(m));
        },
        /format version 2/,
      ],
      [
        'extra file',
        (e) => {
          e['../../evil.sh'] = strToU8('rm -rf /');
        },
        /does not list/,
      ],
      [
        'image swapped',
        (e) => {
          const path = Object.keys(e).find((p) => p.startsWith('media/') && p.endsWith('.png'))!;
          const m = JSON.parse(text(e['manifest.json'])) as { files: Record<string, string> };
          const other = imageFixture('blue.jpg');
          e[path] = other;
          m.files[path] = createHash('sha256').update(other).digest('hex');
          e['manifest.json'] = strToU8(JSON.stringify(m));
        },
        /not the file its name says/,
      ],
      [
        'image missing',
        (e) => {
          const path = Object.keys(e).find((p) => p.startsWith('media/') && p.endsWith('.png'))!;
          const m = JSON.parse(text(e['manifest.json'])) as { files: Record<string, string> };
          delete e[path];
          delete m.files[path];
          e['manifest.json'] = strToU8(JSON.stringify(m));
        },
        /the article uses is not in it/,
      ],
    ];
    for (const [name, change, message] of cases) {
      const bad = join(reporter.dir, `${name.replace(/ /g, '-')}.zip`);
      writeFileSync(bad, readFileSync(good));
      rezip(bad, change);
      expect(() => editor.travel.packages.importPackage(bad), name).toThrow(message);
      expect(editor.snapshot(article.id), name).toEqual(before);
    }
    const junk = join(reporter.dir, 'junk.zip');
    writeFileSync(junk, 'not a zip at all');
    expect(() => editor.travel.packages.importPackage(junk)).toThrow(/not a readable zip/);
    expect(() => editor.travel.packages.importPackage(join(reporter.dir, 'absent.zip'))).toThrow(/no file/);
    expect(editor.snapshot(article.id)).toEqual(before);
    expect(readdir(editor.media.dir)).toEqual(mediaBefore);
    reporter.close();
    editor.close();
  });

  it('refuses a well-formed package whose body the editor schema rejects, leaving a fresh desk empty', () => {
    const reporter = openDesk(tempDir());
    const fresh = openDesk(tempDir());
    const article = reporterArticle(reporter);
    const file = join(reporter.dir, 'script.zip');
    reporter.travel.packages.exportPackage(article.id, file);
    rezip(file, (e) => {
      const portable = JSON.parse(text(e['article.json'])) as { body: { content: unknown[] } };
      portable.body.content.push({
        type: 'paragraph',
        content: [
          { type: 'text', text: 'clic', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
        ],
      });
      e['article.json'] = strToU8(JSON.stringify(portable));
      const m = JSON.parse(text(e['manifest.json'])) as { files: Record<string, string> };
      m.files['article.json'] = createHash('sha256').update(e['article.json']).digest('hex');
      e['manifest.json'] = strToU8(JSON.stringify(m));
    });
    expect(() => fresh.travel.packages.importPackage(file)).toThrow(/not a valid article body/);
    expect(fresh.snapshot()).toEqual({ articles: [], revisions: [], article: undefined });
    expect(fresh.terms.list('tags', '', 10)).toEqual([]);
    reporter.close();
    fresh.close();
  });

  it('bounds what an import unpacks: too many entries or a declared size past the cap is refused before inflating', () => {
    const desk = openDesk(tempDir());
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 600; i++) many[`f${i}`] = strToU8('x');
    const manyFile = join(desk.dir, 'many.zip');
    writeFileSync(manyFile, zipSync(many));
    expect(() => desk.travel.packages.importPackage(manyFile)).toThrow(/more than 500 files/);

    // A small zip whose entry says it unpacks to 300 MB (what a bomb declares, or lies about).
    const bytes = Buffer.from(zipSync({ 'article.json': new Uint8Array(4096) }, { level: 9 }));
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(300 * 1024 * 1024, central + 24);
    const bomb = join(desk.dir, 'bomb.zip');
    writeFileSync(bomb, bytes);
    expect(() => desk.travel.packages.importPackage(bomb)).toThrow(/more than 200 MB/);
    expect(desk.articles.list(10)).toEqual([]);
    desk.close();
  });
});

function readdir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
