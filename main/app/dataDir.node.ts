import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = 'Lotsen';

/**
 * Where Lotsen keeps its data: `LOTSEN_HOME` when set, otherwise the folder Electron's `app.getPath('userData')`
 * gives for this product name, so the desktop app, `lotsen serve` and the CLI share one store.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.LOTSEN_HOME) return resolve(env.LOTSEN_HOME);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_NAME);
}

export const dataFiles = {
  config: (dataDir: string) => join(dataDir, 'lotsen.json'),
  database: (dataDir: string) => join(dataDir, 'lotsen.db'),
  keyFile: (dataDir: string) => join(dataDir, 'lotsen.key'),
  /** The audit log's newest (seq, hash), kept outside the store so truncating the log is noticed. */
  auditHead: (dataDir: string) => join(dataDir, 'audit-head.json'),
  /** A team member's sessions' books queued while the team database is out of reach (main/team/outbox/). */
  outbox: (dataDir: string) => join(dataDir, 'outbox.db'),
};
