// The `lotsen` command as one file (dist/cli/lotsen.mjs): Node loads one module instead of several hundred, which
// halves the command's start (README "Performance"). Packages with native parts, or loaded only when needed, stay
// outside and are imported from node_modules as before.
import { build } from 'rolldown';

const external = [
  /^node:/,
  'better-sqlite3-multiple-ciphers',
  'node-pty',
  'keytar',
  'ssh2',
  'pg',
  'ws',
  'exceljs',
  'date-holidays',
  'electron',
];

await build({
  input: 'main/cli/lotsen.ts',
  platform: 'node',
  external,
  logLevel: 'warn',
  output: { file: 'dist/cli/lotsen.mjs', format: 'esm', sourcemap: true },
});
