import { describe, expect, it } from 'vitest';
import { instantOfWallTime, wallTimeIn, zoneLabel } from '../../../src/shared/time/zonedTime';

const paris = { name: 'Europe/Paris', gmtOffset: 1 };
const at = (iso: string): number => Date.parse(iso);

describe('times in a site’s zone', () => {
  it('gives the wall time in winter and in summer', () => {
    expect(wallTimeIn(paris, at('2027-01-15T17:00:00Z'))).toBe('2027-01-15T18:00:00');
    expect(wallTimeIn(paris, at('2027-07-14T20:00:00Z'))).toBe('2027-07-14T22:00:00');
  });

  it('crosses the daylight-saving changes the way the site does', () => {
    // 28 March 2027: 02:00 CET becomes 03:00 CEST.
    expect(wallTimeIn(paris, at('2027-03-28T00:59:00Z'))).toBe('2027-03-28T01:59:00');
    expect(wallTimeIn(paris, at('2027-03-28T01:00:00Z'))).toBe('2027-03-28T03:00:00');
    expect(instantOfWallTime(paris, '2027-03-28T03:30')).toBe(at('2027-03-28T01:30:00Z'));
    // A time the clocks skip is read with the offset before the change: 02:30 is 03:30 summer time.
    expect(instantOfWallTime(paris, '2027-03-28T02:30')).toBe(at('2027-03-28T01:30:00Z'));
    // 31 October 2027: 03:00 CEST becomes 02:00 CET; the repeated 02:30 is taken the first time.
    expect(instantOfWallTime(paris, '2027-10-31T02:30')).toBe(at('2027-10-31T00:30:00Z'));
    expect(instantOfWallTime(paris, '2027-10-31T03:30')).toBe(at('2027-10-31T02:30:00Z'));
    for (const iso of ['2027-03-28T01:30:00Z', '2027-10-31T00:30:00Z', '2027-10-31T01:30:00Z']) {
      const back = instantOfWallTime(paris, wallTimeIn(paris, at(iso)));
      // The repeated hour reads back as its first occurrence; every other time reads back exactly.
      expect(iso === '2027-10-31T01:30:00Z' ? back + 3600_000 : back).toBe(at(iso));
    }
  });

  it('uses a fixed offset when the site names no zone', () => {
    const kolkata = { name: '', gmtOffset: 5.5 };
    expect(zoneLabel(kolkata)).toBe('UTC+05:30');
    expect(zoneLabel({ name: '', gmtOffset: -3 })).toBe('UTC-03:00');
    expect(zoneLabel(paris)).toBe('Europe/Paris');
    expect(wallTimeIn(kolkata, at('2027-01-15T12:00:00Z'))).toBe('2027-01-15T17:30:00');
    expect(instantOfWallTime(kolkata, '2027-01-15T17:30')).toBe(at('2027-01-15T12:00:00Z'));
  });
});
