import { describe, expect, it } from 'vitest';
import { emptyFields } from '../../../src/main/articles/articleService';
import { startCore } from '../../../src/main/core/startCore';
import { bodyToHtml, htmlToBody } from '../../../src/main/content/bodyHtml';
import { articleHtml } from '../../../src/main/publishing/articleHtml';
import type { BodyDoc } from '../../../src/shared/domain/article';
import { bodyProblem } from '../../../src/shared/editor/bodySchema';
import { hasSuggestions, publishableBody } from '../../../src/shared/editor/reviewMarks';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

const THREAD = '0b7e3c1a-2d4f-4e8a-9b1c-5d6e7f8a9b0c';
const OTHER_THREAD = '1c8f4d2b-3e5a-4f9b-8c2d-6e7f8a9b0c1d';
const AUTHOR = {
  id: '4a1b2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  authorId: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
  authorName: 'Nadia Ouali',
  authorColour: '#8250df',
  at: 1_764_000_000_000,
};
const data = (extra = '') =>
  `data-suggestion-id="${AUTHOR.id}" data-suggestion-author-id="${AUTHOR.authorId}" data-suggestion-author-name="${AUTHOR.authorName}" data-suggestion-author-colour="${AUTHOR.authorColour}" data-suggestion-at="${AUTHOR.at}"${extra}`;

describe('review marks in HTML', () => {
  it('round-trips comment anchors, overlapping threads and every suggestion mark', () => {
    const html =
      `<p dir="auto">Le <span data-thread-id="${THREAD}" class="comment-anchor">maire ` +
      `<span data-thread-id="${OTHER_THREAD}" class="comment-anchor">a dit</span></span>` +
      ` <del ${data()} class="suggestion suggestion-delete">hier</del>` +
      `<ins ${data()} class="suggestion suggestion-insert">mardi</ins> ` +
      `<span ${data(` data-suggestion-added="[&quot;bold&quot;]" data-suggestion-removed="[]"`)} data-suggestion-format="" class="suggestion suggestion-format"><strong>oui</strong></span></p>`;
    const body = htmlToBody(html);
    expect(bodyProblem(body)).toBeUndefined();
    expect(bodyToHtml(body)).toBe(html);
    const marks = (body.content?.[0]?.content ?? []).map((n) => (n.marks ?? []).map((m) => m.type));
    expect(marks).toEqual([
      [],
      ['comment'],
      ['comment', 'comment'],
      [],
      ['suggestionDelete'],
      ['suggestionInsert'],
      [],
      ['suggestionFormat', 'bold'],
    ]);
    expect(body.content?.[0]?.content?.[4]?.marks?.[0]?.attrs).toEqual({ ...AUTHOR });
  });

  it('still reads plain <del>, <s>, <ins> and <u> as strikethrough and underline, not suggestions', () => {
    const body = htmlToBody('<p><del>a</del> <s>b</s> <u>c</u> <ins>d</ins></p>');
    const marks = (body.content?.[0]?.content ?? []).map((n) => (n.marks ?? []).map((m) => m.type));
    expect(marks[0]).toEqual(['strike']);
    expect(marks[2]).toEqual(['strike']);
    expect(marks[4]).toEqual(['underline']);
    expect(hasSuggestions(body)).toBe(false);
  });

  it('refuses a suggestion that lost its author or a comment mark without a thread', () => {
    const bad: BodyDoc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'x', marks: [{ type: 'suggestionInsert', attrs: { id: 'nope' } }] },
          ],
        },
      ],
    };
    expect(bodyProblem(bad)).toMatch(/suggestion/);
    const noThread: BodyDoc = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'comment' }] }] }],
    };
    expect(bodyProblem(noThread)).toMatch(/comment/);
  });
});

describe('published HTML', () => {
  it('carries no review markup: anchors dropped, suggestions not taken, formatting put back', () => {
    const body = htmlToBody(
      `<p>Le <span data-thread-id="${THREAD}">maire</span> a dit <del ${data()}>hier</del><ins ${data()}>mardi</ins> ` +
        `<span ${data(` data-suggestion-added="[&quot;bold&quot;]" data-suggestion-removed="[&quot;italic&quot;]"`)} data-suggestion-format=""><strong>oui</strong></span>.</p>`,
    );
    expect(hasSuggestions(body)).toBe(true);
    const { bodyHtml } = articleHtml({ headline: 'Titre', standfirst: '', body, language: 'fr' });
    expect(bodyHtml).toBe('<p dir="auto">Le maire a dit hier <em>oui</em>.</p>');
    expect(bodyHtml).not.toMatch(/data-thread|data-suggestion|<ins|<del|comment-anchor/);
    expect(hasSuggestions(publishableBody(body))).toBe(false);
  });
});

describe('structural and link suggestions', () => {
  const block = (facets: object) => JSON.stringify({ ...AUTHOR, ...facets }).replace(/"/g, '&quot;');
  const html =
    `<p dir="auto">Avant.</p>` +
    `<h2 dir="auto" data-block-suggestion="${block({ was: { type: 'paragraph', attrs: { dir: null }, path: [] } })}" data-suggestion-author-id="${AUTHOR.authorId}" class="suggestion-block suggestion-reshaped">Intertitre</h2>` +
    `<ul dir="auto"><li><p dir="auto" data-block-suggestion="${block({ was: { type: 'paragraph', attrs: { dir: null }, path: [] } })}" data-suggestion-author-id="${AUTHOR.authorId}" class="suggestion-block suggestion-reshaped">Point</p></li></ul>` +
    `<p dir="auto">Le maire de Ly</p>` +
    `<p dir="auto" data-block-suggestion="${block({ split: true })}" data-suggestion-author-id="${AUTHOR.authorId}" class="suggestion-block suggestion-split">on a parlé <span ${data(` data-suggestion-added="[]" data-suggestion-removed="[]" data-suggestion-link="${JSON.stringify({ before: { href: 'https://example.org/old' }, after: { href: 'https://example.org/new' } }).replace(/"/g, '&quot;')}"`)} data-suggestion-format="" class="suggestion suggestion-format"><a href="https://example.org/new" rel="noopener noreferrer nofollow">hier</a></span>.</p>` +
    `<p dir="auto" data-block-suggestion="${block({ join: true })}" data-suggestion-author-id="${AUTHOR.authorId}" class="suggestion-block suggestion-join">Fin.</p>`;

  it('round-trip through HTML with their author, time and former shape', () => {
    const body = htmlToBody(html);
    expect(bodyProblem(body)).toBeUndefined();
    expect(hasSuggestions(body)).toBe(true);
    const heading = body.content?.[1];
    expect(heading?.attrs?.suggestion).toEqual({
      ...AUTHOR,
      was: { type: 'paragraph', attrs: { dir: null }, path: [] },
    });
    expect(htmlToBody(bodyToHtml(body))).toEqual(body);
  });

  it('never reach the published HTML: the reader gets the blocks and links as they were', () => {
    const body = htmlToBody(html);
    const { bodyHtml } = articleHtml({ headline: 'Titre', standfirst: '', body, language: 'fr' });
    expect(bodyHtml).toBe(
      '<p dir="auto">Avant.</p><p dir="auto">Intertitre</p><p dir="auto">Point</p>' +
        '<p dir="auto">Le maire de Lyon a parlé <a rel="noopener noreferrer nofollow" href="https://example.org/old">hier</a>.</p>' +
        '<p dir="auto">Fin.</p>',
    );
    expect(bodyHtml).not.toMatch(/data-block-suggestion|data-suggestion|suggestion/);
    expect(hasSuggestions(publishableBody(body))).toBe(false);
  });

  it('a structural suggestion without its author is not a valid body', () => {
    const body = htmlToBody(html.replace(/&quot;authorId&quot;:&quot;[^&]+&quot;,/, ''));
    expect(body.content?.[1]?.attrs?.suggestion ?? null).toBeNull();
    const forged = structuredClone(htmlToBody(html));
    (forged.content![1]!.attrs as Record<string, unknown>).suggestion = { id: AUTHOR.id, split: true };
    expect(bodyProblem(forged)).toMatch(/structural suggestion/);
  });
});

describe('exports', () => {
  it('leave review markup behind, like the site', async () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const created = core.services.articles.create('fr');
    core.services.articles.save({
      id: created.id,
      baseRevision: created.revision,
      kind: 'explicit',
      fields: {
        ...emptyFields('fr'),
        headline: 'Export',
        body: htmlToBody(
          `<p>Le <span data-thread-id="${THREAD}">maire</span> <ins ${data()}>mardi</ins>.</p>`,
        ),
      },
    });
    for (const format of ['ninjs', 'html'] as const) {
      const { content } = await core.services.exporting.export({ ids: [created.id], format });
      expect(content).toContain('Le maire');
      expect(content).not.toMatch(/data-thread|data-suggestion|mardi/);
    }
    core.close();
  });
});
