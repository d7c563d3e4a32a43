import { beforeAll, describe, expect, it } from 'vitest';
import { instantOfWallTime } from '../../../src/shared/time/zonedTime';
import type { WpPost } from '../../../src/main/publishing/mapping';
import { useTempDirs } from '../../support/tempDir';
import { wpAdmin } from '../../support/wordpress';
import { paragraph, publishingFixture } from './support';

const tempDir = useTempDirs();
const unique = (): string => Math.random().toString(36).slice(2, 8);
const paris = { name: 'Europe/Paris', gmtOffset: 1 };

type DatedPost = WpPost & { date: string };
const remote = (id: number) => wpAdmin<DatedPost>('GET', `wp/v2/posts/${id}?context=edit`);

beforeAll(async () => {
  // The harness installs the site in Paris; an older install may still be on UTC.
  await wpAdmin('POST', 'wp/v2/settings', { timezone: 'Europe/Paris' });
});

describe('scheduling in the site’s time zone', () => {
  it('reads the site’s zone at Test connection and shows it with the site', async () => {
    const f = publishingFixture(tempDir());
    expect(f.sites.get(f.site.id).timeZone).toBeNull();
    await f.sites.test(f.site.id);
    expect(f.sites.get(f.site.id).timeZone).toMatchObject({ name: 'Europe/Paris' });
    expect([1, 2]).toContain(f.sites.get(f.site.id).timeZone!.gmtOffset);
  });

  it('sends date in the site’s wall clock with date_gmt, on both sides of a daylight-saving change', async () => {
    const f = publishingFixture(tempDir());
    const section = f.terms.ensure('sections', 'Politique');
    const cases = [
      // Winter (UTC+1), the first summer hour (UTC+2), and the hour the clocks skip.
      { wall: '2031-01-15T18:00', date: '2031-01-15T18:00:00', gmt: '2031-01-15T17:00:00' },
      { wall: '2031-03-30T03:30', date: '2031-03-30T03:30:00', gmt: '2031-03-30T01:30:00' },
      { wall: '2031-03-30T02:30', date: '2031-03-30T03:30:00', gmt: '2031-03-30T01:30:00' },
    ];
    for (const c of cases) {
      const article = f.write(f.articles.create('fr').id, {
        headline: `Programmé ${c.wall} ${unique()}`,
        body: paragraph('Texte.'),
        sectionId: section.id,
      });
      f.outbox.enqueue(article.id, f.site.id, 'schedule', instantOfWallTime(paris, c.wall));
      await f.outbox.settle();
      const [pub] = f.sync.publications(article.id);
      expect(pub).toMatchObject({ state: 'scheduled', message: null });
      const post = await remote(pub!.remoteId!);
      expect([post.status, post.date, post.date_gmt]).toEqual(['future', c.date, c.gmt]);
    }
  });

  it('reads the zone again when the site’s answer shows it changed since it was cached', async () => {
    const f = publishingFixture(tempDir());
    // What an earlier Test connection would have cached before the site moved from UTC to Paris.
    f.db
      .prepare(
        `INSERT INTO site_zones (site_id, timezone_string, gmt_offset, fetched_at) VALUES (?, 'UTC', 0, 1)`,
      )
      .run(f.site.id);
    const when = Date.parse('2031-07-01T08:00:00Z');
    const article = f.write(f.articles.create('ar').id, {
      headline: `موعد ${unique()}`,
      body: paragraph('نص.'),
    });
    f.outbox.enqueue(article.id, f.site.id, 'schedule', when);
    await f.outbox.settle();
    const [pub] = f.sync.publications(article.id);
    expect(pub).toMatchObject({ state: 'scheduled', message: null });
    const post = await remote(pub!.remoteId!);
    expect([post.date, post.date_gmt]).toEqual(['2031-07-01T10:00:00', '2031-07-01T08:00:00']);
    expect(f.sites.get(f.site.id).timeZone).toMatchObject({ name: 'Europe/Paris' });
  });
});
