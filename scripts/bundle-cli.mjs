// The `lotsen` command, bundled (dist/cli/lotsen.mjs and its chunks): Node loads a few modules instead of several
// hundred. The entry holds only the commands' definitions (what `--help` and the argument parsing need); what a
// command does is in chunks it imports when it runs, so `lotsen --help` and `lotsen sla due` never load the
// database driver, the keychain, ssh2, node-pty or pg (issue 17; README "Benchmarks"). Packages with native parts,
// or loaded only when needed, stay outside and are imported from node_modules as before.
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
  input: { lotsen: 'main/cli/lotsen.ts' },
  platform: 'node',
  external,
  logLevel: 'warn',
  output: {
    dir: 'dist/cli',
    format: 'esm',
    sourcemap: true,
    entryFileNames: '[name].mjs',
    // Beside the entry, not in a folder of their own: `lotsen serve` finds the app at ../renderer/ from its own
    // module (serveCommand.ts), which is a chunk; from dist/cli/chunks/ that would be dist/cli/renderer/.
    chunkFileNames: '[name]-[hash].mjs',
  },
});
