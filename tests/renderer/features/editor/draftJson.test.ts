import { expect, it } from 'vitest';
import { emptyFields } from '../../../../src/main/articles/articleService';
import type { BodyDoc } from '../../../../src/shared/domain/article';
import { stringifyWithBody } from '../../../../src/renderer/features/editor/draftJson';
import { stringifyWithBodies } from '../../../../src/renderer/transport/bodyJsonText';

const body = (texts: string[]): BodyDoc => ({
  type: 'doc',
  content: texts.map((text, i) => ({
    type: 'paragraph',
    attrs: { dir: i % 2 ? 'rtl' : null },
    content: [{ type: 'text', text, marks: i % 3 ? [] : [{ type: 'bold' }] }],
  })),
});

it('writes exactly what JSON.stringify writes, for any body and fields', () => {
  const entries = [
    {
      id: 'a',
      baseRevision: 3,
      at: 5,
      draft: {
        ...emptyFields('fr'),
        headline: 'Titre « ici »',
        body: body(['Un "deux"', 'قال المتحدث', '\u2028 😀 \\ fin']),
      },
    },
    { id: 'b', baseRevision: 1, at: 6, draft: { ...emptyFields('ar'), body: { type: 'doc' as const } } },
    {
      id: 'c',
      baseRevision: 1,
      at: 7,
      draft: { ...emptyFields('fr'), body: { type: 'doc' as const, content: [] } },
    },
  ];
  entries.push({ ...entries[0]!, draft: { ...entries[0]!.draft, kicker: '\u0000body\u0000' } });
  for (const entry of entries) expect(stringifyWithBody(entry)).toBe(JSON.stringify(entry));
});

it('reuses the text of unchanged blocks and follows the changed ones', () => {
  const first = body(['un', 'deux', 'trois']);
  const entry = { id: 'a', baseRevision: 1, at: 1, draft: { ...emptyFields('fr'), body: first } };
  expect(stringifyWithBody(entry)).toBe(JSON.stringify(entry));
  const changed = {
    ...first,
    content: [
      first.content![0]!,
      { type: 'paragraph', content: [{ type: 'text', text: 'DEUX' }] },
      first.content![2]!,
    ],
  };
  const next = { ...entry, draft: { ...entry.draft, body: changed } };
  expect(stringifyWithBody(next)).toBe(JSON.stringify(next));
});

it('writes a save input (the body under fields) exactly as JSON.stringify does', () => {
  const input = {
    id: 'a',
    baseRevision: 2,
    fields: { ...emptyFields('fr'), standfirst: 'Chapô', body: body(['un', 'deux « trois »']) },
  };
  expect(stringifyWithBodies(input)).toBe(JSON.stringify(input));
  expect(stringifyWithBodies({ id: 'x' })).toBe(JSON.stringify({ id: 'x' }));
  const tricky = { ...input, fields: { ...input.fields, kicker: '\u0000body\u0000' } };
  expect(stringifyWithBodies(tricky)).toBe(JSON.stringify(tricky));
});
