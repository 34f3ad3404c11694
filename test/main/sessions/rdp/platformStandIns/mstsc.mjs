#!/usr/bin/env node
// Stands in for mstsc.exe (and macOS's `open -W -a …`) in platformRdp.test.ts: records its argv, the .rdp file it was
// given as it was then, and the credentials stored at its start, in calls.jsonl; then runs until a file `quit` beside
// this script names its exit code, as the person closing the window would.
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const file = args.find((a) => a.endsWith('.rdp'));
const bytes = file === undefined ? null : readFileSync(file);
const store = join(here, 'credentials');
appendFileSync(
  join(here, 'calls.jsonl'),
  `${JSON.stringify({
    program: basename(process.argv[1]).replace(/\.mjs$/, ''),
    args,
    at: Date.now(),
    pid: process.pid,
    rdpFile:
      bytes === null
        ? null
        : { bom: bytes.subarray(0, 2).toString('hex'), text: bytes.subarray(2).toString('utf16le') },
    credentials: existsSync(store) ? readdirSync(store).map(decodeURIComponent) : [],
  })}\n`,
);
const quit = join(here, 'quit');
setInterval(() => {
  if (existsSync(quit)) process.exit(Number(readFileSync(quit, 'utf8')));
}, 50);
