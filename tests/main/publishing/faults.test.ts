import { afterEach, describe, expect, it } from 'vitest';
import { contentFor, markerOf, type WpPost } from '../../../src/main/publishing/mapping';
import { startFaultProxy, type Fault, type FaultProxy } from '../../support/faultProxy';
import { useTempDirs } from '../../support/tempDir';
import { wordpressSite, wpAdmin } from '../../support/wordpress';
import { paragraph, publishingFixture } from './support';

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
  'dropAfterApply',
  'error500',
  'reset',
];

async function postsWithMarker(articleId: string): Promise<WpPost[]> {
  return wpAdmin<WpPost[]>(
    'GET',
    `wp/v2/posts?search=${markerOf(articleId)}&status=draft,pending,future,publish,private&context=edit`,
  );
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
      outbox: { baseDelayMs: 20, maxDelayMs: 200, lateCreateMs: 300 },
    });
    const section = f.terms.ensure('sections', 'International');
    const token = Math.random().toString(36).slice(2, 8);
    const articles = Array.from({ length: 5 }, (_, i) =>
      f.write(f.articles.create(i % 2 ? 'ar' : 'fr').id, {
        headline: i % 2 ? `خبر عاجل ${i} ${token}` : `Dépêche n°${i}\u00a0: « panne » ${token}`,
        body: paragraph(`Texte ${i} — ${'é'.repeat(i + 1)}.`),
        sectionId: section.id,
      }),
    );
    for (const a of articles) f.outbox.enqueue(a.id, f.site.id, 'draft');
    await f.outbox.settle(120_000);
    // Then an update of each, through the same faults.
    writes = 0;
    const updated = articles.map((a, i) => f.write(a.id, { body: paragraph(`Texte révisé ${i}.`) }));
    for (const a of updated) f.outbox.enqueue(a.id, f.site.id, 'update');
    await f.outbox.settle(120_000);

    expect(proxy.log.some((r) => r.fault === 'dropAfterApply')).toBe(true);
    expect(proxy.log.some((r) => r.fault === 'slow')).toBe(true);
    for (const a of updated) {
      const posts = await postsWithMarker(a.id);
      expect(posts, a.headline).toHaveLength(1);
      expect(posts[0]!.title.raw).toBe(a.headline);
      expect(posts[0]!.content.raw).toBe(contentFor(a));
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
