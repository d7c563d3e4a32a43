import { describe, expect, it } from 'vitest';
import { decodeBlock, encodeBlock } from '../../../src/main/revisions/blockCodec';

const paragraph = (text: string, marks?: { type: string }[]) =>
  JSON.stringify({ type: 'paragraph', content: [{ type: 'text', ...(marks ? { marks } : {}), text }] });

describe('the revision block codec', () => {
  it('keeps a French or Arabic paragraph in about half its bytes and gives back the exact JSON', () => {
    for (const json of [
      paragraph('Les syndicats de la SNCF réclament une hausse des salaires et une prime pour les agents.'),
      paragraph('أعلنت الحكومة في بيان عن خطة جديدة لدعم الصحافة المستقلة في البلاد.', [{ type: 'bold' }]),
    ]) {
      const stored = encodeBlock(json);
      expect(Buffer.isBuffer(stored)).toBe(true);
      expect((stored as Buffer).length).toBeLessThan(Buffer.byteLength(json) * 0.75);
      expect(decodeBlock(stored)).toBe(json);
    }
  });

  it('keeps as text what would not shrink, and reads the text blocks older stores hold', () => {
    expect(encodeBlock('{}')).toBe('{}');
    expect(decodeBlock(paragraph('Écrit avant.'))).toBe(paragraph('Écrit avant.'));
  });

  it('refuses a block in a format it does not know, rather than reading garbage', () => {
    expect(() => decodeBlock(Buffer.of(9, 1, 2, 3))).toThrow(/unknown format/);
  });
});
