/*
 * Decides whether the native modules must be rebuilt for the runtime about to load them. Electron and Node use
 * different ABIs, so one build cannot serve both `npm start` (Electron) and `npm test` (Node); a stamp file records
 * which runtime the binaries were last built for, and the binaries' size and time show whether anything (such as
 * `npm install`) rebuilt them since.
 */

/** Each native module and the addon file its build produces. */
export const NATIVE_BINARIES = {
  'better-sqlite3-multiple-ciphers': 'build/Release/better_sqlite3.node',
  keytar: 'build/Release/keytar.node',
  'node-pty': 'build/Release/pty.node',
  'cpu-features': 'build/Release/cpufeatures.node',
};

function sameTarget(a, b) {
  return (
    a.runtime === b.runtime &&
    a.version === b.version &&
    a.abi === b.abi &&
    a.platform === b.platform &&
    a.arch === b.arch
  );
}

function sameBinaries(a, b) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

export function planNativeBuild({ stamp, wanted, binaries }) {
  if (stamp === null) return 'verify';
  if (!sameTarget(stamp.target, wanted)) return 'rebuild';
  if (!sameBinaries(stamp.binaries, binaries)) return 'verify';
  return 'up-to-date';
}

/** A script for `node -e` (or Electron as Node) that loads each addon and fails if any was built for another ABI. */
export function loadTestScript(files) {
  return `for (const file of ${JSON.stringify(files)}) require(file);`;
}
