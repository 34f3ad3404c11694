import { execFileSync } from 'node:child_process';

/** Tests that run the real `lotsen` command need main built to dist/ once per run. */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
}
