import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { BodyDoc } from '../../../src/shared/domain/article';
import { bodyMediaIds } from '../../../src/shared/editor/bodySchema';
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

const freshPng = (): Uint8Array => Uint8Array.from([...tinyPng(9), ...Buffer.from(randomUUID())]);
const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const statuses = ['draft', 'pending', 'publish'] as const;

/** Counts uploads (POST wp/v2/media, not its metadata updates) going through a pass-through proxy. */
async function countingProxy(): Promise<{ uploads: () => number; url: string }> {
  proxy = await startFaultProxy(wordpressSite().url, () => 'pass');
  const p = proxy;
  return {
    url: p.url,
    uploads: () => p.log.filter((r) => r.method === 'POST' && /\/wp\/v2\/media(\?|$)/.test(r.path)).length,
  };
}

describe('pulling posts whose images another desk uploaded', () => {
  it('brings the inline and featured images into the media store, and pushing back uploads nothing', async () => {
    const deskA = publishingFixture(tempDir());
    const inlineBytes = freshPng();
    const featuredBytes = freshPng();
    const inline = deskA.media.put(inlineBytes, 'image/png').mediaId;
    const featured = deskA.media.put(featuredBytes, 'image/png').mediaId;
    const token = `pullimg${unique()}`;
    const body: BodyDoc = {
      type: 'doc',
      content: [
        para('Avant la photo.'),
        { type: 'image', attrs: { mediaId: inline, caption: 'La place', credit: 'AFP', alt: 'Une place' } },
      ],
    };
    const sent = deskA.write(deskA.articles.create('fr').id, {
      headline: `${token} images`,
      body,
      featuredImage: { mediaId: featured, caption: 'Le quai', credit: 'Jean Dupont', alt: 'Un quai' },
    });
    deskA.outbox.enqueue(sent.id, deskA.site.id, 'draft');
    await deskA.outbox.settle();
    expect(deskA.sync.publications(sent.id)[0]).toMatchObject({ state: 'draft', message: null });

    const counter = await countingProxy();
    const deskB = publishingFixture(tempDir(), 'editor', { url: counter.url });
    expect(deskB.media.has(inline)).toBe(false);
    const pulled = await deskB.puller.pull(deskB.site.id, { statuses, search: token });
    expect(pulled).toMatchObject({ created: 1, done: true, problems: [] });

    const [summary] = deskB.articles.list(1000).filter((a) => a.headline === `${token} images`);
    const got = deskB.articles.get(summary!.id);
    expect(bodyMediaIds(got.body)).toEqual([inline]);
    expect(readFileSync(deskB.media.resolve(inline)!.file)).toEqual(Buffer.from(inlineBytes));
    expect(got.featuredImage).toEqual({
      mediaId: featured,
      caption: 'Le quai',
      credit: 'Jean Dupont',
      alt: 'Un quai',
    });
    expect(readFileSync(deskB.media.resolve(featured)!.file)).toEqual(Buffer.from(featuredBytes));

    // Desk B corrects the text and pushes it back: the site already has both files.
    const edited = deskB.write(got.id, { headline: `${token} images, corrigé` });
    deskB.outbox.enqueue(edited.id, deskB.site.id, 'draft');
    await deskB.outbox.settle();
    const [pub] = deskB.sync.publications(edited.id);
    expect(pub).toMatchObject({ state: 'draft', message: null });
    expect(counter.uploads()).toBe(0);
    const post = await wpAdmin<{ title: { raw: string }; featured_media: number }>(
      'GET',
      `wp/v2/posts/${pub!.remoteId}?context=edit`,
    );
    expect(post.title.raw).toBe(`${token} images, corrigé`);
  });

  it('leaves out a post whose image cannot be downloaded, stores the rest and tries it again next time', async () => {
    const token = `pullimgko${unique()}`;
    const missing = `${'ab'.repeat(32)}.png`;
    // Older first: the broken post comes on the first page, the good one on the next.
    const broken = await wpAdmin<{ id: number }>('POST', 'wp/v2/posts', {
      title: `${token} image perdue`,
      content: `<figure class="image" data-media-id="${missing}"><img src="${wordpressSite().url}/wp-content/uploads/nowhere-${token}.png" alt=""></figure>`,
      status: 'draft',
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await wpAdmin('POST', 'wp/v2/posts', {
        title: `${token} sans image`,
        content: '<p>Texte.</p>',
        status: 'draft',
      });
      const desk = publishingFixture(tempDir());
      const options = { statuses, search: token, perPage: 1 };
      const first = await desk.puller.pull(desk.site.id, options);
      expect(first).toMatchObject({ created: 1, done: true });
      expect(first.problems).toHaveLength(1);
      expect(first.problems[0]).toContain(`${token} image perdue`);
      expect(first.problems[0]).toContain(missing);
      const headlines = desk.articles.list(1000).map((a) => a.headline);
      expect(headlines).toContain(`${token} sans image`);
      expect(headlines).not.toContain(`${token} image perdue`);

      // The cursor did not move past the broken post: the next pull tries it again, and still says why.
      const again = await desk.puller.pull(desk.site.id, options);
      expect(again).toMatchObject({ created: 0, unchanged: 1, done: true });
      expect(again.problems[0]).toContain(`${token} image perdue`);
    } finally {
      await wpAdmin('DELETE', `wp/v2/posts/${broken.id}?force=true`);
    }
  });
});
