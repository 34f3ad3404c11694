#!/usr/bin/env node
/*
 * `node scripts/native-abi.mjs node|electron`: makes the native modules loadable by that runtime, rebuilding them
 * only when they were built for the other one. `npm test` runs it for Node, `npm start` and `npm run dist` for
 * Electron, so nobody has to remember a rebuild step. When nothing changed it returns at once.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTestScript, NATIVE_BINARIES, planNativeBuild } from './nativeAbiPlan.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const stampFile = join(root, '.native-abi.json');
const require = createRequire(import.meta.url);

const runtime = process.argv[2];
if (runtime !== 'node' && runtime !== 'electron') {
  console.error('usage: node scripts/native-abi.mjs node|electron');
  process.exit(2);
}

const modules = Object.keys(NATIVE_BINARIES).filter((name) =>
  existsSync(join(root, 'node_modules', name, 'package.json')),
);
const wanted = runtime === 'node' ? nodeTarget() : electronTarget();
const plan = planNativeBuild({ stamp: readStamp(), wanted, binaries: fingerprint() });

if (plan === 'up-to-date') process.exit(0);
if (plan === 'verify' && loadsUnder(runtime)) {
  writeStamp();
  process.exit(0);
}

console.error(`lotsen: building native modules (${modules.join(', ')}) for ${runtime} ${wanted.version}…`);
await rebuild();
if (runtime === 'node' || electronBinary() !== null) {
  if (!loadsUnder(runtime)) {
    console.error(
      `lotsen: the native modules still do not load under ${runtime} after the rebuild; see the output above.`,
    );
    process.exit(1);
  }
}
writeStamp();

function nodeTarget() {
  return {
    runtime: 'node',
    version: process.versions.node,
    abi: process.versions.modules,
    platform: process.platform,
    arch: process.arch,
  };
}

function electronTarget() {
  const electronDir = join(root, 'node_modules', 'electron');
  return {
    runtime: 'electron',
    version: JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version,
    abi: readFileSync(join(electronDir, 'abi_version'), 'utf8').trim(),
    platform: process.platform,
    arch: process.arch,
  };
}

function binaryFiles() {
  return modules
    .map((name) => join(root, 'node_modules', name, NATIVE_BINARIES[name]))
    .filter((file) => existsSync(file));
}

function fingerprint() {
  return Object.fromEntries(
    binaryFiles().map((file) => {
      const { size, mtimeMs } = statSync(file);
      return [relative(root, file), `${size}:${mtimeMs}`];
    }),
  );
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return null;
  }
}

function writeStamp() {
  writeFileSync(stampFile, `${JSON.stringify({ target: wanted, binaries: fingerprint() }, null, 2)}\n`);
}

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Loads every addon in a fresh process of the runtime; Electron runs as plain Node for this. */
function loadsUnder(target) {
  const executable = target === 'node' ? process.execPath : electronBinary();
  if (executable === null) return false;
  const result = spawnSync(executable, ['-e', loadTestScript(binaryFiles())], {
    cwd: root,
    env: target === 'electron' ? { ...process.env, ELECTRON_RUN_AS_NODE: '1' } : process.env,
    stdio: 'ignore',
    timeout: 60_000,
  });
  return result.status === 0;
}

async function rebuild() {
  if (runtime === 'node') {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['rebuild', ...modules], {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (result.status !== 0) {
      console.error(
        'lotsen: `npm rebuild` failed; a C++ toolchain (build-essential, python3) is needed to build the native modules.',
      );
      process.exit(1);
    }
    return;
  }
  const { rebuild: electronRebuild } = await import('@electron/rebuild');
  try {
    await electronRebuild({
      buildPath: root,
      electronVersion: wanted.version,
      onlyModules: modules,
      force: true,
    });
  } catch (error) {
    console.error(
      `lotsen: rebuilding the native modules for Electron failed: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  }
}
