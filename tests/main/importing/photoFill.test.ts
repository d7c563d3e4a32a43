import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createImportWriter } from '../../../src/main/importing/importWriter';
import { createRevisionStore } from '../../../src/main/revisions/revisionStore';
import { createSearchIndexer } from '../../../src/main/search/searchIndexer';
import type { Article, ArticleFields, BodyDoc } from '../../../src/shared/domain/article';
import { useTempDirs } from '../../support/tempDir';
import { galleryExport, photosExport, startedCore } from '../../support/wxrExport';

const tempDir = useTempDirs();

const types = (body: BodyDoc) => (body.content ?? []).map((n) => n.type);
const MATIGNON = 'Matignon : le nouveau Premier ministre s’installe';

function fieldsOf(a: Article): ArticleFields {
  const { kicker, headline, standfirst, body, language, slug, seoTitle, seoDescription } = a;
  return {
    ...{ kicker, headline, standfirst, body, language, slug, seoTitle, seoDescription },
    sectionId: a.sectionId,
    tagIds: a.tagIds,
    authorIds: a.authorIds,
    featuredImage: a.featuredImage,
  };
}

/** The export imported once without its uploads folder; then the folder arrives beside it. */
async function importedWithoutPhotos() {
  const exported = photosExport(tempDir, 'none');
  const started = startedCore(tempDir);
  const first = await started.core.services.importing.start(exported.file, 'wxr').done;
  expect(first).toMatchObject({ state: 'done', created: 2, photosMissing: 5, photosAdded: 0 });
  const matignon = started.idOf('passation');
  const soiree = started.idOf('militants');
  exported.fillUploads(exported.besideUploads);
  const reimport = () => started.core.services.importing.start(exported.file, 'wxr').done;
  return { ...started, ...exported, matignon, soiree, reimport };
}

describe('re-importing an export with its uploads folder after importing it without', () => {
  it('fills in the featured photo and the in-text photos of untouched articles, as a new revision', async () => {
    const { core, matignon, soiree, reimport, storedFiles } = await importedWithoutPhotos();
    const hits = (query: string) =>
      core.services.search.search({ query, sort: 'date', limit: 5 }).hits.map((h) => h.id);
    // The featured photo's caption and alt are searched like the article's text: not there yet.
    expect(hits('cour')).toEqual([]);
    const changed: unknown[] = [];
    core.bus.subscribe((event, payload) => {
      if (event === 'articles:changed') changed.push(payload);
    });

    const report = await reimport();
    expect(report).toMatchObject({
      state: 'done',
      created: 0,
      alreadyThere: 2,
      failed: 0,
      photosAdded: 2,
      photosNotAdded: 0,
      // Still missing after the fill: the file not in the folder and the hotlinked image, said again.
      photosMissing: 2,
    });
    expect(report.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^The image “https:\/\/agence\.example\/photos\/foule\.jpg” was left out/),
      expect.stringMatching(/^The featured photo “2024\/03\/militants\.jpg” was left out/),
    ]);

    const first = core.services.articles.get(matignon);
    expect(first.featuredImage).toEqual({
      mediaId: expect.stringMatching(/\.jpg$/),
      caption: 'Le Premier ministre dans la cour de Matignon.',
      credit: 'AFP',
      alt: 'La cour de l’hôtel de Matignon',
    });
    expect(types(first.body)).toEqual(['paragraph', 'image', 'paragraph']);
    expect(first.body.content![1]!.attrs).toMatchObject({ caption: 'La nouvelle carte des régions.' });
    const second = core.services.articles.get(soiree);
    expect(types(second.body)).toEqual(['paragraph', 'image', 'paragraph']);
    expect(second.body.content![1]!.attrs).toMatchObject({ caption: 'Matignon, lundi soir (photo L. B.)' });
    expect(second.featuredImage).toBeNull();
    expect(storedFiles()).toHaveLength(2);

    // History: the import's revision kept as it was, then the photos as a revision of their own.
    expect(core.services.revisions.list(matignon, 10).map((r) => [r.revision, r.kind])).toEqual([
      [2, 'import-photos'],
      [1, 'import'],
    ]);
    const imported = createRevisionStore(core.db).get(matignon, 1)!;
    expect(types(imported.body)).toEqual(['paragraph', 'paragraph']);
    expect(imported.rest.featuredImage).toBeNull();
    expect(
      core.services.revisions.compare(matignon, 1, 2).find((f) => f.field === 'imageCaption'),
    ).toMatchObject({ before: '', after: 'Le Premier ministre dans la cour de Matignon.', changed: true });
    expect(hits('cour')).toEqual([matignon]);
    expect(changed).toEqual(
      expect.arrayContaining([
        { id: matignon, revision: 2 },
        { id: soiree, revision: 2 },
      ]),
    );

    // Once more: nothing to add, so nothing written, no file stored twice, no problem said again.
    const files = storedFiles();
    const again = await reimport();
    expect(again).toMatchObject({
      created: 0,
      alreadyThere: 2,
      photosAdded: 0,
      photosNotAdded: 0,
      photosMissing: 0,
      problems: [],
    });
    expect(storedFiles()).toEqual(files);
    expect(core.services.articles.get(matignon).revision).toBe(2);
    expect(core.services.revisions.list(matignon, 10)).toHaveLength(2);
    expect(core.services.revisions.list(soiree, 10)).toHaveLength(2);
    core.close();
  });

  it('leaves an article edited since its import as it is and lists it by position and title', async () => {
    const { core, matignon, soiree, reimport, storedFiles } = await importedWithoutPhotos();
    const opened = core.services.articles.get(matignon);
    core.services.articles.save({
      id: matignon,
      baseRevision: opened.revision,
      fields: { ...fieldsOf(opened), standfirst: 'Le chapeau de la desk.' },
      kind: 'explicit',
    });

    const report = await reimport();
    expect(report).toMatchObject({ alreadyThere: 2, photosAdded: 1, photosNotAdded: 1 });
    expect(report.problems).toContainEqual({
      position: expect.stringMatching(/^item 1 \(line \d+\)$/),
      message: `“${MATIGNON}” was edited since the first import: photos not added (2 photos; add them by hand).`,
    });
    const kept = core.services.articles.get(matignon);
    expect(kept).toMatchObject({ revision: 2, standfirst: 'Le chapeau de la desk.', featuredImage: null });
    expect(types(kept.body)).toEqual(['paragraph', 'paragraph']);
    expect(core.services.revisions.list(matignon, 10).map((r) => r.kind)).toEqual(['explicit', 'import']);
    // The untouched one got its photo, which the edited one shares; the edited one's other photo (the map) is
    // not left in the media store unused.
    const second = core.services.articles.get(soiree);
    expect(types(second.body)).toEqual(['paragraph', 'image', 'paragraph']);
    expect(storedFiles()).toEqual([second.body.content![1]!.attrs!['mediaId']]);
    core.close();
  });

  it('fills an article that was opened but never saved', async () => {
    const { core, matignon, reimport } = await importedWithoutPhotos();
    core.services.articles.open(matignon);
    // Opening writes the imported revision out in the next quiet turn (articleService prepareFirstRevision).
    await new Promise((resolve) => setImmediate(resolve));
    expect(core.db.prepare('SELECT count(*) FROM revisions WHERE article_id = ?').pluck().get(matignon)).toBe(
      1,
    );
    expect(await reimport()).toMatchObject({ photosAdded: 2, photosNotAdded: 0 });
    expect(core.services.articles.get(matignon).featuredImage?.credit).toBe('AFP');
    core.close();
  });

  it('leaves an article whose text in the export is no longer the one imported', async () => {
    const { core, file, matignon, reimport } = await importedWithoutPhotos();
    // The post was corrected on the site between the two exports.
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('a eu lieu lundi matin', 'a eu lieu lundi en fin de matinée'),
    );
    const report = await reimport();
    expect(report).toMatchObject({ photosAdded: 1, photosNotAdded: 1 });
    expect(report.problems).toContainEqual({
      position: expect.stringMatching(/^item 1 /),
      message: expect.stringMatching(
        /^“Matignon : le nouveau Premier ministre s’installe” differs from this export’s version .*: photos not added \(2 photos; add them by hand\)\.$/,
      ),
    });
    const kept = core.services.articles.get(matignon);
    expect(kept.revision).toBe(1);
    expect(kept.featuredImage).toBeNull();
    core.close();
  });

  it('fills the photos of a gallery an earlier version of the import left as its shortcode', async () => {
    const file = galleryExport(tempDir);
    const { core, byHeadline } = startedCore(tempDir);
    // As imported before galleries were read: the shortcode stayed in the text, as a paragraph of its own.
    const writer = createImportWriter(core.db, core.services.terms, createSearchIndexer(core.db));
    const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
    expect(
      writer.writeBatch([
        {
          sourceKey: 'wxr:https://port.example/?p=400',
          kicker: '',
          headline: 'Le port en images',
          standfirst: '',
          body: {
            type: 'doc',
            content: [
              paragraph('Une journée sur les quais.'),
              paragraph('[gallery columns="3" link="file"]'),
              paragraph('Reportage de notre envoyé.'),
            ],
          },
          status: 'published',
          language: 'fr',
          slug: '',
          section: null,
          tags: [],
          authors: [],
          featuredImage: null,
          createdAt: Date.UTC(2024, 1, 1, 9),
          updatedAt: Date.UTC(2024, 1, 1, 9),
        },
      ]),
    ).toEqual(['created']);

    const report = await core.services.importing.start(file, 'wxr').done;
    expect(report).toMatchObject({ created: 0, alreadyThere: 1, photosAdded: 1, photosMissing: 1 });
    const article = byHeadline('quais');
    expect(article.revision).toBe(2);
    expect(
      article.body.content?.map((n) => (n.type === 'image' ? n.attrs!['caption'] : n.content![0]!.text)),
    ).toEqual(['Une journée sur les quais.', 'Le phare', 'Le quai nord', 'Reportage de notre envoyé.']);
    core.close();
  });
});
