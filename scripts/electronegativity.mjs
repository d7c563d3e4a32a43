// Runs Electronegativity over src and fails on any finding nobody has reviewed. Its CLI exits 0 whatever it
// finds, so we read its SARIF report (its CSV does not escape quotes in code samples). Reviewed findings live in .electronegativity-reviewed.json with their reasons.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const reviewed = JSON.parse(readFileSync(join(root, '.electronegativity-reviewed.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'redac-eneg-'));
const report = join(dir, 'findings.sarif');

const bin = join(root, 'node_modules', '.bin', 'electronegativity');
const run = spawnSync(bin, ['-i', join(root, 'src'), '-o', report, '-e', electronVersion, '-v', 'false'], {
  encoding: 'utf8',
});
let text;
try {
  text = readFileSync(report, 'utf8');
} catch {
  console.error(`electronegativity produced no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** SARIF: one result per finding, with the rule and where it stands. */
const results = JSON.parse(text).runs?.[0]?.results ?? [];
const findings = results.map((r) => {
  const where = r.locations?.[0]?.physicalLocation;
  return {
    check: r.ruleId,
    severity: r.level,
    file: relative(root, where?.artifactLocation?.uri ?? ''),
    location: `${where?.region?.startLine ?? '?'}:${where?.region?.startColumn ?? '?'}`,
  };
});

const unreviewed = findings.filter((f) => !reviewed[`${f.check}@${f.file}`]);
const stale = Object.keys(reviewed).filter(
  (key) => key !== '//' && !findings.some((f) => `${f.check}@${f.file}` === key),
);

for (const f of findings) {
  const mark = reviewed[`${f.check}@${f.file}`] ? 'reviewed' : 'NEW';
  console.log(`electronegativity: ${mark} ${f.check} (${f.severity}) ${f.file}:${f.location}`);
}
for (const key of stale) console.log(`electronegativity: reviewed entry no longer found, remove it: ${key}`);
if (unreviewed.length > 0) {
  console.error(
    `electronegativity: ${unreviewed.length} finding(s) nobody has reviewed. Fix them, or add a reasoned entry to .electronegativity-reviewed.json.`,
  );
  process.exit(1);
}
console.log(`electronegativity: ${findings.length} finding(s), all reviewed.`);
