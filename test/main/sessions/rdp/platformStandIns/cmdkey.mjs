#!/usr/bin/env node
// Stands in for Windows' cmdkey.exe in platformRdp.test.ts: its Credential Manager is a folder beside this script.
// `/generic:T /user:U /pass` asks for the password on its console with echo off, as cmdkey does, and stores it;
// `/delete:T` removes it, failing (exit 1) when there is none, as cmdkey does. Every call's argv goes to calls.jsonl.
import { appendFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const store = join(here, 'credentials');
const args = process.argv.slice(2);
appendFileSync(join(here, 'calls.jsonl'), `${JSON.stringify({ program: 'cmdkey', args, at: Date.now() })}\n`);
const named = (flag) => args.find((a) => a.toLowerCase().startsWith(`/${flag}:`))?.slice(flag.length + 2);
const fileOf = (target) => join(store, encodeURIComponent(target));

const deleting = named('delete');
if (deleting !== undefined) {
  if (!existsSync(fileOf(deleting))) {
    process.stdout.write('Element not found.\r\n');
    process.exit(1);
  }
  rmSync(fileOf(deleting));
  process.stdout.write('Credential deleted successfully.\r\n');
  process.exit(0);
}
const target = named('generic');
const user = named('user');
if (target === undefined || user === undefined || !args.includes('/pass')) process.exit(2);
process.stdout.write(`Enter the password for '${user}' to connect to '${target}': `);
process.stdin.setRawMode(true);
let typed = '';
process.stdin.on('data', (chunk) => {
  for (const ch of chunk.toString('utf8')) {
    if (ch === '\r' || ch === '\n') {
      mkdirSync(store, { recursive: true });
      writeFileSync(fileOf(target), JSON.stringify({ user, password: typed }));
      process.stdout.write('\r\nCMDKEY: Credential added successfully.\r\n');
      process.exit(0);
    }
    typed += ch;
  }
});
