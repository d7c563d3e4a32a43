import { ensureWordpress } from '../../support/wordpress';

/** Playwright globalSetup: the publishing specs run against the real WordPress (scripts/wordpress/start.sh). */
export default function setup(): void {
  ensureWordpress();
}
