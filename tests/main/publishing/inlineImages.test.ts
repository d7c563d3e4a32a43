import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { BodyDoc } from '../../../src/shared/domain/article';
import { photoCaption } from '../../../src/shared/publishing/photoCredit';
import { contentFor, withoutMarker, type WpPost } from '../../../src/main/publishing/mapping';
import { mediaMarker } from '../../../src/main/publishing/mediaUploader';
import { renderPreview } from '../../../src/main/publishing/previewDocument';
import { startFaultProxy, type FaultProxy } from '../../support/faultProxy';
import { useTempDirs } from '../../support/tempDir';
import { wordpressSite, wpAdmin } from '../../support/wordpress';
import { publishingFixture, tinyPng } from './support';

const tempDir = useTempDirs();
const unique = (): string => Math.random().toString(36).slice(2, 8);
let proxy: FaultProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

interface WpMedia {
  id: number;
  source_url: string;
  alt_text: string;
  caption: { raw: string };
  slug: string;
}
const remote = (id: number) => wpAdmin<WpPost>('GET', `wp/v2/posts/${id}?context=edit`);
/** Every file in the site's library carrying this media id's marker (what a duplicate upload would add to). */
const mediaOnSite = async (mediaId: string): Promise<WpMedia[]> =>
  (
    await wpAdmin<WpMedia[]>('GET', `wp/v2/media?search=${mediaMarker(mediaId)}&context=edit&per_page=20`)
  ).filter((m) => m.slug.startsWith(mediaMarker(mediaId).toLowerCase()));
/** An image no other test (or earlier run) has put on the site. */
const freshPng = (): Uint8Array => Uint8Array.from([...tinyPng(7), ...Buffer.from(randomUUID())]);

const image = (mediaId: string, caption: string, credit: string, alt: string) => ({
  type: 'image',
  attrs: { mediaId, caption, credit, alt },
});
const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** The pushed HTML with the site's image addresses put back to the app's own: what the preview must equal. */
function withLocalImages(html: string, byUrl: Map<string, string>): string {
  let out = html;
  for (const [url, mediaId] of byUrl) out = out.split(`src="${url}"`).join(`src="/media/${mediaId}"`);
  return out;
}

/** Counts uploads (POST wp/v2/media, not its metadata updates) going through a pass-through proxy. */
async function countingProxy(): Promise<{ uploads: () => number; url: string }> {
  proxy = await startFaultProxy(wordpressSite().url, () => 'pass');
  const p = proxy;
  return {
    url: p.url,
    uploads: () => p.log.filter((r) => r.method === 'POST' && /\/wp\/v2\/media(\?|$)/.test(r.path)).length,
  };
}

describe('inline images of the body', () => {
  it('go to the media library once, with alt text and a caption carrying the credit, and the post points at them', async () => {
    const counter = await countingProxy();
    const f = publishingFixture(tempDir(), 'editor', { url: counter.url });
    const section = f.terms.ensure('sections', 'Culture');
    const a = f.media.put(freshPng(), 'image/png').mediaId;
    const b = f.media.put(freshPng(), 'image/png').mediaId;
    const body: BodyDoc = {
      type: 'doc',
      content: [
        para('Avant la photo.'),
        image(a, 'La place Bellecour, « au soleil »', 'AFP', 'Une place au soleil'),
        para('Entre les deux.'),
        image(b, '', 'Jean Dupont/Le Quotidien', 'Un tramway'),
        // The same photo twice in one article: one upload.
        image(a, 'La place, encore', 'AFP', 'La place encore'),
      ],
    };
    const article = f.write(f.articles.create('fr').id, {
      headline: `Images ${unique()}`,
      sectionId: section.id,
      body,
    });
    f.outbox.enqueue(article.id, f.site.id, 'draft');
    await f.outbox.settle();
    const [pub] = f.sync.publications(article.id);
    expect(pub).toMatchObject({ state: 'draft', message: null });
    expect(counter.uploads()).toBe(2);

    const [onSiteA, onSiteB] = [await mediaOnSite(a), await mediaOnSite(b)];
    expect(onSiteA).toHaveLength(1);
    expect(onSiteB).toHaveLength(1);
    expect(onSiteA[0]).toMatchObject({
      alt_text: 'Une place au soleil',
      caption: { raw: 'La place Bellecour, « au soleil » — Photo\u00a0: AFP' },
    });
    expect(onSiteA[0]!.caption.raw).toBe(photoCaption('La place Bellecour, « au soleil »', 'AFP', 'fr'));
    expect(onSiteB[0]).toMatchObject({ caption: { raw: 'Photo\u00a0: Jean Dupont/Le Quotidien' } });

    // Byte-exact: the content is our generator's, with the site's addresses for the images.
    const urls = new Map([
      [a, onSiteA[0]!.source_url],
      [b, onSiteB[0]!.source_url],
    ]);
    const post = await remote(pub!.remoteId!);
    const saved = f.articles.get(article.id);
    expect(post.content.raw).toBe(contentFor(saved, (id) => urls.get(id)!));
    expect(post.content.raw).not.toContain('/media/');
    expect(post.content.raw).toContain(`<img src="${onSiteA[0]!.source_url}" alt="Une place au soleil">`);
    expect(post.content.raw).toContain(
      '<figcaption><span class="image-caption">La place Bellecour, « au soleil »</span> — Photo&nbsp;: <span class="image-credit">AFP</span></figcaption>',
    );

    // The preview is the same HTML, with the app's own copies of the images (offline, under its CSP).
    const preview = renderPreview(saved, {
      stylesheet: '/a.css',
      siteName: 's',
      siteUrl: undefined,
      date: 0,
    });
    const byUrl = new Map([...urls].map(([id, url]) => [url, id]));
    expect(preview.bodyHtml).toBe(withLocalImages(withoutMarker(post.content.raw), byUrl));
    expect(preview.document).toContain(preview.bodyHtml);

    // Pushing again sends no file again; a caption edited since goes to the library without the file.
    const edited = f.write(article.id, {
      body: {
        ...body,
        content: [...body.content!.slice(0, 3), image(b, 'Le tram', 'Jean Dupont', 'Un tramway')],
      },
    });
    f.outbox.enqueue(edited.id, f.site.id, 'update');
    await f.outbox.settle();
    expect(counter.uploads()).toBe(2);
    expect(await mediaOnSite(b)).toMatchObject([{ caption: { raw: 'Le tram — Photo\u00a0: Jean Dupont' } }]);
    const updated = await remote(pub!.remoteId!);
    expect(updated.content.raw).toBe(contentFor(f.articles.get(article.id), (id) => urls.get(id)!));

    // A pull reads caption and credit apart again (the joining words are not part of either).
    const pulled = await f.puller.pull(f.site.id, { statuses: ['draft'], search: article.headline });
    expect(pulled.conflicts).toBe(0);
    expect(JSON.stringify(f.articles.get(article.id).body)).toContain(
      '"caption":"Le tram","credit":"Jean Dupont"',
    );
  });

  it('sends Arabic captions and credits byte-exact', async () => {
    const f = publishingFixture(tempDir());
    const a = f.media.put(freshPng(), 'image/png').mediaId;
    const article = f.write(f.articles.create('ar').id, {
      headline: `صور الميناء ${unique()}`,
      body: {
        type: 'doc',
        content: [para('النص الأول.'), image(a, 'ميناء الجزائر', 'وكالة الأنباء', 'سفن')],
      },
    });
    f.outbox.enqueue(article.id, f.site.id, 'publish');
    await f.outbox.settle();
    const [pub] = f.sync.publications(article.id);
    expect(pub).toMatchObject({ state: 'live', message: null });
    const [media] = await mediaOnSite(a);
    expect(media).toMatchObject({
      alt_text: 'سفن',
      caption: { raw: 'ميناء الجزائر — تصوير: وكالة الأنباء' },
    });
    const post = await remote(pub!.remoteId!);
    expect(post.content.raw).toBe(contentFor(f.articles.get(article.id), () => media!.source_url));
  });

  it('finds an upload whose answer was lost by its marker instead of uploading it twice', async () => {
    let firstUpload = true;
    proxy = await startFaultProxy(wordpressSite().url, ({ method, path }) => {
      if (method === 'POST' && /\/wp\/v2\/media(\?|$)/.test(path) && firstUpload) {
        firstUpload = false;
        return 'dropAfterApply';
      }
      return 'pass';
    });
    const f = publishingFixture(tempDir(), 'editor', {
      url: proxy.url,
      outbox: { baseDelayMs: 20, maxDelayMs: 100 },
    });
    const a = f.media.put(freshPng(), 'image/png').mediaId;
    const article = f.write(f.articles.create('fr').id, {
      headline: `Réponse perdue ${unique()}`,
      body: { type: 'doc', content: [image(a, 'Légende', 'AFP', 'Texte alternatif')] },
    });
    f.outbox.enqueue(article.id, f.site.id, 'draft');
    await f.outbox.settle(10_000);
    expect(proxy.log.some((r) => r.fault === 'dropAfterApply')).toBe(true);
    const onSite = await mediaOnSite(a);
    expect(onSite).toHaveLength(1);
    const post = await remote(f.sync.publications(article.id)[0]!.remoteId!);
    expect(post.content.raw).toBe(contentFor(f.articles.get(article.id), () => onSite[0]!.source_url));
  });

  it('lets an author send images, and still reports what WordPress filtered of an author’s HTML', async () => {
    const f = publishingFixture(tempDir(), 'author');
    const a = f.media.put(freshPng(), 'image/png').mediaId;
    const clean = f.write(f.articles.create('fr').id, {
      headline: `Auteur avec photo ${unique()}`,
      body: { type: 'doc', content: [para('Texte.'), image(a, 'Légende', 'AFP', 'Alt')] },
    });
    const filtered = f.write(f.articles.create('fr').id, {
      headline: `Écart : 3 < 5 & 7 > 2 ${unique()}`,
      body: { type: 'doc', content: [para('Si a < b et b > c…'), image(a, 'Légende', 'AFP', 'Alt')] },
    });
    f.outbox.enqueue(clean.id, f.site.id, 'draft');
    f.outbox.enqueue(filtered.id, f.site.id, 'draft');
    await f.outbox.settle();
    const [onSite] = await mediaOnSite(a);
    expect(onSite).toBeDefined();

    const [cleanPub] = f.sync.publications(clean.id);
    expect(cleanPub).toMatchObject({ state: 'draft', message: null });
    expect((await remote(cleanPub!.remoteId!)).content.raw).toBe(
      contentFor(f.articles.get(clean.id), () => onSite!.source_url),
    );

    const [filteredPub] = f.sync.publications(filtered.id);
    expect(filteredPub!.state).toBe('draft');
    expect(filteredPub!.message).toMatch(/filtered/);
    // The image made it all the same.
    expect((await remote(filteredPub!.remoteId!)).content.raw).toContain(onSite!.source_url);
  });
});
