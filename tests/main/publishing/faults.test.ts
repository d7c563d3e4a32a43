import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { mediaMarker } from '../../../src/main/publishing/mediaUploader';
import { contentFor, markerOf, type WpPost } from '../../../src/main/publishing/mapping';
import { startFaultProxy, type Fault, type FaultProxy } from '../../support/faultProxy';
import { useTempDirs } from '../../support/tempDir';
import { wordpressSite, wpAdmin } from '../../support/wordpress';
import { paragraph, postsWithMarker, publishingFixture, tinyPng } from './support';

const tempDir = useTempDirs();
let proxy: FaultProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

const WRITE_FAULTS: Fault[] = [
  'error500',
  'reset',
  'slow',
  'dropAfterApply',
  'delayThenApply',
  'dropAfterApply',
  'error500',
  'delayThenApply',
  'reset',
];

/** An image no other test (or earlier run) has put on the site. */
const freshPng = (): Uint8Array => Uint8Array.from([...tinyPng(3), ...Buffer.from(randomUUID())]);

async function mediaOnSite(mediaId: string): Promise<{ id: number; source_url: string }[]> {
  const found = await wpAdmin<{ id: number; source_url: string; slug: string }[]>(
    'GET',
    `wp/v2/media?search=${mediaMarker(mediaId)}&per_page=20`,
  );
  return found.filter((m) => m.slug.startsWith(mediaMarker(mediaId).toLowerCase()));
}

describe('pushing through a network and a site that fail in every way', () => {
  it('ends with every article on the site exactly once and equal to the local copy', async () => {
    let writes = 0;
    let reads = 0;
    proxy = await startFaultProxy(
      wordpressSite().url,
      ({ method }) => {
        // Writes meet each fault in turn (then pass); one read in four fails too.
        if (method === 'POST') return WRITE_FAULTS[writes++] ?? 'pass';
        return reads++ % 4 === 1 ? 'error500' : 'pass';
      },
      1500,
    );
    const f = publishingFixture(tempDir(), 'editor', {
      url: proxy.url,
      timeoutMs: 800,
      // Past the proxy's hold (1.5 s): a request held in transit has landed when the late sweep looks.
      outbox: { baseDelayMs: 20, maxDelayMs: 200, lateRequestMs: 2500 },
    });
    const section = f.terms.ensure('sections', 'International');
    const token = Math.random().toString(36).slice(2, 8);
    const articles = Array.from({ length: 5 }, (_, i) =>
      f.write(f.articles.create(i % 2 ? 'ar' : 'fr').id, {
        headline: i % 2 ? `خبر عاجل ${i} ${token}` : `Dépêche n°${i}\u00a0: « panne » ${token}`,
        body: {
          type: 'doc',
          content: [
            ...paragraph(`Texte ${i} — ${'é'.repeat(i + 1)}.`).content,
            {
              type: 'image',
              attrs: {
                mediaId: f.media.put(freshPng(), 'image/png').mediaId,
                caption: i % 2 ? 'صورة' : 'Légende',
                credit: 'AFP',
                alt: `Image ${i}`,
              },
            },
          ],
        },
        sectionId: section.id,
      }),
    );
    for (const a of articles) f.outbox.enqueue(a.id, f.site.id, 'draft');
    await f.outbox.settle(120_000);
    // Then an update of each, through the same faults.
    writes = 0;
    const updated = articles.map((a, i) =>
      f.write(a.id, {
        body: { ...a.body, content: [...paragraph(`Texte révisé ${i}.`).content, a.body.content![1]!] },
      }),
    );
    for (const a of updated) f.outbox.enqueue(a.id, f.site.id, 'update');
    await f.outbox.settle(120_000);

    expect(proxy.log.some((r) => r.fault === 'dropAfterApply')).toBe(true);
    expect(proxy.log.some((r) => r.fault === 'slow')).toBe(true);
    expect(proxy.log.some((r) => r.fault === 'delayThenApply')).toBe(true);
    for (const a of updated) {
      const posts = await postsWithMarker(a.id);
      expect(posts, a.headline).toHaveLength(1);
      expect(posts[0]!.title.raw).toBe(a.headline);
      // Images included: each once in the site's library, and the post points at that copy.
      const mediaId = (a.body.content![1]!.attrs as { mediaId: string }).mediaId;
      const media = await mediaOnSite(mediaId);
      expect(media, `image of ${a.headline}`).toHaveLength(1);
      expect(posts[0]!.content.raw).toBe(contentFor(a, () => media[0]!.source_url));
      expect(f.sync.publications(a.id)[0]).toMatchObject({ state: 'draft', remoteId: posts[0]!.id });
    }
    expect(f.outbox.overview().items).toEqual([]);
  }, 180_000);

  it('keeps the operation, with the site’s state, while the site is down, and sends it once it is back', async () => {
    let down = true;
    proxy = await startFaultProxy(wordpressSite().url, () => (down ? 'error500' : 'pass'));
    const f = publishingFixture(tempDir(), 'editor', {
      url: proxy.url,
      outbox: { baseDelayMs: 20, maxDelayMs: 100 },
    });
    const a = f.write(f.articles.create('fr').id, {
      headline: `Panne ${Math.random()}`,
      body: paragraph('x'),
    });
    f.outbox.enqueue(a.id, f.site.id, 'publish');
    await f.outbox.settle(500);
    const [waiting] = f.outbox.ofArticle(a.id);
    expect(waiting).toMatchObject({ status: 'pending' });
    expect(waiting!.attempts).toBeGreaterThan(1);
    expect(waiting!.lastError).toMatch(/500/);
    expect(f.sync.publications(a.id)[0]!.state).toBe('not_on_site');
    down = false;
    await f.outbox.settle(5_000);
    expect(f.sync.publications(a.id)[0]!.state).toBe('live');
    expect(await postsWithMarker(a.id)).toHaveLength(1);
  });
});

describe('the outbox across a restart', () => {
  it('sends, after reopening the store, an operation that was queued or cut off mid-flight', async () => {
    const dir = tempDir();
    const f = publishingFixture(dir);
    const a = f.write(f.articles.create('fr').id, {
      headline: `Redémarrage ${Math.random()}`,
      body: paragraph('x'),
    });
    f.outbox.enqueue(a.id, f.site.id, 'draft');
    // The app died while the row was being sent.
    f.db.prepare("UPDATE outbox SET status = 'running', attempts = 1").run();
    f.db.close();

    const { openDatabase } = await import('../../../src/main/db/open');
    const { createOutbox } = await import('../../../src/main/publishing/outbox');
    const db = openDatabase(`${dir}/store.sqlite3`);
    const again = publishingFixture(dir, 'editor', { reuse: db });
    const outbox = createOutbox(db, again.bus, again, { baseDelayMs: 20 });
    await outbox.settle();
    expect(outbox.ofArticle(a.id)[0]).toMatchObject({ status: 'done', attempts: 2 });
    expect(await postsWithMarker(a.id)).toHaveLength(1);
  });
});

describe('a create delayed in transit', () => {
  const isCreate = (method: string, path: string): boolean =>
    method === 'POST' && /\/wp-json\/wp\/v2\/posts(\?|$)/.test(path);
  const trashedWithMarker = (articleId: string): Promise<WpPost[]> =>
    wpAdmin<WpPost[]>('GET', `wp/v2/posts?search=${markerOf(articleId)}&status=trash&context=edit`);

  it('that lands before the retry is found by its marker and not made again', async () => {
    let delayed = false;
    proxy = await startFaultProxy(
      wordpressSite().url,
      ({ method, path }) => {
        if (isCreate(method, path) && !delayed) {
          delayed = true;
          return 'delayThenApply';
        }
        return 'pass';
      },
      1200,
    );
    const f = publishingFixture(tempDir(), 'editor', {
      url: proxy.url,
      timeoutMs: 800,
      // The retry comes after the held request reached the site.
      outbox: { baseDelayMs: 1500, maxDelayMs: 1500, lateRequestMs: 300 },
    });
    const a = f.write(f.articles.create('fr').id, {
      headline: `Retenue ${Math.random()}`,
      body: paragraph('Texte « retenu ».'),
    });
    f.outbox.enqueue(a.id, f.site.id, 'publish');
    await f.outbox.settle(20_000);
    expect(proxy.log.filter((r) => isCreate(r.method, r.path)).map((r) => r.fault)).toEqual([
      'delayThenApply',
    ]);
    const posts = await postsWithMarker(a.id);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.content.raw).toBe(contentFor(a));
    expect(f.sync.publications(a.id)[0]).toMatchObject({ state: 'live', remoteId: posts[0]!.id });
  });

  it('that lands after the retry made the post leaves one post: the late twin goes to the trash, logged', async () => {
    let delayed = false;
    proxy = await startFaultProxy(
      wordpressSite().url,
      ({ method, path }) => {
        if (isCreate(method, path) && !delayed) {
          delayed = true;
          return 'delayThenApply';
        }
        return 'pass';
      },
      2500,
    );
    const f = publishingFixture(tempDir(), 'editor', {
      url: proxy.url,
      timeoutMs: 800,
      // The retry creates while the first request is still held; the late sweep runs after it landed.
      outbox: { baseDelayMs: 20, maxDelayMs: 100, lateRequestMs: 4000 },
    });
    const a = f.write(f.articles.create('ar').id, {
      headline: `خبر متأخر ${Math.random()}`,
      body: paragraph('نص الخبر.'),
    });
    f.outbox.enqueue(a.id, f.site.id, 'publish');
    await f.outbox.settle(20_000);

    const creates = proxy.log.filter((r) => isCreate(r.method, r.path)).map((r) => r.fault);
    expect(creates).toEqual(['delayThenApply', 'pass']);
    const posts = await postsWithMarker(a.id);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.title.raw).toBe(a.headline);
    expect(posts[0]!.content.raw).toBe(contentFor(a));
    expect(f.sync.publications(a.id)[0]).toMatchObject({ state: 'live', remoteId: posts[0]!.id });
    // The twin is in the site's trash (recoverable), and the operation's log says what happened.
    const trashed = await trashedWithMarker(a.id);
    expect(trashed).toHaveLength(1);
    expect(trashed[0]!.id).not.toBe(posts[0]!.id);
    const push = f.outbox.ofArticle(a.id).find((o) => o.operation === 'push');
    expect(push).toMatchObject({ status: 'done' });
    expect(push!.lastError).toMatch(
      new RegExp(`delayed in transit.*post ${trashed[0]!.id} moved to the trash`),
    );
    expect(f.outbox.overview().items).toEqual([]);
  });

  it('that lands long after the late sweep looked (a request held for a day) is trashed by the next pull, never imported as a second article', async () => {
    const f = publishingFixture(tempDir());
    const token = `jourapres${Math.random().toString(36).slice(2, 8)}`;
    const a = f.write(f.articles.create('fr').id, {
      headline: `${token} Le conseil vote`,
      body: paragraph('Le budget est adopté.'),
    });
    f.outbox.enqueue(a.id, f.site.id, 'draft');
    await f.outbox.settle();
    const kept = f.sync.publications(a.id)[0]!.remoteId!;
    // The first attempt's create lands now, with the same content and marker (the sweep window is long past).
    const twin = await wpAdmin<WpPost>('POST', 'wp/v2/posts', {
      title: a.headline,
      content: contentFor(a),
      status: 'draft',
    });
    await new Promise((r) => setTimeout(r, 1100));

    const pulled = await f.puller.pull(f.site.id, { statuses: ['draft'], search: token });
    expect(pulled).toMatchObject({ created: 0, done: true });
    expect(pulled.problems).toHaveLength(1);
    expect(pulled.problems[0]).toContain(`post ${twin.id} moved to the trash, post ${kept} kept`);
    expect(f.articles.list(1000).filter((x) => x.headline === a.headline)).toHaveLength(1);
    expect((await postsWithMarker(a.id)).map((p) => p.id)).toEqual([kept]);
    expect((await trashedWithMarker(a.id)).map((p) => p.id)).toEqual([twin.id]);
  });
});
