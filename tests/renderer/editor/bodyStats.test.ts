import { expect, it } from 'vitest';
import { bodyFigures } from '../../../src/renderer/editor/bodyStats';
import { bodySchema } from '../../../src/shared/editor/bodySchema';

const doc = (...paragraphs: string[]) =>
  bodySchema().nodeFromJSON({
    type: 'doc',
    content: paragraphs.map((text) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })),
  });

it('counts the body’s words, characters and reading time across blocks', () => {
  expect(bodyFigures(doc('L’abstention recule.', 'قال المتحدث', ''))).toEqual({
    words: 4,
    characters: 31,
    minutes: 1,
  });
  const long = doc(...Array.from({ length: 230 * 3 }, () => 'mot'));
  expect(bodyFigures(long)).toMatchObject({ words: 690, minutes: 3 });
});

it('recounts only the blocks a change touched (unchanged blocks are the same nodes)', () => {
  const before = doc(...Array.from({ length: 2000 }, (_, i) => `paragraphe numéro ${i} du texte`));
  bodyFigures(before);
  const replacement = bodySchema().nodes.paragraph!.create(null, bodySchema().text('x'));
  const after = before.copy(before.content.replaceChild(1000, replacement));
  // Unchanged blocks are shared between the two documents: the per-block figures are keyed on them.
  expect(after.child(0)).toBe(before.child(0));
  expect(bodyFigures(after).words).toBe(2000 * 5 - 5 + 1);
});
