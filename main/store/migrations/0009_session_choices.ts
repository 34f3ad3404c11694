import type { Kysely, Migration } from 'kysely';

/** How each session was opened, kept with it so any window, or the same one after a reload, can reconnect it. */
export const migration0009SessionChoices: Migration = {
  async up(db: Kysely<unknown>) {
    // Older sessions get the defaults of `sessions.open`: what they were really opened with was never stored.
    await db.schema
      .alterTable('sessions')
      .addColumn('auth', 'text', (c) => c.notNull().defaultTo('auto'))
      .execute();
    // JSON array of jump hops ({ serverId, accountId, auth }), nearest first.
    await db.schema
      .alterTable('sessions')
      .addColumn('jump', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema
      .alterTable('sessions')
      .addColumn('run_pre_connect', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .alterTable('sessions')
      .addColumn('record_input', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
