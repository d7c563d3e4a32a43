import { ensureWordpress } from './wordpress';

/** vitest globalSetup: the sync tests need the real WordPress; start it once before any file runs. */
export default function setup(): void {
  const url = ensureWordpress();
  console.log(`[wordpress] ${url} (state in ${process.env.REDAC_WP_STATE_DIR || '/tmp/redac-wp'})`);
}
