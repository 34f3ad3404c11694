import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The tests drive the built app (`bin/lotsen.js` runs dist/, the server serves dist/renderer): build it once. */
export default function globalSetup(): void {
  execFileSync('npm', ['run', '--silent', 'build'], {
    cwd: fileURLToPath(new URL('../../../', import.meta.url)),
    stdio: 'inherit',
  });
}
