// Preloaded into a `lotsen` child (NODE_OPTIONS=--import) by test/main/cli/lazyLoading.test.ts: when the process
// ends, writes the node_modules packages it loaded (CommonJS ones, as every native and heavy one here is, whether
// imported or required: they all land in the one CommonJS module cache) to the file LOTSEN_TEST_LOADED_FILE names.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const moduleCache = createRequire(import.meta.url).cache;

process.on('exit', () => {
  const packages = new Set();
  for (const path of Object.keys(moduleCache)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path.replaceAll('\\', '/'));
    if (match) packages.add(match[1]);
  }
  writeFileSync(process.env.LOTSEN_TEST_LOADED_FILE, [...packages].sort().join('\n'));
});
