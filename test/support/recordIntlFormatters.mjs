// Preloaded into a `lotsen` child (NODE_OPTIONS=--import) by test/main/cli/lazyLoading.test.ts: notes each number or
// date formatter and each collator the process makes through ICU (the first of each kind takes ms to tens of ms to
// start, issue 17) with the place that made it, and writes them to the file LOTSEN_TEST_INTL_FILE names when the
// process ends.
import { writeFileSync } from 'node:fs';

const made = [];
const note = (what) =>
  made.push(`${what} ${new Error().stack.split('\n')[3]?.trim() ?? 'at an unknown place'}`);

for (const name of ['NumberFormat', 'DateTimeFormat', 'Collator']) {
  const Original = Intl[name];
  Intl[name] = new Proxy(Original, {
    construct: (target, args) => (note(`Intl.${name}`), new target(...args)),
    apply: (target, self, args) => (note(`Intl.${name}`), target(...args)),
  });
}
for (const [owner, method] of [
  [Number.prototype, 'toLocaleString'],
  [Date.prototype, 'toLocaleString'],
  [Date.prototype, 'toLocaleDateString'],
  [Date.prototype, 'toLocaleTimeString'],
]) {
  const original = owner[method];
  owner[method] = function (...args) {
    note(`${owner === Number.prototype ? 'Number' : 'Date'}.${method}`);
    return original.apply(this, args);
  };
}

process.on('exit', () => writeFileSync(process.env.LOTSEN_TEST_INTL_FILE, made.join('\n')));
