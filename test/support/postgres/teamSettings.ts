import type { TeamDatabaseSettings } from '../../../main/store/teamDatabase.node.ts';
import { runPostgres } from './testDatabases.ts';

/**
 * How a test reaches one of the run's databases as the cluster's superuser, with its password: for fixtures that
 * build a team database (migrating it as its administrator would), never for a test of the members' rules.
 */
export function superuserTeamSettings(database: string): {
  settings: TeamDatabaseSettings;
  password: string;
} {
  const { port, superuser } = runPostgres();
  return {
    settings: { host: '127.0.0.1', port, database, login: superuser.user, tls: { mode: 'disable' } },
    password: superuser.password,
  };
}
