import { expect, test } from 'vitest';
import { progressLines } from '../../../main/cli/progressLines.ts';

/** A progress reporter driven by a clock the test moves: what it writes at each step. */
function reporterAt() {
  let clock = 10_000;
  const written: string[] = [];
  const report = progressLines(
    (text) => written.push(text),
    (done, total) => `Exporting: ${done} of ${total} rows`,
    { now: () => clock, everyMs: 1_000 },
  );
  return { written, report, advance: (ms: number) => (clock += ms) };
}

test('work done within the first second prints no progress at all', () => {
  const { written, report, advance } = reporterAt();
  for (let done = 0; done <= 10; done++) {
    report(done * 10_000, 100_000);
    advance(90);
  }
  expect(written).toEqual([]);
});

test('longer work prints a line once it has run a second, then at most one a second', () => {
  const { written, report, advance } = reporterAt();
  report(0, 100_000);
  advance(1_000);
  report(20_000, 100_000);
  advance(400);
  report(30_000, 100_000);
  advance(600);
  report(50_000, 100_000);
  advance(999);
  report(70_000, 100_000);
  expect(written).toEqual(['Exporting: 20000 of 100000 rows\n', 'Exporting: 50000 of 100000 rows\n']);
});
