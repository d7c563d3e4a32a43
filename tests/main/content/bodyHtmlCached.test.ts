import { generateHTML } from '@tiptap/html/server';
import { describe, expect, it } from 'vitest';
import { bodyToHtml } from '../../../src/main/content/bodyHtml';
import type { BodyDoc } from '../../../src/shared/domain/article';
import { bodyExtensions } from '../../../src/shared/editor/bodyExtensions';

const docs: BodyDoc[] = [
  { type: 'doc', content: [{ type: 'paragraph' }] },
  {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Inter « titre » & <b>' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Du ' },
          { type: 'text', marks: [{ type: 'bold' }, { type: 'italic' }], text: 'gras' },
          { type: 'hardBreak' },
          { type: 'text', text: 'مرحبا  \u00a0x\u202f😀' },
        ],
      },
    ],
  },
];

describe('bodyToHtml with its window and serializer built once', () => {
  it('gives exactly what @tiptap/html’s generateHTML gives, call after call', () => {
    for (let round = 0; round < 3; round++)
      for (const doc of docs) expect(bodyToHtml(doc)).toBe(generateHTML(doc, bodyExtensions));
  });
});
