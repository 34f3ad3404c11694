import { openTeamDatabase } from '../../../main/store/teamDatabase.node.ts';
import { superuserTeamSettings } from './teamSettings.ts';
import { asSuperuser } from './testDatabases.ts';

/** The run's template: every migration applied, as `lotsen team create` leaves a team database. */
export const TEMPLATE_DATABASE = 'lotsen_template';

/**
 * Builds the template once per run, in the global set-up (before any worker), and marks it a template nobody may
 * connect to: PostgreSQL copies a database only while no one is connected to it.
 */
export async function buildTemplateDatabase(): Promise<string> {
  await asSuperuser('postgres', (client) => client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`));
  const { settings, password } = superuserTeamSettings(TEMPLATE_DATABASE);
  const store = await openTeamDatabase(settings, password, { migrate: true });
  await store.close();
  await asSuperuser('postgres', (client) =>
    client.query(`ALTER DATABASE ${TEMPLATE_DATABASE} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`),
  );
  return TEMPLATE_DATABASE;
}
