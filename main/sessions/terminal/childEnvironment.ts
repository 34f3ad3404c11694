/**
 * Variables that configure Lotsen itself and must not reach the programs a technician runs in its terminals: the
 * store's passphrase (and the file holding it) unlock every customer's secrets, and a shell, a VPN client or anything
 * they start could read or pass them on. Every `LOTSEN_` name is dropped, so one added later is safe by default.
 * `ELECTRON_` ones are dropped as VS Code drops them: they change how any Electron app started from the terminal runs.
 */
const LOTSEN_OWN = /^(LOTSEN|ELECTRON)_/i;

/** Only says where the data folder is: a `lotsen` command typed in the terminal should find the same store. */
const KEPT = new Set(['LOTSEN_HOME']);

/** The environment a child program gets: Lotsen's own, less what is Lotsen's alone. */
export function childEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !LOTSEN_OWN.test(name) || KEPT.has(name.toUpperCase())),
  );
}
