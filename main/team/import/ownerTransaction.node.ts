import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { keyedError, LotsenError } from '../../../common/api/errors.ts';
import type { Db } from '../../store/database.node.ts';
import { PostgresColumnTypesPlugin } from '../../store/postgresColumnTypes.ts';
import type { DatabaseSchema } from '../../store/schema.ts';
import { TEAM_SCHEMA, teamTypes } from '../../store/teamDatabase.node.ts';
import { parseTeamUrl, redactUrl, unreachableTeam } from '../teamConnection.node.ts';
import { teamError } from '../teamErrors.ts';
import { teamRoleNames } from '../teamRoleNames.ts';

/**
 * One transaction on the team database as its owner, through an administrator's URL (as `team create` and `team
 * upgrade` take it; used for this run only, its password from the URL or PGPASSWORD, never stored or shown).
 *
 * `team import-local` needs it: what a local store holds was written by one person in every role, and no work role
 * may write all of it in a team (an approved month is finance's, an agreement the support lead's, a session only its
 * own technician's), so the rows go in as the owner, whose policy every table has. A non-superuser administrator is
 * made a member of the owner inside the same transaction and no longer before it commits, so a crash or a kill
 * leaves no login able to act as the owner, and nothing else either.
 */
export async function inOwnerTransaction<T>(
  options: { adminUrl: string; insecure?: boolean; database: string },
  work: (trx: Db) => Promise<T>,
): Promise<T> {
  const address = parseTeamUrl(options.adminUrl, { insecure: options.insecure });
  const pool = new pg.Pool({
    connectionString: address.url,
    max: 1,
    options: `-c search_path=${TEAM_SCHEMA}`,
    types: teamTypes,
    application_name: 'lotsen import-local',
  });
  pool.on('error', () => undefined);
  const db = new Kysely<DatabaseSchema>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new PostgresColumnTypesPlugin()],
  });
  try {
    const me = await sql<{ name: string; superuser: boolean; database: string }>`SELECT current_user AS name,
        rolsuper AS superuser, current_database() AS database FROM pg_roles WHERE rolname = current_user`
      .execute(db)
      .then((r) => r.rows[0]!)
      .catch((error: unknown) => {
        throw unreachableTeam(redactUrl(address.url), error);
      });
    if (me.database !== options.database) {
      throw keyedError('VALIDATION', 'team.adminUrlOtherDatabase', {
        urlDatabase: me.database,
        database: options.database,
      });
    }
    const owner = sql.id(teamRoleNames(me.database).owner);
    return await db.transaction().execute(async (trx) => {
      if (!me.superuser) await sql`GRANT ${owner} TO ${sql.id(me.name)}`.execute(trx);
      await sql`SET LOCAL ROLE ${owner}`.execute(trx);
      const result = await work(trx);
      await sql`RESET ROLE`.execute(trx);
      if (!me.superuser) await sql`REVOKE ${owner} FROM ${sql.id(me.name)}`.execute(trx);
      return result;
    });
  } catch (error) {
    throw error instanceof LotsenError ? error : teamError(error);
  } finally {
    await db.destroy();
  }
}
