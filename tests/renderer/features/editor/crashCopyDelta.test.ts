import { expect, it } from 'vitest';
import { ArticleFields, type BodyDoc, type PmNode } from '../../../../src/shared/domain/article';
import {
  applyBodyOps,
  baseFingerprint,
  bodyFingerprint,
  bodyOps,
  deltaBase,
} from '../../../../src/renderer/features/editor/crashCopyDelta';

/** Blocks as ProseMirror writes them (key order included): attributes, marks with attributes. */
const block = (text: string, i = 0): PmNode => ({
  type: i % 3 === 2 ? 'heading' : 'paragraph',
  attrs: i % 3 === 2 ? { level: 2, dir: null } : { dir: i % 2 ? 'rtl' : null },
  content: [
    { type: 'text', text: `${text} ` },
    {
      type: 'text',
      marks: [{ type: 'link', attrs: { href: 'https://example.org/', target: null } }, { type: 'bold' }],
      text: 'lien',
    },
  ],
});
const doc = (blocks: PmNode[]): BodyDoc => ({ type: 'doc', content: blocks });
const stored = (body: BodyDoc): BodyDoc => ArticleFields.shape.body.parse(JSON.parse(JSON.stringify(body)));

it('writes a typed-in body as runs of the stored one plus the changed blocks, and rebuilds it exactly', () => {
  const blocks = Array.from({ length: 200 }, (_, i) => block(`Paragraphe ${i}`, i));
  const saved = doc(blocks);
  const base = deltaBase(7, saved);
  // Typing changed block 10, Enter split block 50 into two, block 120 was deleted.
  const typed = doc([
    ...blocks.slice(0, 10),
    block('Paragraphe 10, suite tapée'),
    ...blocks.slice(11, 50),
    block('Paragraphe 50 avant'),
    block('après'),
    ...blocks.slice(51, 120),
    ...blocks.slice(121),
  ]);

  const ops = bodyOps(typed, base);
  expect(ops.filter((op) => !Array.isArray(op))).toHaveLength(3);
  expect(ops).toHaveLength(7);
  expect(JSON.stringify(ops).length).toBeLessThan(JSON.stringify(typed).length / 20);
  // Rebuilt on the body as the store gives it back (parsed, checked, new objects).
  const back = stored(saved);
  expect(bodyFingerprint(back)).toBe(baseFingerprint(base));
  expect(applyBodyOps(JSON.parse(JSON.stringify(ops)), back)).toEqual(typed.content);
});

it('finds the blocks of a body opened from the store by their content, not only by object', () => {
  const opened = stored(doc(Array.from({ length: 30 }, (_, i) => block(`Texte ${i}`, i))));
  const base = deltaBase(3, opened);
  // The editor's JSON of the same article: equal blocks, other objects.
  const editor = doc([...JSON.parse(JSON.stringify(opened.content)), block('Nouveau')] as PmNode[]);
  expect(bodyOps(editor, base)).toEqual([[0, 30], block('Nouveau')]);
});

it('tells another body from the one a copy was written on', () => {
  const a = doc([block('Un'), block('Deux')]);
  const b = doc([block('Un'), block('Deux modifié')]);
  expect(bodyFingerprint(stored(a))).toBe(bodyFingerprint(a));
  expect(bodyFingerprint(b)).not.toBe(bodyFingerprint(a));
  expect(bodyFingerprint(doc([block('Un')]))).not.toBe(bodyFingerprint(a));
});

it('refuses operations that do not fit the body (a damaged or foreign copy)', () => {
  const base = doc([block('Un'), block('Deux')]);
  expect(applyBodyOps([[0, 3]], base)).toBeUndefined();
  expect(applyBodyOps([[1, 1]], base)).toBeUndefined();
  expect(applyBodyOps([[-1, 1]], base)).toBeUndefined();
  expect(applyBodyOps([['0', 1]], base)).toBeUndefined();
  expect(applyBodyOps([42], base)).toBeUndefined();
  expect(applyBodyOps({}, base)).toBeUndefined();
  expect(applyBodyOps([[0, 2], block('Trois')], base)).toEqual([block('Un'), block('Deux'), block('Trois')]);
});
