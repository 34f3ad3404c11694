import type pg from 'pg';

/**
 * Brings a team database's schema `lotsen` to the newest migration, connected as the admin with every statement run
 * as the team's NOLOGIN owner (`ownerConnection` sets `role` and `search_path` at connect), so every table the
 * migrations make belongs to the owner. The one call team create and team upgrade make; the migrations' PostgreSQL
 * form lives in main/store/.
 */
export type MigrateTeamSchema = (ownerConnection: pg.ClientConfig) => Promise<void>;

export const migrateTeamSchema: MigrateTeamSchema = async () => {
  throw new Error('The migrations do not run on PostgreSQL yet (main/store/teamDatabase.node.ts).');
};
