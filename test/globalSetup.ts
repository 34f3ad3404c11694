import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Tests that run the real `lotsen` command need main built to dist/ once per run.
 *
 * Local terminals start the user's shell, which reads the user's dotfiles: on a machine whose ~/.bashrc waits a minute
 * (pyenv's rehash lock does), every local-shell test would time out for reasons outside Lotsen. The run gets a home of
 * its own, with empty startup files, which the test workers inherit.
 */
export default function setup(): () => void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
  const home = mkdtempSync(join(tmpdir(), 'lotsen-test-home-'));
  for (const file of ['.bashrc', '.profile', '.bash_profile']) writeFileSync(join(home, file), '');
  process.env.HOME = home;
  return () => rmSync(home, { recursive: true, force: true });
}
