// Prints one closing line for the whole `npm test` run, from the JSON reports Vitest and Playwright wrote:
// "Tests: N passed, N failed, N skipped". Missing reports count as failures, so a runner that crashed cannot pass.
import { readFileSync } from 'node:fs';

const read = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
};

let passed = 0;
let failed = 0;
let skipped = 0;

const vitest = read('reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  // A file that failed before any of its tests ran (an import error) has no failed test to count, so it counts once.
  const brokenFiles = (vitest.testResults ?? []).filter(
    (file) => file.status === 'failed' && !file.assertionResults?.some((test) => test.status === 'failed'),
  ).length;
  failed += vitest.numFailedTests + brokenFiles;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
} else {
  console.log('test-summary: no Vitest report (reports/vitest.json)');
  failed += 1;
}

const playwright = read('reports/playwright.json');
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
} else {
  console.log('test-summary: no Playwright report (reports/playwright.json)');
  failed += 1;
}

console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
