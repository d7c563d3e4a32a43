import { describe, expect, it } from 'vitest';
import { prePublishChecks } from '../../../src/shared/publishing/prePublishChecks';
import { fieldsOf } from '../../../src/shared/domain/article';
import { bodyText } from '../../../src/shared/text/bodyText';
import { useTempDirs } from '../../support/tempDir';
import { wpAdmin } from '../../support/wordpress';
import { publishingFixture } from './support';

const tempDir = useTempDirs();

async function makePosts(token: string, n: number): Promise<number[]> {
  const ids: number[] = [];
  const statuses = ['draft', 'pending', 'publish'];
  for (let i = 0; i < n; i++) {
    const post = await wpAdmin<{ id: number }>('POST', 'wp/v2/posts', {
      title: `${token} n°${i} — « été »`,
      excerpt: `Chapeau ${i}`,
      content: `<p>Paragraphe ${i} avec <strong>gras</strong>.</p><script>alert(1)</script><p>مرحبا</p>`,
      status: statuses[i % 3],
    });
    ids.push(post.id);
  }
  return ids;
}

/** A category or tag on the site; one left by an earlier run is reused (WordPress answers term_exists with its id). */
async function term(taxonomy: 'categories' | 'tags', name: string): Promise<number> {
  try {
    return (await wpAdmin<{ id: number }>('POST', `wp/v2/${taxonomy}`, { name })).id;
  } catch (error) {
    const existing = /"term_id":(\d+)/.exec(String(error));
    if (existing) return Number(existing[1]);
    throw error;
  }
}

describe('pulling posts from the real WordPress', () => {
  it('imports each post once through the editor schema, and an interrupted pull resumes from its cursor', async () => {
    const f = publishingFixture(tempDir());
    const token = `pull${Math.random().toString(36).slice(2, 8)}`;
    const ids = await makePosts(token, 5);
    const options = { statuses: ['draft', 'pending', 'publish'] as const, search: token, perPage: 2 };

    // Stopped after one page: two posts stored, and the cursor with them.
    const first = await f.puller.pull(f.site.id, { ...options, maxPages: 1 });
    expect(first).toMatchObject({ created: 2, pages: 1, done: false });
    const second = await f.puller.pull(f.site.id, options);
    expect(second).toMatchObject({ created: 3, done: true });
    expect(f.articles.list(100)).toHaveLength(5);

    const byRemote = new Map(
      ids.map((id) => [
        id,
        f.db.prepare('SELECT article_id FROM publications WHERE remote_id = ?').pluck().get(id),
      ]),
    );
    expect(new Set(byRemote.values()).size).toBe(5);
    const a = f.articles.get(byRemote.get(ids[0]!) as string);
    expect(a.headline).toBe(`${token} n°0 — « été »`);
    expect(a.standfirst).toBe('Chapeau 0');
    expect(bodyText(a.body)).toBe('Paragraphe 0 avec gras.\n\nمرحبا');
    expect(JSON.stringify(a.body)).toContain('"bold"');
    expect(f.sync.publications(a.id)[0]!.state).toBe('draft');

    // Nothing new: nothing imported again. A post edited on the site comes in as a new revision.
    expect(await f.puller.pull(f.site.id, options)).toMatchObject({ created: 0, updated: 0 });
    await wpAdmin('POST', `wp/v2/posts/${ids[1]}`, { title: `${token} retouché` });
    const third = await f.puller.pull(f.site.id, options);
    expect(third).toMatchObject({ created: 0, updated: 1 });
    expect(f.articles.get(byRemote.get(ids[1]!) as string).headline).toBe(`${token} retouché`);
  });
});

describe('a pull cut off in the middle of a page', () => {
  it('keeps no part of that page, and the next pull brings every post exactly once', async () => {
    const f = publishingFixture(tempDir());
    const token = `mid${Math.random().toString(36).slice(2, 8)}`;
    const ids = await makePosts(token, 7);
    const options = { statuses: ['draft', 'pending', 'publish'] as const, search: token, perPage: 3 };
    const pubCount = (): number => f.db.prepare('SELECT count(*) FROM publications').pluck().get() as number;

    // The store refuses the second post of the second page (as a full disk or a broken constraint would):
    // a real failure inside the page's transaction, after its first post and that post's article were written.
    f.db.exec(`CREATE TEMP TRIGGER fail_mid_page BEFORE INSERT ON main.publications
               WHEN (SELECT count(*) FROM main.publications) >= 4
               BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    await expect(f.puller.pull(f.site.id, options)).rejects.toThrow(/Nothing of that page was kept/);
    expect(pubCount()).toBe(3);
    expect(f.articles.list(100)).toHaveLength(3);

    f.db.exec('DROP TRIGGER fail_mid_page');
    const resumed = await f.puller.pull(f.site.id, options);
    expect(resumed).toMatchObject({ created: 4, done: true });
    const stored = f.db
      .prepare('SELECT remote_id FROM publications ORDER BY remote_id')
      .pluck()
      .all() as number[];
    expect(stored).toEqual([...ids].sort((a, b) => a - b));
    const articles = f.articles.list(100);
    expect(articles).toHaveLength(7);
    const headlines = articles.map((a) => f.articles.get(a.id).headline).sort();
    expect(headlines).toEqual(ids.map((_, i) => `${token} n°${i} — « été »`).sort());
    // And again: nothing new.
    expect(await f.puller.pull(f.site.id, options)).toMatchObject({ created: 0, updated: 0 });
  });
});

describe('a pulled post keeps its category and tags', () => {
  it('files the article under the local section and tags of the same names, made when missing, never twice', async () => {
    const f = publishingFixture(tempDir());
    const token = `cat${Math.random().toString(36).slice(2, 8)}`;
    const economie = await term('categories', 'Économie');
    const arts = await term('categories', 'Arts & Culture');
    const budget = await term('tags', 'Budget 2027');
    const impots = await term('tags', 'Impôts & taxes');
    // The desk already has this section here: the pull files under it rather than making a second one.
    const local = f.terms.ensure('sections', 'Économie');
    const post = async (title: string, categories?: number[], tags?: number[]): Promise<number> =>
      (
        await wpAdmin<{ id: number }>('POST', 'wp/v2/posts', {
          title: `${token} ${title}`,
          content: '<p>Texte.</p>',
          status: 'draft',
          ...(categories ? { categories } : {}),
          ...(tags ? { tags } : {}),
        })
      ).id;
    const inEconomie = await post('budget', [economie], [budget, impots]);
    const alsoEconomie = await post('inflation', [economie]);
    // The site's default category comes first here: it is no section, the next one is.
    const inArts = await post('expo', [1, arts]);
    const uncategorized = await post('brève');

    const result = await f.puller.pull(f.site.id, { statuses: ['draft'], search: token });
    expect(result).toMatchObject({ created: 4, done: true });
    const articleOf = (remoteId: number) =>
      f.articles.get(
        f.db
          .prepare('SELECT article_id FROM publications WHERE remote_id = ?')
          .pluck()
          .get(remoteId) as string,
      );

    expect(articleOf(inEconomie).section).toEqual(local);
    expect(articleOf(alsoEconomie).section).toEqual(local);
    // WordPress answers the name HTML-escaped ("Arts &amp; Culture"); the section holds the text.
    expect(articleOf(inArts).section?.name).toBe('Arts & Culture');
    expect(articleOf(uncategorized).section).toBeNull();
    expect(
      articleOf(inEconomie)
        .tags.map((t) => t.name)
        .sort(),
    ).toEqual(['Budget 2027', 'Impôts & taxes']);
    expect(articleOf(alsoEconomie).tags).toEqual([]);
    expect(f.terms.list('sections', 'économie', 10)).toEqual([local]);

    // A post with its category is ready for the checklist; one filed under the default is asked for a section.
    const codes = (remoteId: number) => prePublishChecks(fieldsOf(articleOf(remoteId))).map((c) => c.code);
    expect(codes(inEconomie)).not.toContain('section_missing');
    expect(codes(uncategorized)).toContain('section_missing');

    // Moved to another category on the site: the next pull moves it here too.
    await wpAdmin('POST', `wp/v2/posts/${inEconomie}`, {
      categories: [arts],
      tags: [budget],
      title: `${token} budget voté`,
    });
    expect(await f.puller.pull(f.site.id, { statuses: ['draft'], search: token })).toMatchObject({
      updated: 1,
    });
    expect(articleOf(inEconomie).section?.name).toBe('Arts & Culture');
    expect(articleOf(inEconomie).tags.map((t) => t.name)).toEqual(['Budget 2027']);
  });
});
