import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from '../store/database.node.ts';
import { PostgresColumnTypesPlugin } from '../store/postgresColumnTypes.ts';
import { TEAM_SCHEMA } from '../store/teamDatabase.node.ts';
import { createTeamTables } from '../store/teamTables.ts';

/**
 * Brings a team database's schema `lotsen` to the newest migration, connected as the admin with every statement run
 * as the team's NOLOGIN owner (`ownerConnection` sets `role` and `search_path` at connect), so every table the
 * migrations make belongs to the owner. The one call team create and team upgrade make: the same migrations, provider
 * and column-type plugin as main/store/teamDatabase.node.ts, on one connection that acts as the owner, and the
 * team-only tables of main/store/teamTables.ts.
 */
export type MigrateTeamSchema = (ownerConnection: pg.ClientConfig) => Promise<void>;

export const migrateTeamSchema: MigrateTeamSchema = async (ownerConnection) => {
  const pool = new pg.Pool({ ...ownerConnection, max: 1 });
  pool.on('error', () => undefined);
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new PostgresColumnTypesPlugin()],
  });
  try {
    const migrator = new Migrator({ db, provider: migrationProvider, migrationTableSchema: TEAM_SCHEMA });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    // What only a team database has (team_members, audit_head), as main/store makes it; teamFunctionsSql adds to it.
    await createTeamTables(db);
  } finally {
    await db.destroy();
  }
};
