import type { Kysely, Migration } from 'kysely';

export const migration0004KnownHosts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('known_hosts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('host', 'text', (c) => c.notNull())
      .addColumn('port', 'integer', (c) => c.notNull())
      .addColumn('key_type', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('trusted_at', 'integer', (c) => c.notNull())
      .addColumn('trusted_by', 'text', (c) => c.notNull().references('users.id'))
      .addUniqueConstraint('known_hosts_endpoint', ['host', 'port', 'key_type'])
      .execute();
  },
};
