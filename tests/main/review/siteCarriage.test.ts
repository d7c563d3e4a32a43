import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleStatus } from '../../../src/shared/domain/article';
import { bodyText } from '../../../src/shared/text/bodyText';
import { useTempDirs } from '../../support/tempDir';
import { wordpressSite, wordpressStateDir, wpAdmin } from '../../support/wordpress';
import { openDesk, paragraphs, type Desk } from './desk';

const tempDir = useTempDirs();

interface Post {
  id: number;
  status: string;
  content: { raw: string; rendered: string };
  meta: Record<string, string> | unknown[];
}

/** A desk connected to the real WordPress as the site's editor. */
function connectedDesk(): Desk & { siteId: string } {
  const desk = openDesk(tempDir());
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

async function send(desk: Desk & { siteId: string }, id: string): Promise<void> {
  desk.sync.enqueue(id, desk.siteId, 'review', { acceptWarnings: true });
  await desk.outbox.drain();
}

const remoteId = (desk: Desk & { siteId: string }, id: string): number =>
  desk.sync.publications(id).find((p) => p.siteId === desk.siteId)!.remoteId!;

function reportersArticle(desk: Desk, token: string) {
  const created = desk.articles.create('fr');
  return desk.write(created.id, {
    headline: `${token} — « Le conseil vote » مرحبا`,
    standfirst: 'Un chapeau.',
    body: paragraphs('Le conseil municipal a voté le budget.', 'Deuxième paragraphe 🚢.'),
    sectionId: desk.terms.ensure('sections', 'Politique').id,
  });
}

const by = {
  id: '0b8f3c2e-8d0e-4c53-9d7e-5a1b2c3d4e5f',
  authorId: '6c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
  authorName: 'Karim',
  authorColour: '#b35900',
  at: 1_700_000_000_000,
};

/** The same article with an open comment thread on "Le conseil" and a suggestion to replace "voté". */
function underReview(desk: Desk, token: string) {
  const article = reportersArticle(desk, token);
  const thread = desk.threads.create(article.id, { kind: 'body' }, 'Le conseil', 'Quel conseil ?');
  desk.write(article.id, {
    body: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'Le conseil',
              marks: [{ type: 'comment', attrs: { threadId: thread.id } }],
            },
            { type: 'text', text: ' municipal a ' },
            { type: 'text', text: 'voté', marks: [{ type: 'suggestionDelete', attrs: by }] },
            {
              type: 'text',
              text: 'adopté',
              marks: [
                { type: 'suggestionInsert', attrs: { ...by, id: 'a6e1d0c2-1b3d-4e5f-9a8b-7c6d5e4f3a2b' } },
              ],
            },
            { type: 'text', text: ' le budget.' },
          ],
        },
        // A structural suggestion: this paragraph made a heading.
        {
          type: 'heading',
          attrs: {
            level: 3,
            dir: null,
            suggestion: {
              ...by,
              id: 'c3b2a190-8f7e-4d6c-9b5a-4f3e2d1c0b9a',
              was: { type: 'paragraph', attrs: { dir: null }, path: [] },
            },
          },
          content: [{ type: 'text', text: 'Deuxième paragraphe 🚢.' }],
        },
      ],
    },
  });
  return { article: desk.articles.get(article.id), thread };
}

describe('the review state through the site', () => {
  it('sends a submitted article as pending with its review state as post meta, and another desk pulls exactly that', async () => {
    const reporter = connectedDesk();
    const copyDesk = connectedDesk();
    const token = `carry${Math.random().toString(36).slice(2, 8)}`;
    // Open comments and suggestions travel with it: they do not hold back a review push.
    const { article } = underReview(reporter, token);
    setStatus(reporter, article.id, 'submitted');
    await send(reporter, article.id);

    const post = await wpAdmin<Post>('GET', `wp/v2/posts/${remoteId(reporter, article.id)}?context=edit`);
    expect(post.status).toBe('pending');
    const meta = JSON.parse((post.meta as Record<string, string>).redac_review!) as Record<string, unknown>;
    expect(meta).toMatchObject({ version: 1, reviewState: { workflow: { status: 'submitted' } } });
    expect(meta.body).toEqual(article.body);
    expect(post.content.raw).not.toContain('redac_review');
    // The post itself is clean: no anchors, no suggestion markup, the suggestion not taken.
    expect(post.content.raw).not.toMatch(/data-thread-id|data-suggestion|comment-anchor/);
    expect(post.content.raw).toContain('a voté le budget');
    expect(post.content.raw).not.toContain('adopté');
    expect(post.content.raw).toContain('<p dir="auto">Deuxième paragraphe');
    expect(post.content.raw).not.toMatch(/<h3|block-suggestion/);

    const pulled = await copyDesk.puller.pull(copyDesk.siteId, { statuses: ['pending'], search: token });
    expect(pulled).toMatchObject({ created: 1, conflicts: 0 });
    const [summary] = copyDesk.articles.list(10);
    const copy = copyDesk.articles.get(summary!.id);
    expect(copy.body).toEqual(article.body);
    expect(copy.headline).toBe(article.headline);
    expect(copy.status).toBe('submitted');
    expect(copyDesk.sync.publications(copy.id)[0]!.message).toBeNull();
    expect(copyDesk.travel.review.stateOf(copy.id).threads).toEqual(
      reporter.travel.review.stateOf(article.id).threads,
    );

    // The copy desk edits and returns it; the reporter's pull brings the new text and status back.
    copyDesk.write(copy.id, {
      body: paragraphs('Le conseil municipal a adopté le budget.', 'Deuxième paragraphe 🚢.'),
      // A pull does not bring the category back (issue 5); the checklist wants one.
      sectionId: copyDesk.terms.ensure('sections', 'Politique').id,
    });
    setStatus(copyDesk, copy.id, 'approved');
    await send(copyDesk, copy.id);
    expect((await wpAdmin<Post>('GET', `wp/v2/posts/${post.id}?context=edit`)).status).toBe('pending');
    const back = await reporter.puller.pull(reporter.siteId, { statuses: ['pending'], search: token });
    expect(back).toMatchObject({ updated: 1, conflicts: 0 });
    const returned = reporter.articles.get(article.id);
    expect(bodyText(returned.body)).toContain('a adopté le budget');
    expect(returned.status).toBe('approved');
    for (const desk of [reporter, copyDesk]) desk.close();
  });

  it('carries the whole assignment history both ways, and still reads a review state from before it did', async () => {
    const reporter = connectedDesk();
    reporter.profiles.save({ name: 'Leïla Benali', initials: 'LB', colour: '#1f6feb', role: 'reporter' });
    const copyDesk = connectedDesk();
    const token = `assign${Math.random().toString(36).slice(2, 8)}`;
    const article = reportersArticle(reporter, token);
    const leila = reporter.profiles.require();
    const deadline = 1_800_000_000_000;
    reporter.workflow.assign({ articleId: article.id, assigneeId: leila.id, deadline, priority: 'high' });
    reporter.workflow.assign({ articleId: article.id, assigneeId: null, deadline, priority: 'urgent' });
    setStatus(reporter, article.id, 'submitted');
    await send(reporter, article.id);

    const id = remoteId(reporter, article.id);
    const post = await wpAdmin<Post>('GET', `wp/v2/posts/${id}?context=edit`);
    const meta = JSON.parse((post.meta as Record<string, string>).redac_review!) as {
      reviewState: { version: number; workflow: { assignments: unknown[] } };
    };
    expect(meta.reviewState.version).toBe(2);
    expect(meta.reviewState.workflow.assignments).toHaveLength(2);

    /** What a desk's History shows of the assignments: who, to whom, by when, how urgent. */
    const assignments = (desk: Desk, articleId: string) =>
      desk.workflow
        .history(articleId)
        .flatMap((e) =>
          e.kind === 'assignment' ? [[e.by.name, e.assignee?.name ?? null, e.deadline, e.priority]] : [],
        );
    await copyDesk.puller.pull(copyDesk.siteId, { statuses: ['pending'], search: token });
    const copyId = copyDesk.articles.list(10)[0]!.id;
    expect(assignments(copyDesk, copyId)).toEqual([
      ['Leïla Benali', 'Leïla Benali', deadline, 'high'],
      ['Leïla Benali', null, deadline, 'urgent'],
    ]);
    // Who was assigned became someone this desk knows, so it can assign them back.
    expect(copyDesk.profiles.people(100).map((p) => p.name)).toContain('Leïla Benali');

    // The copy desk takes it and returns it approved: the reporter sees all three changes, in order.
    const karim = copyDesk.profiles.require();
    copyDesk.workflow.assign({ articleId: copyId, assigneeId: karim.id, deadline: null, priority: 'normal' });
    copyDesk.write(copyId, { sectionId: copyDesk.terms.ensure('sections', 'Politique').id });
    setStatus(copyDesk, copyId, 'approved');
    await send(copyDesk, copyId);
    expect(
      await reporter.puller.pull(reporter.siteId, { statuses: ['pending'], search: token }),
    ).toMatchObject({ updated: 1, conflicts: 0 });
    expect(assignments(reporter, article.id)).toEqual([
      ['Leïla Benali', 'Leïla Benali', deadline, 'high'],
      ['Leïla Benali', null, deadline, 'urgent'],
      ['Karim Haddad', 'Karim Haddad', null, 'normal'],
    ]);
    expect(reporter.workflow.view(article.id).assignment.assignee?.name).toBe('Karim Haddad');

    // A post whose meta a desk from before version 2 wrote: read, its current assignment kept, no history.
    const now = await wpAdmin<Post>('GET', `wp/v2/posts/${id}?context=edit`);
    const v2 = JSON.parse((now.meta as Record<string, string>).redac_review!) as {
      reviewState: { version: number; workflow: Record<string, unknown> };
    };
    v2.reviewState.version = 1;
    delete v2.reviewState.workflow.assignments;
    await wpAdmin('POST', `wp/v2/posts/${id}`, { meta: { redac_review: JSON.stringify(v2) } });
    const third = connectedDesk();
    await third.puller.pull(third.siteId, { statuses: ['pending'], search: token });
    const thirdId = third.articles.list(10)[0]!.id;
    expect(third.sync.publications(thirdId)[0]!.message).toBeNull();
    expect(third.articles.get(thirdId).status).toBe('approved');
    expect(third.workflow.view(thirdId).assignment.assignee?.name).toBe('Karim Haddad');
    expect(assignments(third, thirdId)).toEqual([]);
    for (const desk of [reporter, copyDesk, third]) desk.close();
  });

  it('never overwrites another desk’s comments on the site: a push first takes them in, or stops on a conflict that keeps them', async () => {
    const reporter = connectedDesk();
    const copyDesk = connectedDesk();
    const token = `keep${Math.random().toString(36).slice(2, 8)}`;
    const article = reportersArticle(reporter, token);
    setStatus(reporter, article.id, 'submitted');
    await send(reporter, article.id);
    await copyDesk.puller.pull(copyDesk.siteId, { statuses: ['pending'], search: token });
    const copyId = copyDesk.articles.list(10)[0]!.id;
    copyDesk.write(copyId, { sectionId: copyDesk.terms.ensure('sections', 'Politique').id });
    // A comment only: the post's text (clean HTML) does not change, its review state does.
    const thread = copyDesk.threads.create(
      copyId,
      { kind: 'field', field: 'headline' },
      article.headline,
      'Titre trop long ?',
    );
    await send(copyDesk, copyId);

    // The reporter, who has not pulled, sends again: the copy desk's comment comes in, and goes back out.
    await send(reporter, article.id);
    expect(reporter.outbox.ofArticle(article.id).map((i) => i.status)).toEqual(['done', 'done']);
    expect(reporter.travel.review.stateOf(article.id).threads.map((t) => t.id)).toEqual([thread.id]);
    const post = await wpAdmin<Post>('GET', `wp/v2/posts/${remoteId(reporter, article.id)}?context=edit`);
    const meta = JSON.parse((post.meta as Record<string, string>).redac_review!) as {
      reviewState: { threads: { id: string }[] };
    };
    expect(meta.reviewState.threads.map((t) => t.id)).toEqual([thread.id]);

    // Both sides move: a conflict, and resolving it keeps the copy desk's new comment with the reporter's text.
    const second = copyDesk.threads.create(
      copyId,
      { kind: 'field', field: 'standfirst' },
      'Un chapeau.',
      'Sourcer ?',
    );
    await send(copyDesk, copyId);
    reporter.write(article.id, { standfirst: 'Un chapeau plus long.' });
    await send(reporter, article.id);
    expect(reporter.sync.publications(article.id)[0]!.state).toBe('conflict');
    await reporter.conflicts.resolve(article.id, reporter.siteId, {
      headline: 'local',
      standfirst: 'local',
      body: 'local',
    });
    expect(reporter.articles.get(article.id).standfirst).toBe('Un chapeau plus long.');
    expect(
      reporter.travel.review
        .stateOf(article.id)
        .threads.map((t) => t.id)
        .sort(),
    ).toEqual([thread.id, second.id].sort());
    for (const desk of [reporter, copyDesk]) desk.close();
  });

  it('takes the site’s text and keeps the review state when the post was edited on the site since, and says so', async () => {
    const reporter = connectedDesk();
    const copyDesk = connectedDesk();
    const token = `edited${Math.random().toString(36).slice(2, 8)}`;
    const article = reportersArticle(reporter, token);
    setStatus(reporter, article.id, 'in_copy_edit');
    await send(reporter, article.id);
    const id = remoteId(reporter, article.id);
    await wpAdmin('POST', `wp/v2/posts/${id}`, { content: '<p>Réécrit sur le site.</p>' });

    await copyDesk.puller.pull(copyDesk.siteId, { statuses: ['pending'], search: token });
    const copy = copyDesk.articles.get(copyDesk.articles.list(10)[0]!.id);
    expect(bodyText(copy.body)).toBe('Réécrit sur le site.');
    expect(copy.status).toBe('in_copy_edit');
    expect(copyDesk.sync.publications(copy.id)[0]!.message).toMatch(/edited on the site/);
    for (const desk of [reporter, copyDesk]) desk.close();
  });

  it('blocks publishing while suggestions or open comments remain; once settled the live page has no review markup', async () => {
    const desk = connectedDesk();
    const token = `live${Math.random().toString(36).slice(2, 8)}`;
    const { article, thread } = underReview(desk, token);
    setStatus(desk, article.id, 'published');
    expect(() => desk.sync.enqueue(article.id, desk.siteId, 'review', { acceptWarnings: true })).toThrow(
      /suggestions_remain.*unresolved_comments|unresolved_comments.*suggestions_remain/,
    );
    expect(() => desk.sync.enqueue(article.id, desk.siteId, 'publish', { acceptWarnings: true })).toThrow(
      /suggestions_remain/,
    );
    expect(desk.outbox.ofArticle(article.id)).toEqual([]);

    // Suggestion accepted, thread resolved: it goes out, and readers get clean HTML and no review state.
    desk.write(article.id, {
      body: paragraphs('Le conseil municipal a adopté le budget.', 'Deuxième paragraphe 🚢.'),
    });
    desk.threads.resolve(thread.id);
    await send(desk, article.id);
    const id = remoteId(desk, article.id);
    const post = await wpAdmin<Post>('GET', `wp/v2/posts/${id}?context=edit`);
    expect(post.status).toBe('publish');
    expect((post.meta as Record<string, string>).redac_review).toBe('');
    const page = await (await fetch(`${wordpressSite().url}/?p=${id}`)).text();
    expect(page).toContain('a adopté le budget');
    expect(page).not.toMatch(/data-thread-id|data-suggestion|comment-anchor|redac_review|Quel conseil/);
    desk.close();
  });

  it('maps each workflow status to the site, and clears the review state once readers can see the post', async () => {
    const desk = connectedDesk();
    const token = `map${Math.random().toString(36).slice(2, 8)}`;
    const article = reportersArticle(desk, token);
    const seen: [string, string, string][] = [];
    for (const status of ['draft', 'approved', 'published', 'spiked'] as const) {
      setStatus(desk, article.id, status);
      await send(desk, article.id);
      const post = await wpAdmin<Post>('GET', `wp/v2/posts/${remoteId(desk, article.id)}?context=edit`);
      const meta = (post.meta as Record<string, string>).redac_review ?? '(none)';
      seen.push([status, post.status, meta === '' ? 'cleared' : meta.startsWith('{') ? 'carried' : meta]);
      if (status === 'published') {
        // Readers see the clean page and no review state at all.
        const open = (await (
          await fetch(`${wordpressSite().url}/wp-json/wp/v2/posts/${post.id}`)
        ).json()) as Post;
        expect(JSON.stringify(open.meta ?? {})).not.toContain('reviewState');
        expect(open.content.rendered).toContain('Le conseil municipal');
      }
    }
    expect(seen).toEqual([
      ['draft', 'draft', 'carried'],
      ['approved', 'pending', 'carried'],
      ['published', 'publish', 'cleared'],
      ['spiked', 'trash', 'cleared'],
    ]);
    desk.close();
  });

  it('refuses to send for review to a site without the plugin, with a clear message, writing nothing', async () => {
    const plugin = join(wordpressStateDir(), 'wp-content', 'mu-plugins', 'redac-review.php');
    const aside = `${plugin}.aside`;
    const desk = connectedDesk();
    const token = `noplugin${Math.random().toString(36).slice(2, 8)}`;
    const article = reportersArticle(desk, token);
    setStatus(desk, article.id, 'submitted');
    renameSync(plugin, aside);
    try {
      await send(desk, article.id);
    } finally {
      if (existsSync(aside)) renameSync(aside, plugin);
    }
    const [item] = desk.outbox.ofArticle(article.id);
    expect(item).toMatchObject({ status: 'failed' });
    expect(item!.lastError).toMatch(/Redac review plugin is not installed/);
    const found = await wpAdmin<unknown[]>(
      'GET',
      `wp/v2/posts?search=${token}&status=draft,pending&context=edit`,
    );
    expect(found).toEqual([]);
    desk.close();
  });
});
