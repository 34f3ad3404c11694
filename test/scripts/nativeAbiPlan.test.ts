import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  loadTestScript,
  NATIVE_BINARIES,
  planNativeBuild,
  type NativeStamp,
  type NativeTarget,
} from '../../scripts/nativeAbiPlan.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

const node: NativeTarget = {
  runtime: 'node',
  version: '20.19.0',
  abi: '115',
  platform: 'linux',
  arch: 'x64',
};
const electron: NativeTarget = {
  runtime: 'electron',
  version: '40.10.2',
  abi: '143',
  platform: 'linux',
  arch: 'x64',
};
const binaries = { 'node_modules/keytar/build/Release/keytar.node': '109096:1700000000000' };
const stampFor = (target: NativeTarget): NativeStamp => ({ target, binaries });

describe('planNativeBuild', () => {
  it('does nothing when the binaries were stamped for the wanted runtime and have not changed', () => {
    expect(planNativeBuild({ stamp: stampFor(node), wanted: node, binaries })).toBe('up-to-date');
    expect(planNativeBuild({ stamp: stampFor(electron), wanted: electron, binaries })).toBe('up-to-date');
  });

  it('rebuilds when switching between Node and Electron, or to another version, ABI or architecture', () => {
    expect(planNativeBuild({ stamp: stampFor(node), wanted: electron, binaries })).toBe('rebuild');
    expect(planNativeBuild({ stamp: stampFor(electron), wanted: node, binaries })).toBe('rebuild');
    expect(
      planNativeBuild({
        stamp: stampFor(node),
        wanted: { ...node, abi: '127', version: '22.0.0' },
        binaries,
      }),
    ).toBe('rebuild');
    expect(planNativeBuild({ stamp: stampFor(node), wanted: { ...node, arch: 'arm64' }, binaries })).toBe(
      'rebuild',
    );
  });

  it('verifies by loading when there is no stamp or something rebuilt the binaries since', () => {
    expect(planNativeBuild({ stamp: null, wanted: node, binaries })).toBe('verify');
    const rebuiltByNpmInstall = { 'node_modules/keytar/build/Release/keytar.node': '109096:1800000000000' };
    expect(
      planNativeBuild({ stamp: stampFor(electron), wanted: electron, binaries: rebuiltByNpmInstall }),
    ).toBe('verify');
    expect(planNativeBuild({ stamp: stampFor(node), wanted: node, binaries: {} })).toBe('verify');
  });
});

describe('loadTestScript', () => {
  const run = (files: string[]) =>
    spawnSync(process.execPath, ['-e', loadTestScript(files)], { stdio: 'pipe' });

  it('loads every installed native addon under this Node', () => {
    const files = Object.entries(NATIVE_BINARIES)
      .map(([name, file]) => join(root, 'node_modules', name, file))
      .filter((file) => existsSync(file));
    expect(files.length).toBeGreaterThanOrEqual(2);
    const result = run(files);
    expect(String(result.stderr)).toBe('');
    expect(result.status).toBe(0);
  });

  it('fails when a file is not an addon this runtime can load', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lotsen-abi-'));
    try {
      const fake = join(dir, 'fake.node');
      await writeFile(fake, 'not a shared object');
      expect(run([fake]).status).not.toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
