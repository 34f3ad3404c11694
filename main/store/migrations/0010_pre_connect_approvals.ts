import type { Kysely, Migration } from 'kysely';

/**
 * Which pre-connect commands a person has approved to run, per environment and per machine. A command runs only
 * when a row names its environment, the SHA-256 of its exact text and the machine that runs it, so a command that
 * arrives by import or changes by an edit is inert until approved again. The machine is part of the key because a
 * team database (a later issue) is shared by many machines, and approving a command on one must not make it run on
 * another. Plain columns and a composite key, nothing SQLite-only, so the same table serves PostgreSQL.
 */
export const migration0010PreConnectApprovals: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('pre_connect_approvals')
      // Approvals go with their environment: deleting it leaves none behind for a later one to inherit.
      .addColumn('environment_id', 'text', (c) =>
        c.notNull().references('environments.id').onDelete('cascade'),
      )
      /** Lower-case hex SHA-256 of the command's UTF-8 text. */
      .addColumn('command_sha256', 'text', (c) => c.notNull())
      /** The random id in the approving machine's lotsen.json (main/app/machineId.node.ts). */
      .addColumn('machine_id', 'text', (c) => c.notNull())
      .addColumn('approved_at', 'integer', (c) => c.notNull())
      .addColumn('approved_by', 'text', (c) => c.notNull().references('users.id'))
      .addPrimaryKeyConstraint('pre_connect_approvals_pk', ['environment_id', 'machine_id', 'command_sha256'])
      .execute();
  },
};
