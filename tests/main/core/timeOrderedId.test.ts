import { describe, expect, it } from 'vitest';
import { timeOrderedId } from '../../../src/main/core/timeOrderedId';
import { ArticleId } from '../../../src/shared/domain/article';

describe('time-ordered article ids', () => {
  it('are version 7 UUIDs the contract accepts', () => {
    const id = timeOrderedId();
    expect(ArticleId.safeParse(id).success).toBe(true);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const before = Date.now();
    const made = parseInt(timeOrderedId().replace(/-/g, '').slice(0, 12), 16);
    expect(made).toBeGreaterThanOrEqual(before);
    expect(made).toBeLessThanOrEqual(Date.now() + 5000); // sequence overflow may borrow a few ms ahead
  });

  it('sort as text in the order they were made, within a millisecond and when the clock steps back', () => {
    const at = Date.UTC(2026, 10, 30, 1, 0, 0);
    const ids = [
      ...Array.from({ length: 5000 }, () => timeOrderedId(at)), // more than the 4,096 of one millisecond
      timeOrderedId(at - 60_000), // the clock stepped back a minute
      timeOrderedId(at + 1),
      ...Array.from({ length: 100 }, () => timeOrderedId()),
    ];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
