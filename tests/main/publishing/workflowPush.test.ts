import { describe, expect, it } from 'vitest';
import type { ArticleStatus } from '../../../src/shared/domain/article';
import { useTempDirs } from '../../support/tempDir';
import { wordpressSite, wpAdmin } from '../../support/wordpress';
import { openDesk, paragraphs, type Desk } from '../review/desk';

const tempDir = useTempDirs();

const PUBLISHER = { name: 'Samia Publie', initials: 'SP', colour: '#6f42c1', role: 'publisher' } as const;

interface Post {
  id: number;
  status: string;
  date_gmt: string;
  content: { raw: string };
  meta: Record<string, string>;
}

/** A publisher's desk connected to the real WordPress as the site's editor. */
function publisherDesk(): Desk & { siteId: string } {
  const desk = openDesk(tempDir(), PUBLISHER);
  const wp = wordpressSite();
  const site = desk.sites.add({
    url: wp.url,
    username: 'editor',
    password: wp.users.editor.applicationPassword,
  });
  return Object.assign(desk, { siteId: site.id });
}

function setStatus(desk: Desk, id: string, status: ArticleStatus): void {
  const state = desk.travel.review.stateOf(id);
  desk.travel.review.apply(id, { ...state, workflow: { ...state.workflow, status } });
}

/** An approved article (clean French typography, so no warnings), already on the site as pending review. */
async function approvedOnSite(desk: Desk & { siteId: string }, token: string) {
  const created = desk.articles.create('fr');
  const article = desk.write(created.id, {
    headline: `${token}, le conseil adopte le budget`,
    body: paragraphs('Le conseil municipal a adopté le budget.'),
    sectionId: desk.terms.ensure('sections', 'Politique').id,
  });
  setStatus(desk, article.id, 'approved');
  desk.sync.enqueue(article.id, desk.siteId, 'review');
  await desk.outbox.drain();
  return desk.articles.get(article.id);
}

const move = (desk: Desk, id: string, to: ArticleStatus, extra: object = {}) =>
  desk.workflowPush.move({
    articleId: id,
    to,
    baseRevision: desk.articles.get(id).revision,
    note: '',
    ...extra,
  });

const remoteId = (desk: Desk & { siteId: string }, id: string): number =>
  desk.sync.publications(id).find((p) => p.siteId === desk.siteId)!.remoteId!;

describe('workflow Publish and Schedule push to the linked site', () => {
  it('Publish on a linked article queues the publish and the live post is clean; held while a comment is open', async () => {
    const desk = publisherDesk();
    const token = `wfpub${Math.random().toString(36).slice(2, 8)}`;
    const article = await approvedOnSite(desk, token);
    const thread = desk.threads.create(article.id, { kind: 'body' }, 'Le conseil', 'Quel conseil ?');
    const before = desk.snapshot(article.id);

    // An open thread holds the push back, and the status with it: nothing changed, nothing queued.
    const held = move(desk, article.id, 'published');
    expect(held).toEqual({
      outcome: 'held',
      findings: [{ code: 'unresolved_comments', level: 'error', detail: '1' }],
    });
    expect(desk.snapshot(article.id)).toEqual(before);
    expect(desk.outbox.ofArticle(article.id).filter((i) => i.status !== 'done')).toEqual([]);
    expect(desk.workflow.history(article.id).filter((e) => e.kind === 'transition')).toEqual([]);

    desk.threads.resolve(thread.id);
    const moved = move(desk, article.id, 'published');
    expect(moved).toMatchObject({
      outcome: 'moved',
      unlinked: false,
      pushes: [{ siteId: desk.siteId, action: 'publish' }],
    });
    expect(desk.articles.get(article.id).status).toBe('published');
    await desk.outbox.settle(30_000);
    const post = await wpAdmin<Post>('GET', `wp/v2/posts/${remoteId(desk, article.id)}?context=edit`);
    expect(post.status).toBe('publish');
    expect(post.meta.redac_review).toBe('');
    expect(post.content.raw).toContain('a adopté le budget');
    expect(desk.sync.publications(article.id)[0]!.state).toBe('live');
    desk.close();
  });

  it('Schedule needs a future time, then schedules the post on the site; warnings are accepted once, explicitly', async () => {
    const desk = publisherDesk();
    const token = `wfsch${Math.random().toString(36).slice(2, 8)}`;
    const article = await approvedOnSite(desk, token);
    const before = desk.snapshot(article.id);
    expect(() => move(desk, article.id, 'scheduled')).toThrow(/Choose when the article goes live/);
    expect(() => move(desk, article.id, 'scheduled', { scheduledAt: Date.now() - 60_000 })).toThrow(
      /has passed/,
    );
    expect(desk.snapshot(article.id)).toEqual(before);

    // A double space is only a warning: held until the publisher accepts it.
    desk.write(article.id, { body: paragraphs('Le conseil municipal a  adopté le budget.') });
    const when = Math.ceil((Date.now() + 3 * 86_400_000) / 60_000) * 60_000;
    expect(move(desk, article.id, 'scheduled', { scheduledAt: when })).toEqual({
      outcome: 'held',
      findings: [{ code: 'double_space', level: 'warning' }],
    });
    expect(desk.articles.get(article.id).status).toBe('approved');
    expect(move(desk, article.id, 'scheduled', { scheduledAt: when, acceptWarnings: true })).toMatchObject({
      outcome: 'moved',
      pushes: [{ action: 'schedule' }],
    });
    await desk.outbox.settle(30_000);
    const post = await wpAdmin<Post>('GET', `wp/v2/posts/${remoteId(desk, article.id)}?context=edit`);
    expect(post.status).toBe('future');
    expect(new Date(`${post.date_gmt}Z`).getTime()).toBe(when);
    desk.close();
  });

  it('an article linked to no site is moved on this desk only, and the result says so', async () => {
    const desk = publisherDesk();
    const created = desk.articles.create('fr');
    const article = desk.write(created.id, {
      headline: 'Hors ligne, le budget',
      body: paragraphs('Le budget est adopté.'),
      sectionId: desk.terms.ensure('sections', 'Politique').id,
    });
    setStatus(desk, article.id, 'approved');
    // Even on no site, nothing is published while a comment is open.
    const thread = desk.threads.create(
      article.id,
      { kind: 'field', field: 'headline' },
      '',
      'Titre à revoir ?',
    );
    expect(move(desk, article.id, 'published')).toEqual({
      outcome: 'held',
      findings: [{ code: 'unresolved_comments', level: 'error', detail: '1' }],
    });
    expect(desk.articles.get(article.id).status).toBe('approved');
    desk.threads.resolve(thread.id);
    expect(move(desk, article.id, 'published')).toMatchObject({
      outcome: 'moved',
      pushes: [],
      unlinked: true,
    });
    expect(desk.articles.get(article.id).status).toBe('published');
    expect(desk.outbox.ofArticle(article.id)).toEqual([]);
    // Moves that put nothing live never speak of sites.
    expect(move(desk, article.id, 'approved')).toMatchObject({ outcome: 'moved', unlinked: false });
    desk.close();
  });
});
