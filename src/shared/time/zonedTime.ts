/**
 * Wall-clock times in a site's time zone, without a time-zone library: Intl knows the IANA zones and their
 * daylight-saving rules. A WordPress site names its zone (timezone_string, e.g. "Europe/Paris") or only gives a
 * fixed offset in hours (gmt_offset, e.g. 5.5) when set to "UTC+5:30".
 */
export interface SiteZone {
  /** IANA name, '' when the site only has a fixed offset. */
  name: string;
  /** Hours east of UTC as the site reports it now (may be fractional). */
  gmtOffset: number;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The zone as a person reads it: "Europe/Paris", or "UTC+05:30" for a fixed offset. */
export function zoneLabel(zone: SiteZone): string {
  if (zone.name) return zone.name;
  const minutes = Math.round(zone.gmtOffset * 60);
  const sign = minutes < 0 ? '-' : '+';
  return `UTC${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(zoneName: string, epochMs: number): Record<string, number> {
  let f = formatters.get(zoneName);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zoneName,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zoneName, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(epochMs))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Minutes east of UTC in the zone at that instant (DST included for named zones). */
export function offsetMinutesAt(zone: SiteZone, epochMs: number): number {
  if (!zone.name) return Math.round(zone.gmtOffset * 60);
  const p = partsIn(zone.name, epochMs);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/** The wall time in the zone, as "YYYY-MM-DDTHH:mm:ss" (WordPress's `date` format, no zone suffix). */
export function wallTimeIn(zone: SiteZone, epochMs: number): string {
  const shifted = new Date(epochMs + offsetMinutesAt(zone, epochMs) * 60_000);
  return shifted.toISOString().slice(0, 19);
}

/**
 * The instant a wall time in the zone names ("YYYY-MM-DDTHH:mm" or with seconds). In the hour skipped when
 * clocks go forward, the time is read with the offset before the change (02:30 becomes 03:30); in the hour
 * repeated when they go back, the first (summer) occurrence is taken.
 */
export function instantOfWallTime(zone: SiteZone, wall: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall);
  if (!m) throw new RangeError(`Not a date and time: ${wall}`);
  const asUtc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  // Try the offsets in force a day either side: one of them (or, in a gap, neither) maps back to this wall time.
  const before = offsetMinutesAt(zone, asUtc - 86_400_000);
  const after = offsetMinutesAt(zone, asUtc + 86_400_000);
  for (const offset of before >= after ? [before, after] : [after, before]) {
    const candidate = asUtc - offset * 60_000;
    if (offsetMinutesAt(zone, candidate) === offset) return candidate;
  }
  return asUtc - before * 60_000;
}
