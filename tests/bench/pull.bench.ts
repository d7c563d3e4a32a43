import { performance } from 'node:perf_hooks';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { BodyDoc } from '../../src/shared/domain/article';
import { paragraph, publishingFixture, tinyPng } from '../main/publishing/support';
import { ensureWordpress, wordpressSite } from '../support/wordpress';
import type { Bench } from './support/bench';

/**
 * Pulling N posts (default 100) that another desk pushed, each with a featured image and an inline image, into
 * a fresh store (so every image is downloaded), against a bare fetch client in the same run that lists the
 * same pages and downloads the same files one after the other (featured media item, its file, the inline file).
 * The posts are pushed once by Redac (a token in their headline) and reused by later runs.
 */
const png = (seed: number): Uint8Array =>
  Uint8Array.from([...tinyPng(seed), ...Buffer.from(randomUUID().repeat(200))]);

const withImage = (mediaId: string): BodyDoc => ({
  type: 'doc',
  content: [
    ...paragraph('Premier paragraphe de la dépêche. '.repeat(10)).content,
    { type: 'image', attrs: { mediaId, caption: 'La salle', credit: 'AFP', alt: 'La salle' } },
  ],
});

interface ListedPost {
  content: { raw: string };
  featured_media: number;
}

const bench: Bench = {
  name: 'pull-images',
  async run({ size, workDir, report, log }) {
    const total = size ?? 100;
    const token = `pullbench${total}x`;
    const statuses = ['draft'] as const;
    ensureWordpress();
    const wp = wordpressSite();
    const auth = `Basic ${Buffer.from(`editor:${wp.users.editor.applicationPassword}`).toString('base64')}`;
    const get = async (url: string): Promise<Response> => {
      const res = await fetch(url, { headers: { authorization: auth } });
      if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
      return res;
    };
    const listUrl = (page: number) =>
      `${wp.url}/wp-json/wp/v2/posts?status=draft&search=${token}&orderby=modified&order=asc&per_page=50&page=${page}&context=edit`;

    const existing = Number((await get(listUrl(1))).headers.get('x-wp-total') ?? '0');
    if (existing < total) {
      log(`pushing ${total - existing} posts with images (once; later runs reuse them)`);
      const dir = join(workDir, 'seed');
      mkdirSync(dir, { recursive: true });
      const seed = publishingFixture(dir, 'editor', { outbox: { baseDelayMs: 200 } });
      for (let i = existing; i < total; i++) {
        const a = seed.write(seed.articles.create('fr').id, {
          headline: `${token} dépêche ${i}`,
          body: withImage(seed.media.put(png(i + 1), 'image/png').mediaId),
          featuredImage: {
            mediaId: seed.media.put(png(i + 2), 'image/png').mediaId,
            caption: 'Sur scène',
            credit: 'AFP',
            alt: 'Des comédiens',
          },
        });
        seed.outbox.enqueue(a.id, seed.site.id, 'draft');
        await seed.outbox.settle();
      }
      seed.db.close();
    }

    // Redac: a fresh desk pulls them all.
    const dir = join(workDir, 'desk');
    mkdirSync(dir, { recursive: true });
    const f = publishingFixture(dir);
    let start = performance.now();
    const pulled = await f.puller.pull(f.site.id, { statuses, search: token });
    const redacMs = performance.now() - start;
    if (pulled.created !== total || pulled.problems.length)
      throw new Error(`pulled ${pulled.created} of ${total}: ${pulled.problems.join(' ')}`);
    f.db.close();

    // The bare client: the same listing, then every file, one at a time.
    start = performance.now();
    let files = 0;
    for (let page = 1; ; page++) {
      const res = await get(listUrl(page));
      const posts = (await res.json()) as ListedPost[];
      for (const post of posts) {
        if (post.featured_media > 0) {
          const item = (await (
            await get(`${wp.url}/wp-json/wp/v2/media/${post.featured_media}?context=edit`)
          ).json()) as { source_url: string };
          await (await get(item.source_url)).arrayBuffer();
          files++;
        }
        for (const m of post.content.raw.matchAll(/<img\b[^>]*\bsrc="([^"]+)"/g)) {
          await (await get(m[1]!)).arrayBuffer();
          files++;
        }
      }
      if (page >= Number(res.headers.get('x-wp-totalpages') ?? '1')) break;
    }
    const bareMs = performance.now() - start;
    log(`${total} posts, ${files} image files`);
    report({
      name: `pull ${total} posts with images`,
      value: redacMs / 1000,
      baseline: bareMs / 1000,
      baselineName: 'bare fetch client, same listing and files one at a time',
      unit: 's',
    });
  },
};

export default bench;
