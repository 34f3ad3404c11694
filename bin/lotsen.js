#!/usr/bin/env node
// The `lotsen` command. The TypeScript sources are built to dist/ by `npm run build` (run by `npm ci` too).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/lotsen.mjs', import.meta.url);
if (!existsSync(entry)) {
  console.error('lotsen: this checkout is not built yet; run `npm run build` (or `npm ci`) first.');
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
