import { describe, expect, it } from 'vitest';
import { hasReviewMarks, withoutReview } from '../../../src/shared/text/reviewFreeBody';
import { canonicalJson } from '../../../src/shared/text/canonicalJson';

const by = {
  id: '5b2d1a8e-0c7e-4c4e-9a57-3f1f5f0b7a11',
  authorId: '5b2d1a8e-0c7e-4c4e-9a57-3f1f5f0b7a12',
  authorName: 'Nadia',
  authorColour: '#aa3300',
  at: 1,
};

describe('the body a reader sees', () => {
  it('drops comment anchors and pending suggestions as if rejected, keeping every other mark', () => {
    const body = {
      type: 'doc' as const,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Le conseil ', marks: [{ type: 'comment', attrs: { threadId: 'x' } }] },
            {
              type: 'text',
              text: 'a voté',
              marks: [{ type: 'suggestionDelete', attrs: by }, { type: 'bold' }],
            },
            { type: 'text', text: 'a adopté', marks: [{ type: 'suggestionInsert', attrs: by }] },
            { type: 'text', text: ' le budget.', marks: [{ type: 'suggestionFormat', attrs: by }] },
          ],
        },
      ],
    };
    expect(hasReviewMarks(body)).toBe(true);
    const clean = withoutReview(body);
    expect(hasReviewMarks(clean)).toBe(false);
    expect(clean.content![0]!.content).toEqual([
      { type: 'text', text: 'Le conseil ' },
      { type: 'text', text: 'a voté', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' le budget.' },
    ]);
    // The document itself is left as it was.
    expect(body.content[0]!.content).toHaveLength(4);
  });

  it('returns a body without review marks unchanged', () => {
    const body = {
      type: 'doc' as const,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }] }],
    };
    expect(withoutReview(body)).toBe(body);
  });
});

describe('canonical JSON', () => {
  it('gives the same bytes whatever order keys were built in, and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'é' }, u: undefined })).toBe(
      '{"a":{"c":"é","d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });
});
