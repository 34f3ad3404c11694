#!/usr/bin/env node
/*
 * `npm start`: the desktop app when the Electron binary is here, otherwise browser mode (`lotsen serve`). The
 * `electron` package is installed without its binary on machines that cannot download it, so one quick attempt is
 * made first; where it fails, one line says so and the browser console starts instead. Either way the native modules
 * are made to match the runtime that will load them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const extraArgs = process.argv.slice(2);
const INSTALL_TIMEOUT_MS = 20_000;

const binary = electronBinary() ?? (tryInstallElectron() ? electronBinary() : null);

if (binary !== null) {
  prepare('electron', [
    'dist/main/electron/main.electron.js',
    'dist/preload/preload.electron.cjs',
    'dist/renderer/index.html',
  ]);
  run(binary, [root, ...extraArgs]);
} else {
  console.log(
    'lotsen: the Electron binary is unavailable on this machine; starting browser mode (lotsen serve) instead.',
  );
  prepare('node', ['dist/renderer/index.html']);
  run(process.execPath, [join(root, 'bin', 'lotsen.js'), 'serve', ...extraArgs]);
}

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function tryInstallElectron() {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return false;
  const result = spawnSync(process.execPath, [installer], {
    cwd: root,
    stdio: 'ignore',
    timeout: INSTALL_TIMEOUT_MS,
  });
  return result.status === 0;
}

/** Native modules for the runtime about to run, and a build if the files it loads are missing. */
function prepare(runtime, builtFiles) {
  mustSucceed(
    spawnSync(process.execPath, [join(root, 'scripts', 'native-abi.mjs'), runtime], {
      cwd: root,
      stdio: 'inherit',
    }),
  );
  if (builtFiles.some((file) => !existsSync(join(root, file)))) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    mustSucceed(
      spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }),
    );
  }
}

function mustSucceed(result) {
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Runs the app in the foreground; Ctrl+C reaches it directly, a SIGTERM sent to npm is passed on. */
function run(executable, args) {
  const child = spawn(executable, args, { cwd: root, stdio: 'inherit' });
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
