import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToBody } from '../../../src/main/content/bodyHtml';
import { bodyProblem, bodySchema, schemaProblem } from '../../../src/shared/editor/bodySchema';
import { isSoundBody } from '../../../src/shared/editor/soundBody';
import { createArchive } from '../../bench/support/archive';

type Node = Record<string, unknown> & { content?: unknown };
const text = (t: string, marks?: unknown[]): Node => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const para = (...content: Node[]): Node => ({ type: 'paragraph', content });

/** Everything an article body commonly holds, in a sound arrangement. */
function richBody(): Node {
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2, dir: 'rtl' }, content: [text('عنوان فرعي')] },
      para(
        text('Le '),
        text('gouvernement', [{ type: 'bold' }, { type: 'italic' }]),
        text(' a annoncé '),
        text('ici', [{ type: 'link', attrs: { href: 'https://www.lemonde.fr/' } }]),
        { type: 'hardBreak' },
        text('suite'),
      ),
      { type: 'blockquote', content: [para(text('Une citation.'))] },
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [para(text('un'))] },
          {
            type: 'listItem',
            content: [
              para(text('deux')),
              { type: 'orderedList', content: [{ type: 'listItem', content: [para(text('a'))] }] },
            ],
          },
        ],
      },
      { type: 'horizontalRule' },
      {
        type: 'pullQuote',
        content: [
          { type: 'pullQuoteText', content: [text('Rien ne sera plus comme avant.', [{ type: 'italic' }])] },
          { type: 'pullQuoteAttribution', content: [text('Une élue')] },
        ],
      },
      para(),
    ],
  };
}

function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Every node object of a body, the root included, with the array that holds it. */
function nodesOf(root: Node): { node: Node; siblings: unknown[] | undefined }[] {
  const found: { node: Node; siblings: unknown[] | undefined }[] = [{ node: root, siblings: undefined }];
  for (let i = 0; i < found.length; i++) {
    const content = found[i]!.node.content;
    if (Array.isArray(content))
      for (const child of content)
        if (typeof child === 'object' && child !== null)
          found.push({ node: child as Node, siblings: content });
  }
  return found;
}

const pick = <T>(random: () => number, values: readonly T[]): T =>
  values[Math.floor(random() * values.length)]!;
const TYPES = [
  'video',
  'text',
  'paragraph',
  'heading',
  'image',
  'embed',
  'doc',
  'hardBreak',
  'listItem',
  'bulletList',
  'constructor',
  '__proto__',
  'pullQuote',
];
const MARKS: unknown[] = [
  { type: 'bold' },
  { type: 'italic' },
  { type: 'link', attrs: { href: 'https://x.fr/' } },
  { type: 'link', attrs: { href: 'javascript:alert(1)' } },
  { type: 'link' },
  { type: 'link', attrs: 'https://x.fr/' },
  { type: 'comment', attrs: { threadId: 'nope' } },
  { type: 'glow' },
  { type: 'toString' },
  'bold',
  null,
];
const VALUES: unknown[] = [undefined, null, '', 'x', 42, [], {}, 'rtl', 'xx'];

/** One random change anywhere in the body: what a broken export or a hand-edited file can hold. */
function mutate(body: Node, random: () => number): void {
  const { node, siblings } = pick(random, nodesOf(body));
  switch (Math.floor(random() * 9)) {
    case 0:
      node.type = pick(random, TYPES);
      break;
    case 1:
      node.content = pick(random, [
        undefined,
        [],
        'x',
        null,
        [para(text('p'))],
        [text('t')],
        [{ type: 'listItem', content: [para()] }],
      ]);
      break;
    case 2:
      node.text = pick(random, ['', 42, undefined, 'texte']);
      break;
    case 3:
      node.marks =
        random() < 0.2
          ? pick(random, VALUES)
          : [...(Array.isArray(node.marks) ? node.marks : []), pick(random, MARKS)];
      break;
    case 4:
      node.attrs =
        random() < 0.3
          ? pick(random, VALUES)
          : {
              ...(typeof node.attrs === 'object' ? node.attrs : {}),
              [pick(random, ['dir', 'suggestion', 'level', 'start', 'mediaId'])]: pick(random, VALUES),
            };
      break;
    case 5:
      if (siblings) siblings.splice(siblings.indexOf(node), 1);
      break;
    case 6:
      if (siblings)
        siblings.splice(
          Math.floor(random() * (siblings.length + 1)),
          0,
          pick(random, [
            text('x'),
            para(text('y')),
            { type: 'hardBreak' },
            { type: 'listItem', content: [para()] },
            { type: 'image', attrs: { mediaId: 'x' } },
          ]),
        );
      break;
    case 7:
      if (siblings) siblings.push(structuredClone(node));
      break;
    default:
      if (siblings) siblings[siblings.indexOf(node)] = pick(random, VALUES);
  }
}

function converted(): unknown[] {
  const dir = join(__dirname, '../../fixtures/paste');
  return readdirSync(dir).map((f) => htmlToBody(readFileSync(join(dir, f), 'utf8')));
}

describe('the quick body check', () => {
  const schema = bodySchema();

  it('vouches for the common body: headings, lists, quotes, marks, allowed links, and archive articles', () => {
    expect(isSoundBody(richBody(), schema)).toBe(true);
    const archive = createArchive(3);
    for (let i = 0; i < 200; i++) expect(isSoundBody(archive.article(i).body, schema)).toBe(true);
  });

  it('never vouches for a body the full check refuses, among thousands of broken ones', () => {
    const random = prng(11);
    let vouched = 0;
    let refused = 0;
    const seeds = [richBody, ...converted().map((b) => () => structuredClone(b) as Node)];
    for (let n = 0; n < 6000; n++) {
      const body = pick(random, seeds)();
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) mutate(body, random);
      const problem = schemaProblem(body);
      if (problem === undefined) {
        if (isSoundBody(body, schema)) vouched++;
      } else {
        refused++;
        expect(isSoundBody(body, schema), JSON.stringify(body)).toBe(false);
        // The reason the user reads is still the full check's.
        expect(bodyProblem(body)).toBe(problem);
      }
    }
    // Both kinds were tried in numbers: the property was not met by an empty sample.
    expect(refused).toBeGreaterThan(1000);
    expect(vouched).toBeGreaterThan(500);
  });

  it('says no rather than guess: images, review marks, a suggested block', () => {
    const image = { type: 'doc', content: [{ type: 'image', attrs: { mediaId: 'm' } }] };
    const comment = {
      type: 'doc',
      content: [para(text('x', [{ type: 'comment', attrs: { threadId: 't' } }]))],
    };
    const suggested = { type: 'doc', content: [{ type: 'paragraph', attrs: { suggestion: { kind: 'x' } } }] };
    for (const body of [image, comment, suggested]) expect(isSoundBody(body, schema)).toBe(false);
  });

  it('refuses marks where the parent allows none (the attribution of a pull quote)', () => {
    const quote = (marks?: unknown[]) => ({
      type: 'doc',
      content: [
        {
          type: 'pullQuote',
          content: [
            { type: 'pullQuoteText', content: [text('Citation')] },
            { type: 'pullQuoteAttribution', content: [text('Une élue', marks)] },
          ],
        },
      ],
    });
    expect(isSoundBody(quote(), schema)).toBe(true);
    expect(schemaProblem(quote([{ type: 'italic' }]))).toBeDefined();
    expect(isSoundBody(quote([{ type: 'italic' }]), schema)).toBe(false);
  });
});
