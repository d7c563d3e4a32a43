import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToBody } from '../../../src/main/content/bodyHtml';
import { createMediaStore } from '../../../src/main/media/mediaStore';
import type { AttachmentTable, WxrAttachment } from '../../../src/main/importing/wxrAttachments';
import { withWxrImages } from '../../../src/main/importing/wxrImages';
import { createWxrPhotos } from '../../../src/main/importing/wxrPhotos';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const IMAGES = resolve(__dirname, '../../fixtures/images');
const UPLOADS = 'https://site.example/wp-content/uploads';

/** An uploads folder with real files, a media store beside it, and the export's attachments (maybe none). */
function setUp(files: Record<string, string>, attachments: WxrAttachment[] = []) {
  const dir = tempDir();
  const uploads = join(dir, 'site', 'uploads');
  for (const [path, fixture] of Object.entries(files)) {
    mkdirSync(join(uploads, path, '..'), { recursive: true });
    copyFileSync(join(IMAGES, fixture), join(uploads, path));
  }
  const table: AttachmentTable = {
    byId: new Map(attachments.map((a) => [a.id, a])),
    byFile: new Map(attachments.map((a) => [a.file, a])),
  };
  const store = createMediaStore(join(dir, 'app'));
  const photos = createWxrPhotos(table, uploads, store);
  const convert = (html: string) => {
    const out = withWxrImages(html, photos);
    return { body: htmlToBody(out.html), problems: out.problems };
  };
  const stored = () => {
    try {
      return readdirSync(store.dir).filter((f) => !f.startsWith('.'));
    } catch {
      return [];
    }
  };
  return { dir, convert, stored };
}

const shape = (body: ReturnType<typeof htmlToBody>) =>
  (body.content ?? []).map((n) => (n.type === 'image' ? { image: n.attrs } : n.type));

describe('a WordPress post’s images as the body’s figures', () => {
  it('finds a file by its address when the export lists no attachments (a posts-only export)', () => {
    const { convert, stored } = setUp({ '2023/11/vue.jpg': 'blue.jpg' });
    const { body, problems } = convert(
      `<p>Avant <a href="${UPLOADS}/2023/11/vue.jpg"><img src='${UPLOADS}/2023/11/vue-300x200.jpg' alt='Ça &amp; là' /></a> après</p>`,
    );
    expect(problems).toEqual([]);
    expect(shape(body)).toEqual([
      'paragraph',
      { image: { mediaId: stored()[0], alt: 'Ça & là', caption: '', credit: '' } },
      'paragraph',
    ]);
  });

  it('takes the resized copy the post showed when the original is not there', () => {
    const { convert, stored } = setUp({ '2023/11/vue-300x200.jpg': 'red.png' });
    const { body, problems } = convert(`<img src="${UPLOADS}/2023/11/vue-300x200.jpg">`);
    expect(problems).toEqual([]);
    expect(shape(body)).toEqual([{ image: { mediaId: stored()[0], alt: '', caption: '', credit: '' } }]);
  });

  it('imports each image of a gallery', () => {
    const attachment = (id: string, file: string, credit = ''): WxrAttachment => ({
      id,
      file,
      url: `${UPLOADS}/${file}`,
      caption: '',
      alt: `alt ${id}`,
      credit,
    });
    const { convert } = setUp({ '2024/01/a.jpg': 'blue.jpg', '2024/01/b.png': 'red.png' }, [
      attachment('1', '2024/01/a.jpg'),
      attachment('2', '2024/01/b.png', 'Reuters'),
    ]);
    const { body, problems } = convert(
      `<figure class="wp-block-gallery has-nested-images"><figure class="wp-block-image"><img src="${UPLOADS}/2024/01/a-150x150.jpg" class="wp-image-1"/></figure><figure class="wp-block-image"><img src="${UPLOADS}/2024/01/b-150x150.png" class="wp-image-2"/><figcaption>Deux</figcaption></figure></figure>`,
    );
    expect(problems).toEqual([]);
    expect(shape(body)).toEqual([
      { image: expect.objectContaining({ alt: 'alt 1', caption: '' }) },
      { image: expect.objectContaining({ alt: 'alt 2', caption: 'Deux', credit: 'Reuters' }) },
    ]);
  });

  it('never reads a file outside the uploads folder, and names a file that is not an image', () => {
    const { dir, convert, stored } = setUp({ '2024/01/notes.jpg': 'not-an-image.png' });
    copyFileSync(join(IMAGES, 'blue.jpg'), join(dir, 'secret.jpg'));
    writeFileSync(join(dir, 'site', 'secret.jpg'), 'x');
    const { body, problems } = convert(
      `<p>Texte.</p><img src="${UPLOADS}/../../secret.jpg"><img src="${UPLOADS}/2024/01/notes.jpg">`,
    );
    expect(problems).toEqual([
      'The photo “../../secret.jpg” was left out: its path leads outside the uploads folder.',
      'The photo “2024/01/notes.jpg” was left out: This file is not a JPEG, PNG, GIF or WebP image.',
    ]);
    expect(shape(body)).toEqual(['paragraph']);
    expect(stored()).toEqual([]);
  });

  describe('galleries', () => {
    const attachment = (id: string, file: string, more: Partial<WxrAttachment> = {}): WxrAttachment => ({
      id,
      file,
      url: `${UPLOADS}/${file}`,
      caption: `Légende ${id}`,
      alt: `alt ${id}`,
      credit: '',
      ...more,
    });
    const files = { '2024/02/quai.jpg': 'blue.jpg', '2024/02/phare.png': 'red.png' };

    it('brings a classic [gallery ids] in its order, captioned, and names an image the export does not list', () => {
      const { convert, stored } = setUp(files, [
        attachment('31', '2024/02/quai.jpg'),
        attachment('32', '2024/02/phare.png', { credit: 'AFP' }),
      ]);
      const { body, problems } = convert(
        '<p>Le port au petit matin.</p>\n<p>[gallery link="file" columns="2" ids="32,31,39"]</p>\n<p>Fin.</p>',
      );
      expect(problems).toEqual([
        'The gallery photo (attachment 39) was left out: the export does not list that attachment.',
      ]);
      const [jpg, png] = [stored().find((f) => f.endsWith('.jpg')), stored().find((f) => f.endsWith('.png'))];
      expect(shape(body)).toEqual([
        'paragraph',
        { image: { mediaId: png, alt: 'alt 32', caption: 'Légende 32', credit: 'AFP' } },
        { image: { mediaId: jpg, alt: 'alt 31', caption: 'Légende 31', credit: '' } },
        'paragraph',
      ]);
    });

    it('brings a [gallery] that names no images with the images uploaded to the post, in menu order', () => {
      const { stored, dir } = setUp(files);
      const table: AttachmentTable = { byId: new Map(), byFile: new Map() };
      for (const a of [
        attachment('41', '2024/02/quai.jpg', { parent: '400', order: 2 }),
        attachment('42', '2024/02/phare.png', { parent: '400', order: 1 }),
        attachment('43', '2024/02/quai.jpg', { parent: '401' }),
        attachment('44', '2024/02/notes.pdf', { parent: '400' }),
      ]) {
        table.byId.set(a.id, a);
        table.byFile.set(a.file, a);
      }
      const photos = createWxrPhotos(table, join(dir, 'site', 'uploads'), createMediaStore(join(dir, 'app')));
      const out = withWxrImages('[gallery exclude="99"]', photos, '400');
      expect(out.problems).toEqual([]);
      expect(shape(htmlToBody(out.html))).toEqual([
        {
          image: expect.objectContaining({
            caption: 'Légende 42',
            mediaId: stored().find((f) => f.endsWith('.png')),
          }),
        },
        {
          image: expect.objectContaining({
            caption: 'Légende 41',
            mediaId: stored().find((f) => f.endsWith('.jpg')),
          }),
        },
      ]);
    });

    it('brings a block gallery of the WordPress 5 kind (list items) with each caption and the gallery’s own', () => {
      const { convert } = setUp({ '2024/02/quai.jpg': 'blue.jpg' }, [attachment('51', '2024/02/quai.jpg')]);
      const { body, problems } = convert(
        `<!-- wp:gallery {"ids":[51,52],"linkTo":"none"} -->
<figure class="wp-block-gallery columns-2 is-cropped"><ul class="blocks-gallery-grid"><li class="blocks-gallery-item"><figure><img src="${UPLOADS}/2024/02/quai-1024x768.jpg" alt="Le quai" data-id="51" class="wp-image-51"/><figcaption class="blocks-gallery-item__caption">Le quai nord</figcaption></figure></li><li class="blocks-gallery-item"><figure><img src="${UPLOADS}/2024/02/digue.jpg" alt="" data-id="52" class="wp-image-52"/></figure></li></ul><figcaption class="blocks-gallery-caption">Le port, mardi.</figcaption></figure>
<!-- /wp:gallery -->`,
      );
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(
        /^The photo “2024\/02\/digue\.jpg” was left out: it is not in the uploads folder/,
      );
      expect(shape(body)).toEqual([
        { image: expect.objectContaining({ alt: 'Le quai', caption: 'Le quai nord' }) },
        'paragraph',
      ]);
      expect(body.content![1]).toMatchObject({ content: [{ text: 'Le port, mardi.' }] });
    });
  });
});
