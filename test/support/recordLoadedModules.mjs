// Preloaded into a `lotsen` child (NODE_OPTIONS=--import) by test/main/cli/loadedModules.test.ts: registers a module
// hook that writes each ES module file the process loads, one URL a line, to the file LOTSEN_TEST_MODULES_FILE names.
import { register } from 'node:module';

register('./recordLoadedModulesHooks.mjs', import.meta.url, {
  data: { file: process.env.LOTSEN_TEST_MODULES_FILE },
});
