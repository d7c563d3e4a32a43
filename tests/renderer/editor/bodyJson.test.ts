import { expect, it } from 'vitest';
import { bodyJson } from '../../../src/renderer/editor/bodyJson';
import { bodySchema } from '../../../src/shared/editor/bodySchema';
import { compactBlockJson } from '../../../src/shared/editor/extensions/blockSuggestion';

const schema = bodySchema();

it('gives the same JSON as ProseMirror’s own (less empty block suggestions), for every kind of block and an empty body', () => {
  const doc = schema.nodeFromJSON({
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Partie 1' }] },
      {
        type: 'paragraph',
        attrs: { dir: 'rtl' },
        content: [
          { type: 'text', text: 'قال ' },
          { type: 'text', text: 'المتحدث', marks: [{ type: 'bold' }] },
        ],
      },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
      { type: 'horizontalRule' },
    ],
  });
  expect(bodyJson(doc)).toEqual(compactBlockJson(doc.toJSON()));
  const empty = schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph' }] });
  expect(bodyJson(empty)).toEqual(compactBlockJson(empty.toJSON()));
});

it('after a change, converts only the changed block and reflects it', () => {
  const before = schema.nodeFromJSON({
    type: 'doc',
    content: Array.from({ length: 50 }, (_, i) => ({
      type: 'paragraph',
      content: [{ type: 'text', text: `paragraphe ${i}` }],
    })),
  });
  const first = bodyJson(before);
  const after = before.copy(
    before.content.replaceChild(10, schema.nodes.paragraph!.create(null, schema.text('modifié'))),
  );
  const second = bodyJson(after);
  expect(second).toEqual(compactBlockJson(after.toJSON()));
  expect(second.content![0]).toBe(first.content![0]); // the unchanged block's JSON is reused
  expect(second.content![10]).not.toBe(first.content![10]);
  expect(first).toEqual(compactBlockJson(before.toJSON())); // the earlier draft is untouched
});
