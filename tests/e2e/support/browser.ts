import { existsSync } from 'node:fs';

/** Debian's Chromium when it is installed (CI, these machines); otherwise Playwright's own download. */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.REDAC_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => !!path && existsSync(path));
}
