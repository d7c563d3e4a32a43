import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/shared/text/canonicalJson';

describe('canonical JSON', () => {
  it('gives the same bytes whatever order keys were built in, and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'é' }, u: undefined })).toBe(
      '{"a":{"c":"é","d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });
});
