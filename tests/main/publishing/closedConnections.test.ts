import { describe, expect, it } from 'vitest';
import { type WpPost } from '../../../src/main/publishing/mapping';
import { createWpClient, WpError } from '../../../src/main/publishing/wordpressClient';
import { useConnectionRelay } from '../../support/connectionRelay';
import { useTempDirs } from '../../support/tempDir';
import { wordpressSite, wpAdmin } from '../../support/wordpress';
import { paragraph, postsWithMarker, publishingFixture } from './support';

const tempDir = useTempDirs();
const relayed = useConnectionRelay();

/** The request line of a create (not an update: wp/v2/posts/ID). */
const CREATE = /^POST \/wp-json\/wp\/v2\/posts[ ?]/;

const editorAuth = (url: string) => ({
  url,
  username: 'editor',
  password: wordpressSite().users.editor.applicationPassword,
});

describe('a connection closed before the site answers', () => {
  it('does not show in "Test connection": the kept-alive connection closed as it is reused is tried again', async () => {
    // Once, the first request that reuses a kept-alive connection is cut off, as a server closing it does.
    let cut = false;
    const r = await relayed(({ request }) => {
      if (cut || request < 2) return 'pass';
      cut = true;
      return 'drop';
    });
    const f = publishingFixture(tempDir(), 'editor', { url: r.url });
    // Each test is two reads (the user, the time zone); the pool decides which reuse a connection.
    for (let i = 0; i < 5 && !cut; i++)
      await expect(f.sites.test(f.site.id)).resolves.toMatchObject({ name: expect.any(String) });
    expect(cut).toBe(true);
    const dropped = r.log.findIndex((l) => l.fault === 'drop');
    // The same request went out again, at once, and passed.
    expect(r.log[dropped + 1]).toMatchObject({ line: r.log[dropped]!.line, fault: 'pass' });
  });

  it('does not show in "Test connection" when the first connection is closed at its first request', async () => {
    const r = await relayed(({ connection }) => (connection === 1 ? 'drop' : 'pass'));
    const f = publishingFixture(tempDir(), 'editor', { url: r.url });
    await expect(f.sites.test(f.site.id)).resolves.toMatchObject({ name: expect.any(String) });
    expect(r.log[0]).toMatchObject({ connection: 1, fault: 'drop' });
    expect(r.log[1]).toMatchObject({ connection: 2, line: r.log[0]!.line, fault: 'pass' });
  });

  it('repeats on a fresh connection: every idle kept-alive connection may have been closed at once', async () => {
    // A server's keep-alive timeout closes connections that went idle together at the same moment.
    let armed = false;
    let cuts = 0;
    const r = await relayed(({ request }) => {
      if (!armed || request < 2 || cuts >= 2) return 'pass';
      cuts++;
      return 'drop';
    });
    const client = createWpClient(editorAuth(r.url));
    // Two reads side by side leave two kept-alive connections idle.
    await Promise.all([client.get('wp/v2/users/me'), client.get('wp/v2/users/me')]);
    expect(r.connections()).toBe(2);
    // A moment later (a second click), both are idle in the pool: the next read reuses one.
    await new Promise((done) => setTimeout(done, 200));
    armed = true;
    await expect(client.get('wp/v2/users/me')).resolves.toMatchObject({ status: 200 });
    // The first reused connection was cut; the repeat did not take the other idle one.
    expect(cuts).toBe(1);
    expect(r.log.at(-1)).toMatchObject({ connection: 3, request: 1, fault: 'pass' });
    // That connection is the repeat's alone, closed once its answer was read: no connection is left behind.
    await expect.poll(() => r.closed.includes(3)).toBe(true);
  });

  it('does not fail a read whose first connection is reset, nor a pull', async () => {
    const token = `Relais ${Math.random().toString(36).slice(2, 8)}`;
    const made = await wpAdmin<WpPost>('POST', 'wp/v2/posts', {
      title: token,
      content: '<p>Texte.</p>',
      status: 'draft',
    });
    // Every other new connection is reset (ECONNRESET) at its first request: the repeated one passes.
    let reset = 0;
    const r = await relayed(({ request }) => (request === 1 && reset++ % 2 === 0 ? 'reset' : 'pass'));
    const f = publishingFixture(tempDir(), 'editor', { url: r.url });
    const result = await f.puller.pull(f.site.id, { statuses: ['draft'], search: token });
    expect(result).toMatchObject({ created: 1 });
    expect(r.log.filter((l) => l.fault === 'reset').length).toBeGreaterThan(0);
    await wpAdmin('DELETE', `wp/v2/posts/${made.id}?force=true`);
  });

  it('brings an image of the site (a pull’s download) when its first connection is closed', async () => {
    const r = await relayed(({ connection }) => (connection === 1 ? 'drop' : 'pass'));
    const client = createWpClient(editorAuth(r.url));
    const file = await client.download('/wp-includes/images/w-logo-blue.png', 1_000_000);
    expect(file.type).toBe('image/png');
    expect(Buffer.from(file.bytes.subarray(1, 4)).toString('latin1')).toBe('PNG');
    expect(r.log.map((l) => [l.connection, l.fault])).toEqual([
      [1, 'drop'],
      [2, 'pass'],
    ]);
  });

  it('tries a read only once more: a second close says the connection was closed, and can be retried', async () => {
    const r = await relayed(() => 'drop');
    const client = createWpClient(editorAuth(r.url));
    const error = await client.get('wp/v2/users/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WpError);
    expect(error).toMatchObject({ code: 'network', transient: true });
    expect((error as WpError).message).toMatch(
      /could not be reached \(UND_ERR_SOCKET\): it closed the connection before answering/,
    );
    expect(r.log).toHaveLength(2);
  });

  it('never sends a create twice: the lost answer is a transient error, and the site holds one post', async () => {
    // The create reaches the site, which makes the post; its answer is cut off before a byte of it arrives.
    const r = await relayed(({ line }) => (line.startsWith('POST ') ? 'dropAfterApply' : 'pass'));
    const client = createWpClient(editorAuth(r.url));
    const marker = `redac-relay-${Math.random().toString(36).slice(2, 10)}`;
    const error = await client
      .post('wp/v2/posts', { title: 'Relais', content: `<p>${marker}</p>`, status: 'draft' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network', transient: true });
    expect(r.log.filter((l) => l.line.startsWith('POST '))).toHaveLength(1);
    const onSite = await wpAdmin<WpPost[]>('GET', `wp/v2/posts?search=${marker}&status=draft&context=edit`);
    expect(onSite).toHaveLength(1);
    await wpAdmin('DELETE', `wp/v2/posts/${onSite[0]!.id}?force=true`);
  });

  it('publishes once through the outbox when the create’s answer is lost: found again by its marker', async () => {
    let posts = 0;
    const r = await relayed(({ line }) => (CREATE.test(line) && posts++ === 0 ? 'dropAfterApply' : 'pass'));
    const f = publishingFixture(tempDir(), 'editor', { url: r.url, outbox: { lateRequestMs: 0 } });
    const a = f.write(f.articles.create('fr').id, {
      headline: `Relais ${Math.random()}`,
      body: paragraph('Texte.'),
    });
    f.outbox.enqueue(a.id, f.site.id, 'publish');
    await f.outbox.settle(10_000);
    const [op] = f.outbox.ofArticle(a.id);
    // The first attempt ended on a transient error; the second found the post by its marker and updated it.
    expect(op).toMatchObject({ status: 'done', attempts: 2, lastError: null });
    expect(f.sync.publications(a.id)[0]!.state).toBe('live');
    const onSite = await postsWithMarker(a.id);
    expect(onSite).toHaveLength(1);
    expect(r.log.filter((l) => CREATE.test(l.line))).toHaveLength(1);
  });

  it('trashes once when the answer to the trash is lost: the repeated DELETE finds it in the trash', async () => {
    let deletes = 0;
    const r = await relayed(({ line }) =>
      line.startsWith('DELETE ') && deletes++ === 0 ? 'dropAfterApply' : 'pass',
    );
    const f = publishingFixture(tempDir(), 'editor', { url: r.url });
    const a = f.write(f.articles.create('fr').id, {
      headline: `Corbeille ${Math.random()}`,
      body: paragraph('Texte.'),
    });
    f.outbox.enqueue(a.id, f.site.id, 'draft');
    await f.outbox.settle(10_000);
    const id = f.sync.publications(a.id)[0]!.remoteId!;
    f.outbox.enqueue(a.id, f.site.id, 'trash');
    await f.outbox.settle(10_000);
    // Done at the first attempt: the client repeated the DELETE, and the site's 410 (already trashed) is done.
    expect(f.outbox.ofArticle(a.id).find((op) => op.action === 'trash')).toMatchObject({
      status: 'done',
      attempts: 1,
      lastError: null,
    });
    expect(r.log.filter((l) => l.line.startsWith('DELETE '))).toHaveLength(2);
    const post = await wpAdmin<WpPost>('GET', `wp/v2/posts/${id}?context=edit`);
    expect(post.status).toBe('trash');
  });
});
