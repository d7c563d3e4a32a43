import { describe, expect, it } from 'vitest';
import { contentFor, type WpPost } from '../../../src/main/publishing/mapping';
import { wordDiff } from '../../../src/shared/text/wordDiff';
import { useTempDirs } from '../../support/tempDir';
import { wpAdmin } from '../../support/wordpress';
import { paragraph, publishingFixture } from './support';

const tempDir = useTempDirs();
const unique = (): string => Math.random().toString(36).slice(2, 8);
const remote = (id: number) => wpAdmin<WpPost>('GET', `wp/v2/posts/${id}?context=edit`);

async function pushed(f: ReturnType<typeof publishingFixture>, headline: string) {
  const article = f.write(f.articles.create('fr').id, {
    headline,
    standfirst: 'Chapeau d’origine.',
    body: paragraph('Le conseil a voté le budget mardi soir.'),
  });
  f.outbox.enqueue(article.id, f.site.id, 'draft');
  await f.outbox.settle();
  return { article, remoteId: f.sync.publications(article.id)[0]!.remoteId! };
}

describe('conflicts with edits made on the site', () => {
  it('stops when both sides changed, overwrites nothing, and resolves field by field', async () => {
    const f = publishingFixture(tempDir());
    const { article, remoteId } = await pushed(f, `Budget ${unique()}`);
    // Someone edits the post in wp-admin, and the desk edits the article here.
    await wpAdmin('POST', `wp/v2/posts/${remoteId}`, {
      title: 'Titre corrigé sur le site',
      content: `<p>Le conseil a adopté le budget mardi soir.</p>`,
    });
    const local = f.write(article.id, { standfirst: 'Chapeau réécrit ici.' });

    f.outbox.enqueue(local.id, f.site.id, 'update');
    await f.outbox.settle();
    const [pub] = f.sync.publications(local.id);
    expect(pub!.state).toBe('conflict');
    expect(f.outbox.ofArticle(local.id)[0]!.status).toBe('conflict');
    const untouched = await remote(remoteId);
    expect(untouched.title.raw).toBe('Titre corrigé sur le site');
    expect(untouched.excerpt.raw).toBe('Chapeau d’origine.');

    const view = await f.conflicts.show(local.id, f.site.id);
    expect(view.fields.map((x) => [x.field, x.local, x.remote, x.same])).toEqual([
      ['headline', local.headline, 'Titre corrigé sur le site', false],
      ['standfirst', 'Chapeau réécrit ici.', 'Chapeau d’origine.', false],
      ['body', 'Le conseil a voté le budget mardi soir.', 'Le conseil a adopté le budget mardi soir.', false],
      ['section', '', '', true],
      ['tags', '', '', true],
      // No slug here: the push sends none, so the site's (none for a draft) is no conflict.
      ['slug', '', untouched.slug, true],
    ]);
    expect(view.bodyDiff.filter((p) => p.kind !== 'same').map((p) => [p.kind, p.text])).toEqual([
      ['removed', 'voté'],
      ['added', 'adopté'],
    ]);

    // Take the site's headline and body, keep the standfirst written here, then the held push goes out.
    await f.conflicts.resolve(local.id, f.site.id, {
      headline: 'remote',
      standfirst: 'local',
      body: 'remote',
    });
    await f.outbox.settle();
    const merged = f.articles.get(local.id);
    expect(merged.headline).toBe('Titre corrigé sur le site');
    expect(merged.standfirst).toBe('Chapeau réécrit ici.');
    const after = await remote(remoteId);
    expect([after.title.raw, after.excerpt.raw, after.content.raw]).toEqual([
      'Titre corrigé sur le site',
      'Chapeau réécrit ici.',
      contentFor(merged),
    ]);
    expect(f.sync.publications(local.id)[0]!.state).toBe('draft');
  });

  it('shows a slug changed on both sides in a conflict, and taking the site’s keeps it here and there', async () => {
    const f = publishingFixture(tempDir());
    const token = unique();
    const { article, remoteId } = await pushed(f, `Tramway ${token}`);
    const mine = f.write(article.id, { slug: `tramway-${token}` });
    f.outbox.enqueue(mine.id, f.site.id, 'update');
    await f.outbox.settle();
    // The title moves on the site too (a slug-only edit is covered in remoteMoves.test.ts).
    await wpAdmin('POST', `wp/v2/posts/${remoteId}`, {
      title: `Tramway ${token}, ligne 2`,
      slug: `tramway-ligne-2-${token}`,
    });
    const local = f.write(article.id, { slug: `tramway-nord-${token}` });
    f.outbox.enqueue(local.id, f.site.id, 'update');
    await f.outbox.settle();
    expect(f.sync.publications(local.id)[0]!.state).toBe('conflict');

    const view = await f.conflicts.show(local.id, f.site.id);
    expect(view.fields.find((x) => x.field === 'slug')).toEqual({
      field: 'slug',
      local: `tramway-nord-${token}`,
      remote: `tramway-ligne-2-${token}`,
      same: false,
    });
    await f.conflicts.resolve(local.id, f.site.id, {
      headline: 'local',
      standfirst: 'local',
      body: 'local',
      slug: 'remote',
    });
    await f.outbox.settle();
    expect(f.articles.get(local.id).slug).toBe(`tramway-ligne-2-${token}`);
    expect((await remote(remoteId)).slug).toBe(`tramway-ligne-2-${token}`);
    expect(f.sync.publications(local.id)[0]!.state).toBe('draft');
  });

  it('pulls a change made only on the site instead of overwriting it', async () => {
    const f = publishingFixture(tempDir());
    const { article, remoteId } = await pushed(f, `Voirie ${unique()}`);
    await wpAdmin('POST', `wp/v2/posts/${remoteId}`, { title: 'Titre repris sur le site' });
    f.outbox.enqueue(article.id, f.site.id, 'publish');
    await f.outbox.settle();
    const local = f.articles.get(article.id);
    expect(local.headline).toBe('Titre repris sur le site');
    expect(local.revision).toBe(article.revision + 1);
    const post = await remote(remoteId);
    expect([post.title.raw, post.status]).toEqual(['Titre repris sur le site', 'publish']);
    expect(f.sync.publications(article.id)[0]!.state).toBe('live');
  });
});

describe('word diff', () => {
  it('gives back both texts and marks only the words that differ', () => {
    const parts = wordDiff('Le chat dort sur le tapis.', 'Le chien dort sur le tapis rouge.');
    const side = (kind: string) =>
      parts
        .filter((p) => p.kind === 'same' || p.kind === kind)
        .map((p) => p.text)
        .join('');
    expect(side('removed')).toBe('Le chat dort sur le tapis.');
    expect(side('added')).toBe('Le chien dort sur le tapis rouge.');
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['chat']);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['chien', 'rouge']);
  });
});
