import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BodyDoc } from '../../../src/shared/domain/article';
import type { ImportProgress } from '../../../src/shared/domain/importing';
import { useTempDirs } from '../../support/tempDir';
import { galleryExport, photosExport, startedCore as sharedStartedCore } from '../../support/wxrExport';

const tempDir = useTempDirs();
const FIXTURES = resolve(__dirname, '../../fixtures');
const BLUE = readFileSync(join(FIXTURES, 'images/blue.jpg'));
const RED = readFileSync(join(FIXTURES, 'images/red.png'));

const exportFolder = (uploadsAt: 'beside' | 'elsewhere' | 'none') => photosExport(tempDir, uploadsAt);

const images = (body: BodyDoc) => (body.content ?? []).filter((n) => n.type === 'image').map((n) => n.attrs);

const startedCore = () => sharedStartedCore(tempDir);

describe('importing a WordPress export’s photos from its uploads folder', () => {
  it('brings the featured photo and the content’s images into the media store, with caption and alt', async () => {
    const { file } = exportFolder('beside');
    const { core, byHeadline, storedFiles } = startedCore();
    const seen: ImportProgress[] = [];
    core.bus.subscribe((event, payload) => {
      if (event === 'import:progress') seen.push(payload as ImportProgress);
    });
    const report = await core.services.importing.start(file, 'wxr').done;
    expect(report).toMatchObject({ state: 'done', created: 2, ignored: 3, failed: 0 });
    // The dialog shows the first reading (the list of photos) before any article is written.
    expect(seen[0]).toMatchObject({ state: 'running', bytesDone: 0, photoListBytes: statSync(file).size });

    const first = byHeadline('passation');
    expect(first.featuredImage).toEqual({
      mediaId: expect.stringMatching(/\.jpg$/),
      caption: 'Le Premier ministre dans la cour de Matignon.',
      // The IPTC credit WordPress read from the file (its attachment metadata's image_meta).
      credit: 'AFP',
      alt: 'La cour de l’hôtel de Matignon',
    });
    const stored = core.services.media.resolve(first.featuredImage!.mediaId)!;
    expect(readFileSync(stored.file).equals(BLUE)).toBe(true);

    // The block-editor figure, whose <img> showed a resized copy (carte-1024x768.png) of the attached file.
    expect(first.body.content?.map((n) => n.type)).toEqual(['paragraph', 'image', 'paragraph']);
    const [figure] = images(first.body);
    expect(figure).toEqual({
      mediaId: expect.stringMatching(/\.png$/),
      alt: 'Carte des régions',
      caption: 'La nouvelle carte des régions.',
      credit: '',
    });
    expect(readFileSync(core.services.media.resolve(figure!['mediaId'] as string)!.file).equals(RED)).toBe(
      true,
    );

    // The classic editor's [caption] shortcode: the same photo as the first post's featured one, stored once.
    const second = byHeadline('militants');
    expect(images(second.body)).toEqual([
      {
        mediaId: first.featuredImage!.mediaId,
        alt: 'La cour de l’hôtel de Matignon',
        caption: 'Matignon, lundi soir (photo L. B.)',
        credit: 'AFP',
      },
    ]);
    expect(storedFiles()).toEqual([first.featuredImage!.mediaId, figure!['mediaId']].sort());
    core.close();
  });

  it('imports an article whose photo is missing without it, and says which article and which file', async () => {
    const { file } = exportFolder('beside');
    const { core, byHeadline } = startedCore();
    const report = await core.services.importing.start(file, 'wxr').done;
    expect(report).toMatchObject({ created: 2, failed: 0, photosMissing: 2 });
    expect(report.problems).toEqual([
      {
        position: expect.stringMatching(/^item 2 \(line \d+\)$/),
        message: expect.stringMatching(
          /^The image “https:\/\/agence\.example\/photos\/foule\.jpg” was left out: it is not from this site’s uploads folder\.$/,
        ),
      },
      {
        position: expect.stringMatching(/^item 2 \(line \d+\)$/),
        message: expect.stringMatching(
          /^The featured photo “2024\/03\/militants\.jpg” was left out: it is not in the uploads folder \(.*wp-content\/uploads\)\.$/,
        ),
      },
    ]);
    const second = byHeadline('militants');
    expect(second.featuredImage).toBeNull();
    expect(second.body.content?.map((n) => n.type)).toEqual(['paragraph', 'image', 'paragraph']);
    core.close();
  });

  it('re-importing the same export makes no duplicate articles and no duplicate media files', async () => {
    const { file } = exportFolder('beside');
    const { core, storedFiles } = startedCore();
    await core.services.importing.start(file, 'wxr').done;
    const files = storedFiles();
    const again = await core.services.importing.start(file, 'wxr').done;
    expect(again).toMatchObject({
      state: 'done',
      created: 0,
      alreadyThere: 2,
      photosMissing: 0,
      problems: [],
    });
    expect(core.services.listing.count({})).toBe(2);
    expect(storedFiles()).toEqual(files);
    core.close();
  });

  it('takes the uploads folder the user chose, and names each photo when there is none', async () => {
    const { file, uploads } = exportFolder('elsewhere');
    const chosen = startedCore();
    const report = await chosen.core.services.importing.start(file, 'wxr', uploads).done;
    expect(report).toMatchObject({ created: 2, photosMissing: 2 });
    expect(chosen.byHeadline('passation').featuredImage?.mediaId).toMatch(/\.jpg$/);
    chosen.core.close();

    const none = startedCore();
    const without = await none.core.services.importing.start(file, 'wxr').done;
    expect(without).toMatchObject({ created: 2, failed: 0, photosMissing: 5 });
    expect(without.problems.map((p) => p.message)).toContain(
      'The featured photo (attachment 201) was left out: no uploads folder was found beside the export (uploads/ or wp-content/uploads/) and none was chosen.',
    );
    expect(none.byHeadline('passation').featuredImage).toBeNull();
    expect(images(none.byHeadline('passation').body)).toEqual([]);
    none.core.close();

    const wrong = startedCore();
    expect(() => wrong.core.services.importing.start(file, 'wxr', join(uploads, 'nope'))).toThrow(
      /There is no uploads folder at .*nope/,
    );
    wrong.core.close();
  });
});

describe('the problem list of an export whose photos are all missing', () => {
  it('still lists the skipped articles after a hundred photo problems', async () => {
    const dir = tempDir();
    const file = join(dir, 'export.xml');
    const post = (i: number, status: string) =>
      `<item><title>Article ${i}</title><guid>g${i}</guid><content:encoded><![CDATA[<p>Texte ${i}</p>]]></content:encoded><wp:post_id>${i}</wp:post_id><wp:post_date_gmt>2024-01-01 00:00:00</wp:post_date_gmt><wp:status>${status}</wp:status><wp:post_type>post</wp:post_type><wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>${9000 + i}</wp:meta_value></wp:postmeta></item>\n`;
    writeFileSync(
      file,
      `<rss><channel>${Array.from({ length: 150 }, (_, i) => post(i + 1, 'publish')).join('')}${post(151, 'weird')}</channel></rss>`,
    );
    mkdirSync(join(dir, 'uploads')); // an uploads folder, but the export lists none of the attachments
    const { core } = startedCore();
    const report = await core.services.importing.start(file, 'wxr').done;
    expect(report).toMatchObject({ created: 150, failed: 1, photosMissing: 150 });
    // Skipped items are listed as they are read, photo problems once their article is written.
    expect(report.problems).toHaveLength(101);
    expect(report.problems).toContainEqual({
      position: expect.stringMatching(/^item 151 /),
      message: 'Unknown status “weird”.',
    });
    expect(report.problems).toContainEqual({
      position: expect.stringMatching(/^item 1 /),
      message: 'The featured photo (attachment 9001) was left out: the export does not list that attachment.',
    });
    core.close();
  });
});

describe('a classic gallery in an imported post', () => {
  it('comes as its photos in WordPress’s order with their captions; a missing one is reported like any photo', async () => {
    const file = galleryExport(tempDir);
    const { core, byHeadline } = startedCore();
    const report = await core.services.importing.start(file, 'wxr').done;
    expect(report).toMatchObject({ created: 1, photosMissing: 1 });
    expect(report.problems).toEqual([
      {
        position: 'item 1 (line 4)',
        message: expect.stringMatching(
          /^The gallery photo “2024\/02\/digue\.jpg” was left out: it is not in the uploads folder/,
        ),
      },
    ]);
    const article = byHeadline('quais');
    expect(article.body.content?.map((n) => (n.type === 'image' ? n.attrs!['caption'] : n.type))).toEqual([
      'paragraph',
      'Le phare',
      'Le quai nord',
      'paragraph',
    ]);
    core.close();
  });
});
