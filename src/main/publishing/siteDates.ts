import { wallTimeIn, type SiteZone } from '../../shared/time/zonedTime';
import { wpDateGmt } from './mapping';

/**
 * A post's date in the site's terms. WordPress reads `date` (the site's wall clock) before `date_gmt` when both
 * are sent, so `date` must be right in the site's zone: both are sent, consistent, and the answer's date_gmt is
 * checked against what was meant (a zone changed on the site since we cached it shows up there).
 */
export function postDates(zone: SiteZone, epochMs: number): { date: string; date_gmt: string } {
  return { date: wallTimeIn(zone, epochMs), date_gmt: wpDateGmt(epochMs) };
}
