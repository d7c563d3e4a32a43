import { describe, expect, it } from 'vitest';
import type { WpPost } from '../../../src/main/publishing/mapping';
import { useTempDirs } from '../../support/tempDir';
import { wpAdmin } from '../../support/wordpress';
import { paragraph, publishingFixture } from './support';

const tempDir = useTempDirs();
const unique = (): string => Math.random().toString(36).slice(2, 8);
const remote = (id: number) => wpAdmin<WpPost>('GET', `wp/v2/posts/${id}?context=edit`);

/** A category or tag on the site; one left by an earlier run is reused (term_exists carries its id). */
async function siteTerm(taxonomy: 'categories' | 'tags', name: string): Promise<number> {
  try {
    return (await wpAdmin<{ id: number }>('POST', `wp/v2/${taxonomy}`, { name })).id;
  } catch (error) {
    const existing = /"term_id":(\d+)/.exec(String(error));
    if (existing) return Number(existing[1]);
    throw error;
  }
}

/** An article filed under Culture with one tag, pushed as a draft. */
async function pushedFiled(f: ReturnType<typeof publishingFixture>, token: string) {
  const article = f.write(f.articles.create('fr').id, {
    headline: `${token} Le festival s’ouvre`,
    body: paragraph('La première a eu lieu hier soir.'),
    sectionId: f.terms.ensure('sections', 'Culture').id,
    tagIds: [f.terms.ensure('tags', `Avignon ${token}`).id],
  });
  f.outbox.enqueue(article.id, f.site.id, 'draft');
  await f.outbox.settle();
  const [pub] = f.sync.publications(article.id);
  expect(pub).toMatchObject({ state: 'draft', message: null });
  return { article, remoteId: pub!.remoteId! };
}

const sectionName = (f: ReturnType<typeof publishingFixture>, id: string) => f.articles.get(id).section?.name;
const tagNames = (f: ReturnType<typeof publishingFixture>, id: string) =>
  f.articles
    .get(id)
    .tags.map((t) => t.name)
    .sort();

describe('a post re-filed on the site (categories or tags changed, text untouched)', () => {
  it('is a remote change: WordPress moves modified_gmt, and a pull brings the new section and tags', async () => {
    const f = publishingFixture(tempDir());
    const token = `refile${unique()}`;
    const { article, remoteId } = await pushedFiled(f, token);
    const before = await remote(remoteId);
    await new Promise((r) => setTimeout(r, 1100));
    const sport = await siteTerm('categories', `Sport ${token}`);
    const extra = await siteTerm('tags', `Une ${token}`);
    const after = await wpAdmin<WpPost>('POST', `wp/v2/posts/${remoteId}?context=edit`, {
      categories: [sport],
      tags: [...before.tags, extra],
    });
    // Measured on WordPress 6.1: a terms-only edit over REST does move modified_gmt.
    expect(after.modified_gmt > before.modified_gmt).toBe(true);
    expect(after.content.raw).toBe(before.content.raw);

    const pulled = await f.puller.pull(f.site.id, { statuses: ['draft'], search: token });
    expect(pulled).toMatchObject({ updated: 1, conflicts: 0, done: true });
    expect(sectionName(f, article.id)).toBe(`Sport ${token}`);
    expect(tagNames(f, article.id)).toEqual([`Avignon ${token}`, `Une ${token}`].sort());
  });

  it('with no change here, an update takes the site’s filing instead of overwriting it', async () => {
    const f = publishingFixture(tempDir());
    const token = `refile${unique()}`;
    const { article, remoteId } = await pushedFiled(f, token);
    const sport = await siteTerm('categories', `Sport ${token}`);
    await wpAdmin('POST', `wp/v2/posts/${remoteId}`, { categories: [sport], tags: [] });

    f.outbox.enqueue(article.id, f.site.id, 'update');
    await f.outbox.settle();
    expect(f.sync.publications(article.id)[0]).toMatchObject({ state: 'draft', message: null });
    expect(sectionName(f, article.id)).toBe(`Sport ${token}`);
    expect(tagNames(f, article.id)).toEqual([]);
    const site = await remote(remoteId);
    expect(site.categories).toEqual([sport]);
    expect(site.tags).toEqual([]);
  });

  it('with a change here too, the update stops in conflict and the site keeps its filing', async () => {
    const f = publishingFixture(tempDir());
    const token = `refile${unique()}`;
    const { article, remoteId } = await pushedFiled(f, token);
    const sport = await siteTerm('categories', `Sport ${token}`);
    await wpAdmin('POST', `wp/v2/posts/${remoteId}`, { categories: [sport] });
    const local = f.write(article.id, { standfirst: 'Un chapeau écrit ici.' });

    f.outbox.enqueue(local.id, f.site.id, 'update');
    await f.outbox.settle();
    const [pub] = f.sync.publications(local.id);
    expect(pub!.state).toBe('conflict');
    expect(pub!.message).toContain('categories or tags');
    const site = await remote(remoteId);
    expect(site.categories).toEqual([sport]);
    expect(site.excerpt.raw).toBe('');
  });

  it('the conflict view shows both filings by name, and taking the site’s section and my tags pushes that filing', async () => {
    const f = publishingFixture(tempDir());
    const token = `refile${unique()}`;
    const { article, remoteId } = await pushedFiled(f, token);
    const sport = await siteTerm('categories', `Sport ${token}`);
    const une = await siteTerm('tags', `Une ${token}`);
    await wpAdmin('POST', `wp/v2/posts/${remoteId}`, { categories: [sport], tags: [une] });
    const local = f.write(article.id, {
      standfirst: 'Un chapeau écrit ici.',
      tagIds: [f.terms.ensure('tags', `Avignon ${token}`).id, f.terms.ensure('tags', `Théâtre ${token}`).id],
    });
    f.outbox.enqueue(local.id, f.site.id, 'update');
    await f.outbox.settle();
    expect(f.sync.publications(local.id)[0]!.state).toBe('conflict');

    // Viewing the conflict makes no local term: the site's tag is only named.
    const view = await f.conflicts.show(local.id, f.site.id);
    expect(view.fields.filter((x) => x.field === 'section' || x.field === 'tags')).toEqual([
      { field: 'section', local: 'Culture', remote: `Sport ${token}`, same: false },
      { field: 'tags', local: `Avignon ${token}, Théâtre ${token}`, remote: `Une ${token}`, same: false },
    ]);
    expect(f.terms.list('tags', '', 1000).map((t) => t.name)).not.toContain(`Une ${token}`);

    await f.conflicts.resolve(local.id, f.site.id, {
      headline: 'local',
      standfirst: 'local',
      body: 'local',
      section: 'remote',
      tags: 'local',
    });
    await f.outbox.settle();
    expect(f.sync.publications(local.id)[0]).toMatchObject({ state: 'draft', message: null });
    expect(sectionName(f, local.id)).toBe(`Sport ${token}`);
    expect(tagNames(f, local.id)).toEqual([`Avignon ${token}`, `Théâtre ${token}`].sort());
    const site = await remote(remoteId);
    expect(site.categories).toEqual([sport]);
    const siteTags = await wpAdmin<{ name: string }[]>('GET', `wp/v2/tags?include=${site.tags.join(',')}`);
    expect(siteTags.map((t) => t.name).sort()).toEqual([`Avignon ${token}`, `Théâtre ${token}`].sort());
    expect(site.excerpt.raw).toBe('Un chapeau écrit ici.');
  });

  it('names a category and a tag renamed on the site by their new names, in the conflict view and once taken', async () => {
    const f = publishingFixture(tempDir());
    const token = `rename${unique()}`;
    const { article, remoteId } = await pushedFiled(f, token);
    const sport = await siteTerm('categories', `Sport ${token}`);
    const une = await siteTerm('tags', `Une ${token}`);
    await wpAdmin('POST', `wp/v2/posts/${remoteId}`, { categories: [sport], tags: [une] });
    const local = f.write(article.id, { standfirst: 'Un chapeau écrit ici.' });
    f.outbox.enqueue(local.id, f.site.id, 'update');
    await f.outbox.settle();
    const rows = async () =>
      (await f.conflicts.show(local.id, f.site.id)).fields
        .filter((x) => x.field === 'section' || x.field === 'tags')
        .map((x) => x.remote);
    expect(await rows()).toEqual([`Sport ${token}`, `Une ${token}`]);

    // The site's desk renames both while the conflict waits (same ids: the post itself does not move).
    await wpAdmin('POST', `wp/v2/categories/${sport}`, { name: `Sports & loisirs ${token}` });
    await wpAdmin('POST', `wp/v2/tags/${une}`, { name: `À la une ${token}` });
    expect(await rows()).toEqual([`Sports & loisirs ${token}`, `À la une ${token}`]);

    await f.conflicts.resolve(local.id, f.site.id, {
      headline: 'local',
      standfirst: 'local',
      body: 'local',
      section: 'remote',
      tags: 'remote',
    });
    await f.outbox.settle();
    expect(sectionName(f, local.id)).toBe(`Sports & loisirs ${token}`);
    expect(tagNames(f, local.id)).toEqual([`À la une ${token}`]);
    expect((await remote(remoteId)).categories).toEqual([sport]);
  });

  it('taking the site’s tags makes the ones this desk lacks, and a post with no category of its own keeps the section here', async () => {
    const f = publishingFixture(tempDir());
    const token = `refile${unique()}`;
    const { article, remoteId } = await pushedFiled(f, token);
    const une = await siteTerm('tags', `Une ${token}`);
    // Only WordPress's default category left: no section of the site's own.
    await wpAdmin('POST', `wp/v2/posts/${remoteId}`, { categories: [1], tags: [une] });
    const local = f.write(article.id, { headline: `${token} Titre réécrit ici` });
    f.outbox.enqueue(local.id, f.site.id, 'update');
    await f.outbox.settle();
    expect(f.sync.publications(local.id)[0]!.state).toBe('conflict');

    const view = await f.conflicts.show(local.id, f.site.id);
    expect(view.fields.find((x) => x.field === 'section')).toMatchObject({ remote: 'Culture', same: true });
    await f.conflicts.resolve(local.id, f.site.id, {
      headline: 'local',
      standfirst: 'local',
      body: 'local',
      section: 'remote',
      tags: 'remote',
    });
    await f.outbox.settle();
    expect(sectionName(f, local.id)).toBe('Culture');
    expect(tagNames(f, local.id)).toEqual([`Une ${token}`]);
    const site = await remote(remoteId);
    expect(site.tags).toEqual([une]);
    expect(site.title.raw).toBe(`${token} Titre réécrit ici`);
  });
});
