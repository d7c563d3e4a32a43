// `npm run bench [-- --only NAME] [-- --size N]`: runs tests/bench/*.bench.ts and prints each figure with its
// same-run baseline and ratio. Exits 1 when a figure misses its target, so a regression is visible.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Bench } from './support/bench';
import { formatFigure, targetMet, type Figure } from './support/figures';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, size: { type: 'string' } } });
  const size = values.size === undefined ? undefined : Number(values.size);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const figures: Figure[] = [];
  for (const file of files) {
    const bench = ((await import(pathToFileURL(join(__dirname, file)).href)) as { default: Bench }).default;
    if (values.only && !bench.name.includes(values.only)) continue;
    const workDir = mkdtempSync(join(tmpdir(), `redac-bench-${bench.name}-`));
    console.log(`\n# ${bench.name}`);
    try {
      await bench.run({
        size,
        workDir,
        log: (message) => console.log(`  ${message}`),
        report: (figure) => {
          figures.push(figure);
          console.log(`  ${formatFigure(figure)}`);
        },
      });
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  }
  const missed = figures.filter((f) => targetMet(f) === false);
  console.log(`\n${figures.length} figures, ${missed.length} target(s) missed`);
  process.exit(missed.length > 0 ? 1 : 0);
}

void main();
