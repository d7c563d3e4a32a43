import { describe, expect, it } from 'vitest';
import { markerOf, type WpPost } from '../../../src/main/publishing/mapping';
import { createWpClient, WpError } from '../../../src/main/publishing/wordpressClient';
import { useConnectionRelay } from '../../support/connectionRelay';
import { closedPort } from '../../support/closedPort';
import { useTempDirs } from '../../support/tempDir';
import { wordpressSite, wpAdmin } from '../../support/wordpress';
import { paragraph, publishingFixture } from './support';

const tempDir = useTempDirs();
const relayed = useConnectionRelay();

describe('answers a flaky network or a proxy gives instead of the site’s', () => {
  it('says the site is temporarily unavailable, with the wait it asks for, when a proxy answers 503', async () => {
    const r = await relayed(() => 'proxy503');
    const f = publishingFixture(tempDir(), 'editor', { url: r.url });
    const error = await f.sites.test(f.site.id).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'unavailable',
      message: 'The site is temporarily unavailable (503; it asks to wait 30 s).',
    });
  });

  it('waits as long as the unavailable site asks before sending again, then publishes once', async () => {
    let down = true;
    const r = await relayed(() => (down ? 'proxy503' : 'pass'));
    let clock = Date.now();
    const f = publishingFixture(tempDir(), 'editor', {
      url: r.url,
      outbox: { now: () => clock, baseDelayMs: 20, maxDelayMs: 10 * 60_000 },
    });
    const a = f.write(f.articles.create('fr').id, {
      headline: `Maintenance ${Math.random()}`,
      body: paragraph('Texte.'),
    });
    f.outbox.enqueue(a.id, f.site.id, 'publish');
    await f.outbox.drain();
    const [waiting] = f.outbox.ofArticle(a.id);
    expect(waiting).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'The site is temporarily unavailable (503; it asks to wait 30 s).',
    });
    // Not after the outbox's own 20 ms: after the 30 s the site asked for.
    expect(waiting!.nextTryAt - clock).toBeGreaterThanOrEqual(29_000);
    expect(waiting!.nextTryAt - clock).toBeLessThanOrEqual(31_000);
    clock += 10_000;
    expect(await f.outbox.drain()).toBe(0);
    down = false;
    clock += 21_000;
    expect(await f.outbox.drain()).toBe(1);
    expect(f.sync.publications(a.id)[0]!.state).toBe('live');
    const onSite = await wpAdmin<WpPost[]>(
      'GET',
      `wp/v2/posts?search=${markerOf(a.id)}&status=publish&context=edit`,
    );
    expect(onSite).toHaveLength(1);
  });

  it('says the connection was cut while the site was answering, and does not repeat the request', async () => {
    const r = await relayed(() => 'cutAnswer');
    const site = wordpressSite();
    const client = createWpClient({
      url: r.url,
      username: 'editor',
      password: site.users.editor.applicationPassword,
    });
    const error = await client.get('wp/v2/users/me', { context: 'edit' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WpError);
    expect(error).toMatchObject({ code: 'network', transient: true, status: 200 });
    expect((error as WpError).message).toMatch(/^The connection to the site was cut while it was answering/);
    expect(r.log).toHaveLength(1);
  });

  it('on a Wi-Fi that wants a login first, says so and keeps the operation for later, then publishes once', async () => {
    // The portal sends requests to its login page, or answers with that page in place of the site.
    let portal: 'portalRedirect' | 'portalPage' | 'pass' = 'portalRedirect';
    const r = await relayed(() => portal);
    const f = publishingFixture(tempDir(), 'editor', { url: r.url });
    expect(await f.sites.test(f.site.id).catch((e: unknown) => e)).toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(
        /^The request was sent on to http:\/\/127\.0\.0\.1:\d+\/hotspot\/login instead of being answered by the site: on a public Wi-Fi, log in to the network first/,
      ),
    });
    portal = 'portalPage';
    expect(await f.sites.test(f.site.id).catch((e: unknown) => e)).toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(
        /^The address answered with a web page, not the WordPress REST API: on a public Wi-Fi, log in/,
      ),
    });
    const a = f.write(f.articles.create('fr').id, {
      headline: `Wi-Fi ${Math.random()}`,
      body: paragraph('Texte.'),
    });
    f.outbox.enqueue(a.id, f.site.id, 'publish');
    await f.outbox.settle(300);
    const [waiting] = f.outbox.ofArticle(a.id);
    expect(waiting).toMatchObject({ status: 'pending' });
    expect(waiting!.lastError).toMatch(/log in to the network/);
    expect(r.log.every((l) => l.fault !== 'pass')).toBe(true);
    portal = 'pass';
    await f.outbox.settle(5_000);
    expect(f.sync.publications(a.id)[0]!.state).toBe('live');
    const onSite = await wpAdmin<WpPost[]>(
      'GET',
      `wp/v2/posts?search=${markerOf(a.id)}&status=publish&context=edit`,
    );
    expect(onSite).toHaveLength(1);
  });

  it('names the new address of a site that moved, and never follows it with the password', async () => {
    const r = await relayed(() => 'moved');
    const f = publishingFixture(tempDir(), 'editor', { url: r.url });
    expect(await f.sites.test(f.site.id).catch((e: unknown) => e)).toMatchObject({
      message: expect.stringContaining(
        `The site has moved to ${wordpressSite().url}: correct its address in the site's settings.`,
      ),
    });
    expect(r.log).toHaveLength(1);
  });

  it('says in words why a site could not be reached: nothing answering, or a name no server has', async () => {
    const free = await closedPort();
    const f = publishingFixture(tempDir(), 'editor');
    const check = (url: string) =>
      f.sites.check({ url, username: 'editor', password: 'x' }).catch((e: unknown) => e);
    expect(await check(`http://127.0.0.1:${free}`)).toMatchObject({
      code: 'unavailable',
      message:
        'The site could not be reached (ECONNREFUSED): nothing answers at this address (is the site down, or the port wrong?).',
    });
    // .invalid never resolves (RFC 2606): ENOTFOUND, or EAI_AGAIN where no resolver answers.
    expect(await check('http://redac-test.invalid')).toMatchObject({
      message: expect.stringMatching(/^The site could not be reached \((ENOTFOUND|EAI_AGAIN)\): \w/),
    });
  });
});
