import type { Kysely, Migration } from 'kysely';

/**
 * Issue 17's first paint counts each customer's hosts without reading the servers' rows: an index on
 * (environment_id, host) holds both columns the count needs, so it reads some 800 index pages at 50,000 servers
 * instead of 2,600 table pages (each page decrypted on the embedded store). It replaces the index on environment_id
 * alone (0001), whose lookups it serves as well, so a server's write keeps one index to update, not two.
 */
export const migration0031ServersEnvironmentHost: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('servers_environment_host')
      .on('servers')
      .columns(['environment_id', 'host'])
      .execute();
    await db.schema.dropIndex('servers_environment').execute();
  },
};
