#!/usr/bin/env node
// The `lotsen` command. The TypeScript sources are built to dist/ by `npm run build` (run by `npm ci` too).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/lotsen.mjs', import.meta.url);
if (!existsSync(entry)) {
  console.error('lotsen: this checkout is not built yet; run `npm run build` (or `npm ci`) first.');
  process.exit(1);
}
// A reader that stops early (`lotsen audit list | head`) closes the pipe: stop quietly, as other command-line tools
// do, rather than with a stack trace for something that went as the person wanted.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
