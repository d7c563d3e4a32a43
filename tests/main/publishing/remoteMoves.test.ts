import { describe, expect, it } from 'vitest';
import type { WpPost } from '../../../src/main/publishing/mapping';
import { useTempDirs } from '../../support/tempDir';
import { wordpressPhp, wpAdmin } from '../../support/wordpress';
import { paragraph, publishingFixture } from './support';

const tempDir = useTempDirs();
const unique = (): string => Math.random().toString(36).slice(2, 8);
const remote = (id: number) => wpAdmin<WpPost>('GET', `wp/v2/posts/${id}?context=edit`);
type Fixture = ReturnType<typeof publishingFixture>;

/** An article written here and sent to the site; returns it as the store holds it after the push. */
async function sent(
  f: Fixture,
  fields: { headline: string; slug?: string; language?: 'fr' | 'ar' },
  action: 'draft' | 'publish' = 'publish',
) {
  const language = fields.language ?? 'fr';
  const article = f.write(f.articles.create(language).id, {
    headline: fields.headline,
    standfirst: language === 'ar' ? 'مقدمة أولى.' : 'Chapeau d’origine.',
    body: paragraph(language === 'ar' ? 'صوّت المجلس على الميزانية.' : 'Le conseil a voté le budget.'),
    slug: fields.slug ?? '',
  });
  f.outbox.enqueue(article.id, f.site.id, action);
  await f.outbox.settle();
  const [pub] = f.sync.publications(article.id);
  expect(pub!.message).toBeNull();
  return { article: f.articles.get(article.id), remoteId: pub!.remoteId! };
}

async function update(f: Fixture, articleId: string) {
  f.outbox.enqueue(articleId, f.site.id, 'update');
  await f.outbox.settle();
  return f.sync.publications(articleId)[0]!;
}

describe('slugs WordPress rewrites', () => {
  it('learns the slug the site gave it (-2 beside another post of the same address) and never fights it', async () => {
    const f = publishingFixture(tempDir());
    const token = unique();
    // Another post already has the address this article asks for.
    await wpAdmin('POST', 'wp/v2/posts', { title: 'Autre', status: 'publish', slug: `ete-a-lyon-${token}` });
    const { article, remoteId } = await sent(f, {
      headline: `Été à Lyon ${token}`,
      slug: `été-à-lyon-${token}`,
    });

    const post = await remote(remoteId);
    expect(post.slug).toBe(`ete-a-lyon-${token}-2`);
    // The desk sees the address readers get, and the article is not "changed since pushed" for it.
    expect(article.slug).toBe(`ete-a-lyon-${token}-2`);
    expect(f.sync.publications(article.id)[0]!.state).toBe('live');

    // WordPress's rewriting is no edit on the site: an edit here goes out, no conflict, same address.
    f.write(article.id, { standfirst: 'Chapeau revu ici.' });
    const pub = await update(f, article.id);
    expect([pub.state, pub.message]).toEqual(['live', null]);
    const after = await remote(remoteId);
    expect([after.slug, after.excerpt.raw]).toEqual([`ete-a-lyon-${token}-2`, 'Chapeau revu ici.']);
  });

  it('keeps an Arabic slug as typed here while the site answers it percent-encoded', async () => {
    const f = publishingFixture(tempDir());
    const token = unique();
    const slug = `مجلس-المدينة-${token}`;
    const { article, remoteId } = await sent(f, { headline: `مجلس المدينة ${token}`, slug, language: 'ar' });
    const post = await remote(remoteId);
    expect(post.slug).toBe(encodeURIComponent(slug).toLowerCase());
    expect(article.slug).toBe(slug);

    f.write(article.id, { standfirst: 'مقدمة جديدة.' });
    const pub = await update(f, article.id);
    expect(pub.state).toBe('live');
    expect(f.articles.get(article.id).slug).toBe(slug);
    expect((await remote(remoteId)).slug).toBe(post.slug);
  });
  it('learns an Arabic slug the site cut at 200 bytes, and sends it no more', async () => {
    const f = publishingFixture(tempDir());
    const token = unique();
    // 60 Arabic letters: 120 bytes of UTF-8, 360 once percent-encoded; WordPress keeps 200 of those.
    // The token first: the cut drops the end, and a cut equal to another run's would get WordPress's -2.
    const long = `${token}-${'مجلس'.repeat(15)}`;
    const { article, remoteId } = await sent(f, { headline: `مجلس ${token}`, slug: long, language: 'ar' });
    const post = await remote(remoteId);
    expect(post.slug.length).toBeLessThanOrEqual(200);
    const cut = decodeURIComponent(post.slug);
    expect(long.startsWith(cut)).toBe(true);
    expect(cut.length).toBeLessThan(long.length);
    expect(article.slug).toBe(cut);

    f.write(article.id, { standfirst: 'مقدمة جديدة.' });
    const pub = await update(f, article.id);
    expect([pub.state, pub.message]).toEqual(['live', null]);
    expect((await remote(remoteId)).slug).toBe(post.slug);
  });
});

describe('a slug changed on the site', () => {
  it('is a remote change: with nothing changed here, the update takes it instead of overwriting it (Arabic)', async () => {
    const f = publishingFixture(tempDir());
    const token = unique();
    const { article, remoteId } = await sent(f, {
      headline: `الميزانية ${token}`,
      slug: `الميزانية-${token}`,
      language: 'ar',
    });
    const renamed = `ميزانية-البلدية-${token}`;
    await wpAdmin('POST', `wp/v2/posts/${remoteId}`, { slug: renamed });

    const pub = await update(f, article.id);
    expect([pub.state, pub.message]).toEqual(['live', null]);
    const local = f.articles.get(article.id);
    expect(local.slug).toBe(renamed);
    expect(local.revision).toBe(article.revision + 1);
    expect(decodeURIComponent((await remote(remoteId)).slug)).toBe(renamed);
  });

  it('with an edit here too, stops in conflict with a Slug row; taking this side sends it back', async () => {
    const f = publishingFixture(tempDir());
    const token = unique();
    const { article, remoteId } = await sent(f, { headline: `Tramway ${token}`, slug: `tramway-${token}` });
    await wpAdmin('POST', `wp/v2/posts/${remoteId}`, { slug: `tramway-nord-${token}` });
    const local = f.write(article.id, { standfirst: 'Chapeau réécrit ici.' });

    const pub = await update(f, local.id);
    expect(pub.state).toBe('conflict');
    expect(pub.message).toContain(`its slug (now “tramway-nord-${token}”)`);
    const untouched = await remote(remoteId);
    expect([untouched.slug, untouched.excerpt.raw]).toEqual([`tramway-nord-${token}`, 'Chapeau d’origine.']);

    const view = await f.conflicts.show(local.id, f.site.id);
    expect(view.fields.filter((x) => !x.same).map((x) => [x.field, x.local, x.remote])).toEqual([
      ['standfirst', 'Chapeau réécrit ici.', 'Chapeau d’origine.'],
      ['slug', `tramway-${token}`, `tramway-nord-${token}`],
    ]);
    await f.conflicts.resolve(local.id, f.site.id, {
      headline: 'local',
      standfirst: 'local',
      body: 'local',
      slug: 'local',
    });
    await f.outbox.settle();
    const after = await remote(remoteId);
    expect([after.slug, after.excerpt.raw]).toEqual([`tramway-${token}`, 'Chapeau réécrit ici.']);
    expect(f.articles.get(local.id).slug).toBe(`tramway-${token}`);
    expect(f.sync.publications(local.id)[0]!.state).toBe('live');
  });

  it('with an edit here too, taking the site’s Arabic slug keeps it here and there, decoded here', async () => {
    const f = publishingFixture(tempDir());
    const token = unique();
    const { article, remoteId } = await sent(f, {
      headline: `الطقس ${token}`,
      slug: `الطقس-${token}`,
      language: 'ar',
    });
    const theirs = `حالة-الطقس-${token}`;
    await wpAdmin('POST', `wp/v2/posts/${remoteId}`, { slug: theirs });
    const local = f.write(article.id, { body: paragraph('نص كتب هنا.') });
    expect((await update(f, local.id)).state).toBe('conflict');

    const view = await f.conflicts.show(local.id, f.site.id);
    expect(view.fields.find((x) => x.field === 'slug')).toEqual({
      field: 'slug',
      local: `الطقس-${token}`,
      remote: theirs,
      same: false,
    });
    await f.conflicts.resolve(local.id, f.site.id, {
      headline: 'local',
      standfirst: 'local',
      body: 'local',
      slug: 'remote',
    });
    await f.outbox.settle();
    expect(f.articles.get(local.id).slug).toBe(theirs);
    const after = await remote(remoteId);
    expect(decodeURIComponent(after.slug)).toBe(theirs);
    expect(after.content.raw).toContain('نص كتب هنا.');
    expect(f.sync.publications(local.id)[0]!.state).toBe('live');
  });

  it('is brought by a pull when nothing changed here, and is a conflict for the pull when something did', async () => {
    const f = publishingFixture(tempDir());
    const token = unique();
    const calm = await sent(f, { headline: `Marché ${token} calme`, slug: `marche-calme-${token}` });
    const busy = await sent(f, { headline: `Marché ${token} agité`, slug: `marche-agite-${token}` });
    await wpAdmin('POST', `wp/v2/posts/${calm.remoteId}`, { slug: `marche-du-jeudi-${token}` });
    await wpAdmin('POST', `wp/v2/posts/${busy.remoteId}`, { slug: `marche-du-samedi-${token}` });
    f.write(busy.article.id, { standfirst: 'Revu ici.' });

    const result = await f.puller.pull(f.site.id, { statuses: ['publish'], search: token });
    expect(result).toMatchObject({ created: 0, updated: 1, conflicts: 1 });
    expect(f.articles.get(calm.article.id).slug).toBe(`marche-du-jeudi-${token}`);
    expect(f.articles.get(busy.article.id)).toMatchObject({
      slug: `marche-agite-${token}`,
      standfirst: 'Revu ici.',
    });
    expect(f.sync.publications(busy.article.id)[0]!.state).toBe('conflict');
  });
});

describe('a draft’s empty slug', () => {
  it('given by WordPress when the draft is published on the site is no conflict with an edit here', async () => {
    const f = publishingFixture(tempDir());
    const token = unique();
    const { article, remoteId } = await sent(f, { headline: `Conseil ${token}` }, 'draft');
    expect((await remote(remoteId)).slug).toBe('');
    await wpAdmin('POST', `wp/v2/posts/${remoteId}`, { status: 'publish' });
    expect((await remote(remoteId)).slug).toBe(`conseil-${token}`);
    f.write(article.id, { standfirst: 'Chapeau du soir.' });

    const pub = await update(f, article.id);
    expect([pub.state, pub.message]).toEqual(['live', null]);
    const after = await remote(remoteId);
    expect([after.status, after.slug, after.excerpt.raw]).toEqual([
      'publish',
      `conseil-${token}`,
      'Chapeau du soir.',
    ]);
    // No slug here: the site's stands, nothing is sent for it.
    expect(f.articles.get(article.id).slug).toBe('');
  });
  it('changed on the site while the article has none of its own is no conflict: the site keeps it', async () => {
    const f = publishingFixture(tempDir());
    const token = unique();
    const { article, remoteId } = await sent(f, { headline: `Piscine ${token}` });
    expect(article.slug).toBe('');
    expect((await remote(remoteId)).slug).toBe(`piscine-${token}`);
    await wpAdmin('POST', `wp/v2/posts/${remoteId}`, { slug: `piscine-municipale-${token}` });
    f.write(article.id, { standfirst: 'Horaires d’été.' });

    const pub = await update(f, article.id);
    expect([pub.state, pub.message]).toEqual(['live', null]);
    const after = await remote(remoteId);
    expect([after.slug, after.excerpt.raw]).toEqual([`piscine-municipale-${token}`, 'Horaires d’été.']);
  });
});

describe('a status changed on the site', () => {
  it('unpublished there: an edit here is no conflict, the update keeps it a draft, and the panel says so', async () => {
    const f = publishingFixture(tempDir());
    const { article, remoteId } = await sent(f, { headline: `Retiré ${unique()}` });
    await wpAdmin('POST', `wp/v2/posts/${remoteId}`, { status: 'draft' });
    expect((await f.sync.refresh(article.id))[0]!.state).toBe('draft');
    f.write(article.id, { standfirst: 'Corrigé ici.' });

    const pub = await update(f, article.id);
    expect([pub.state, pub.message]).toEqual(['draft', null]);
    const after = await remote(remoteId);
    expect([after.status, after.excerpt.raw]).toEqual(['draft', 'Corrigé ici.']);
  });

  it('published by WordPress’s cron: the panel shows it live once it asks, and an update keeps it live', async () => {
    const f = publishingFixture(tempDir());
    const token = unique();
    const article = f.write(f.articles.create('fr').id, {
      headline: `Programmé ${token}`,
      body: paragraph('Texte.'),
    });
    f.outbox.enqueue(article.id, f.site.id, 'schedule', Date.now() + 7 * 24 * 3600_000);
    await f.outbox.settle();
    const [scheduled] = f.sync.publications(article.id);
    expect(scheduled!.state).toBe('scheduled');
    // The go-live time comes (moved to now in the database, as a week passing would) and the cron publishes the
    // post as WordPress does: its modified date does not move, so no pull would see it.
    const before = await remote(scheduled!.remoteId!);
    const id = scheduled!.remoteId!;
    wordpressPhp(`global $wpdb;
$wpdb->update($wpdb->posts, ['post_date' => current_time('mysql'), 'post_date_gmt' => current_time('mysql', true)], ['ID' => ${id}]);
clean_post_cache(${id});
check_and_publish_future_post(${id});`);
    const published = await remote(scheduled!.remoteId!);
    expect([published.status, published.modified_gmt]).toEqual(['publish', before.modified_gmt]);

    expect(f.sync.publications(article.id)[0]!.state).toBe('scheduled');
    const [checked] = await f.sync.refresh(article.id);
    expect([checked!.state, checked!.scheduledAt]).toEqual(['live', null]);

    f.write(article.id, { standfirst: 'Ajouté après la mise en ligne.' });
    const pub = await update(f, article.id);
    expect([pub.state, pub.message]).toEqual(['live', null]);
    const after = await remote(scheduled!.remoteId!);
    expect([after.status, after.excerpt.raw]).toEqual(['publish', 'Ajouté après la mise en ligne.']);
  }, 60_000);

  it('trashed there: shown trashed, an update leaves it in the trash, Publish brings it back at its address', async () => {
    const f = publishingFixture(tempDir());
    const token = unique();
    const { article, remoteId } = await sent(f, {
      headline: `Corbeille ${token}`,
      slug: `corbeille-${token}`,
    });
    await wpAdmin('DELETE', `wp/v2/posts/${remoteId}`);
    expect((await f.sync.refresh(article.id))[0]!.state).toBe('trashed');
    f.write(article.id, { standfirst: 'Revu avant de la remettre.' });

    let pub = await update(f, article.id);
    expect([pub.state, pub.message]).toEqual(['trashed', null]);
    expect((await remote(remoteId)).status).toBe('trash');

    f.outbox.enqueue(article.id, f.site.id, 'publish');
    await f.outbox.settle();
    pub = f.sync.publications(article.id)[0]!;
    expect([pub.state, pub.message]).toEqual(['live', null]);
    const after = await remote(remoteId);
    expect([after.status, after.slug, after.excerpt.raw]).toEqual([
      'publish',
      `corbeille-${token}`,
      'Revu avant de la remettre.',
    ]);
    expect(f.articles.get(article.id).slug).toBe(`corbeille-${token}`);
  });

  it('deleted for good there: the panel says it is not on the site, and Publish makes exactly one new post', async () => {
    const f = publishingFixture(tempDir());
    const token = unique();
    const { article, remoteId } = await sent(f, { headline: `Supprimé ${token}` });
    await wpAdmin('DELETE', `wp/v2/posts/${remoteId}?force=true`);
    expect((await f.sync.refresh(article.id))[0]!.state).toBe('not_on_site');

    f.outbox.enqueue(article.id, f.site.id, 'publish');
    await f.outbox.settle();
    const [pub] = f.sync.publications(article.id);
    expect([pub!.state, pub!.message]).toEqual(['live', null]);
    expect(pub!.remoteId).not.toBe(remoteId);
    const found = await wpAdmin<WpPost[]>('GET', `wp/v2/posts?search=${token}&status=publish&context=edit`);
    expect(found.map((p) => p.id)).toEqual([pub!.remoteId]);
  });

  it('is seen by a pull without a conflict with an edit here, and without touching the article', async () => {
    const f = publishingFixture(tempDir());
    const token = unique();
    const { article, remoteId } = await sent(f, { headline: `Statut ${token}` });
    await wpAdmin('POST', `wp/v2/posts/${remoteId}`, { status: 'pending' });
    const local = f.write(article.id, { standfirst: 'Écrit ici.' });

    const result = await f.puller.pull(f.site.id, { statuses: ['pending'], search: token });
    expect(result).toMatchObject({ created: 0, updated: 0, conflicts: 0, unchanged: 1 });
    expect(f.articles.get(article.id)).toMatchObject({ revision: local.revision, standfirst: 'Écrit ici.' });
    expect(f.sync.publications(article.id)[0]!.remoteStatus).toBe('pending');
  });
});
