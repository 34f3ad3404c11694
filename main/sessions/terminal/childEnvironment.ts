/**
 * Variables that configure Lotsen itself and must not reach the programs a technician runs in its terminals: the
 * store's passphrase (and the file holding it) unlock every customer's secrets, and a shell, a VPN client or anything
 * they start could read or pass them on. Every `LOTSEN_` name is dropped (LOTSEN_HOME too, as the README says: a
 * terminal is the customer's world, not Lotsen's), so one added later is safe by default.
 * `ELECTRON_` ones are dropped as VS Code drops them: they change how any Electron app started from the terminal runs.
 */
const LOTSEN_OWN = /^(LOTSEN|ELECTRON)_/i;

/** The environment a child program gets: Lotsen's own, less what is Lotsen's alone. */
export function childEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !LOTSEN_OWN.test(name)));
}
