// The closing line of `npm test`: the unit and browser suites' counts added up, as 'N passed, N failed'.
import { readFileSync } from 'node:fs';

const read = (file) => JSON.parse(readFileSync(new URL(`../.tmp/${file}`, import.meta.url), 'utf8'));
const unit = read('vitest.json');
const e2e = read('playwright.json').stats;
const passed = unit.numPassedTests + e2e.expected;
const failed = unit.numFailedTests + e2e.unexpected + e2e.flaky;
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.skipped;
console.log(`unit ${unit.numPassedTests} passed; browser ${e2e.expected} passed, ${e2e.skipped} skipped`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
