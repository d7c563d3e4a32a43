import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyFields } from '../../../src/main/articles/articleService';
import { createImportService } from '../../../src/main/importing/importService';
import { createImportWriter } from '../../../src/main/importing/importWriter';
import {
  createPhotoPlacement,
  stagedPhotoStore,
  stagingDirOf,
} from '../../../src/main/importing/photoStaging';
import { createMediaStore } from '../../../src/main/media/mediaStore';
import { createSearchIndexer } from '../../../src/main/search/searchIndexer';
import type { ImportProgress } from '../../../src/shared/domain/importing';
import { useTempDirs } from '../../support/tempDir';
import { startedCore } from '../../support/wxrExport';

const tempDir = useTempDirs();
const IMAGES = resolve(__dirname, '../../fixtures/images');
const UPLOADS = 'https://quotidien.example/wp-content/uploads/2024/05';

const post = (id: number, title: string, html: string) => `
	<item>
		<title><![CDATA[${title}]]></title>
		<guid isPermaLink="false">https://quotidien.example/?p=${id}</guid>
		<content:encoded><![CDATA[${html}]]></content:encoded>
		<wp:post_id>${id}</wp:post_id>
		<wp:post_date_gmt><![CDATA[2024-05-0${id % 9} 08:00:00]]></wp:post_date_gmt>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
	</item>`;

/**
 * A posts-only export (no attachment items: photos found by address) whose second post is malformed: its
 * HTML opens ten thousand blockquotes (a broken plugin's output) and cannot be converted, after its photos
 * were read. It shows the first post's photo, one of its own, and one a journalist already used.
 */
function exportWithMalformedPost(): string {
  const dir = tempDir();
  const uploads = join(dir, 'uploads', '2024', '05');
  mkdirSync(uploads, { recursive: true });
  copyFileSync(join(IMAGES, 'blue.jpg'), join(uploads, 'shared.jpg'));
  // Another photo (other bytes), seen only by the malformed post.
  writeFileSync(
    join(uploads, 'only.jpg'),
    Buffer.concat([readFileSync(join(IMAGES, 'blue.jpg')), Buffer.from([0])]),
  );
  copyFileSync(join(IMAGES, 'red.png'), join(uploads, 'desk.png'));
  const file = join(dir, 'export.xml');
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>${[
      post(
        1,
        'Le port rouvre',
        `<p>Les quais sont rouverts.</p><img src="${UPLOADS}/shared.jpg" alt="Le port">`,
      ),
      post(
        2,
        'Article cassé',
        `<img src="${UPLOADS}/shared.jpg"><img src="${UPLOADS}/only.jpg"><img src="${UPLOADS}/desk.png">${'<blockquote>'.repeat(10_000)}Texte`,
      ),
      post(3, 'La marée monte', '<p>Coefficient 110.</p>'),
    ].join('')}
</channel>
</rss>
`,
  );
  return file;
}

describe('photos of an import’s items that are not written', () => {
  it('never stay in the media store, while photos other articles use stay', async () => {
    const file = exportWithMalformedPost();
    const { core, storedFiles, byHeadline } = startedCore(tempDir);
    // A journalist pasted desk.png's photo into an article before the import.
    const desk = core.services.media.put(readFileSync(join(IMAGES, 'red.png')), 'image/png').mediaId;
    const draft = core.services.articles.create('fr');
    core.services.articles.save({
      id: draft.id,
      baseRevision: draft.revision,
      fields: {
        ...emptyFields('fr'),
        headline: 'Brouillon illustré',
        body: {
          type: 'doc',
          content: [{ type: 'image', attrs: { mediaId: desk, alt: '', caption: '', credit: '' } }],
        },
      },
      kind: 'explicit',
    });

    const report = await core.services.importing.start(file, 'wxr').done;
    expect(report).toMatchObject({ state: 'done', created: 2, failed: 1, photosMissing: 0 });
    expect(report.problems).toEqual([
      {
        position: expect.stringMatching(/^item 2 /),
        message: expect.stringMatching(/^The content could not be converted/),
      },
    ]);
    const port = byHeadline('quais');
    const shared = (port.body.content ?? []).find((n) => n.type === 'image')!.attrs!['mediaId'] as string;
    // The first post's photo (also the malformed one's) and the journalist's: nothing of the malformed post alone.
    expect(storedFiles()).toEqual([shared, desk].sort());
    expect(readdirSync(core.services.media.dir).filter((f) => f.startsWith('.'))).toEqual([]);
    expect(core.services.media.resolve(desk)).toBeDefined();
    core.close();
  });

  it('of a cancelled import: only the photos of the articles written stay', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'uploads', '2024', '05'), { recursive: true });
    const blue = readFileSync(join(IMAGES, 'blue.jpg'));
    const posts: string[] = [];
    for (let i = 1; i <= 2000; i++) {
      // A photo of its own for each post (other bytes after the same JPEG head).
      writeFileSync(
        join(dir, 'uploads', '2024', '05', `p${i}.jpg`),
        Buffer.concat([blue, Buffer.from(`${i}`)]),
      );
      posts.push(post(i, `Dépêche ${i}`, `<p>Texte ${i}.</p><img src="${UPLOADS}/p${i}.jpg" alt="">`));
    }
    const file = join(dir, 'export.xml');
    writeFileSync(
      file,
      `<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel>${posts.join('')}</channel></rss>`,
    );
    const { core, dataDir, storedFiles } = startedCore(tempDir);
    // Batches of 10, so the reading thread is a batch ahead of the writes when the import is cancelled.
    const writer = createImportWriter(core.db, core.services.terms, createSearchIndexer(core.db));
    const importing = createImportService(core.db, core.bus, writer, 10, dataDir);
    core.bus.subscribe((event, payload) => {
      const progress = payload as ImportProgress;
      if (event === 'import:progress' && progress.created >= 10) importing.cancel(progress.jobId);
    });
    const report = await importing.start(file, 'wxr').done;
    expect(report.state).toBe('cancelled');
    expect(report.created).toBeGreaterThanOrEqual(10);
    expect(report.created).toBeLessThan(2000);
    // One photo per article written, none of the posts read but not written.
    expect(storedFiles()).toHaveLength(report.created);
    expect(readdirSync(core.services.media.dir).filter((f) => f.startsWith('.'))).toEqual([]);
    core.close();
  });

  it('removes what an import killed midway left waiting', async () => {
    const file = exportWithMalformedPost();
    const { core, storedFiles } = startedCore(tempDir);
    const left = join(core.services.media.dir, '.import-2f1c0d9e-dead-4bee-8a11-000000000000');
    mkdirSync(left, { recursive: true });
    copyFileSync(join(IMAGES, 'red.png'), join(left, 'leftover.png'));
    await core.services.importing.start(file, 'wxr').done;
    expect(existsSync(left)).toBe(false);
    expect(storedFiles()).toHaveLength(1);
    core.close();
  });
});

describe('placing staged photos', () => {
  it('never takes back a photo that entered the store meanwhile by another way (a paste of the same file)', () => {
    const media = createMediaStore(tempDir());
    const staging = stagingDirOf(media.dir, 'job');
    const bytes = readFileSync(join(IMAGES, 'blue.jpg'));
    const { mediaId } = stagedPhotoStore(media, staging).put(bytes, '');
    expect(media.has(mediaId)).toBe(false);
    // While the import reads on, a journalist pastes the same photo into an article.
    media.put(bytes, 'image/jpeg');
    const placement = createPhotoPlacement(media.dir, staging);
    const placed = placement.place([mediaId]);
    // The article of the import is refused: what was placed for it goes back; the pasted file is not its own.
    placement.takeBack(placed);
    placement.discard();
    expect(media.has(mediaId)).toBe(true);
    expect(existsSync(staging)).toBe(false);
  });
});
