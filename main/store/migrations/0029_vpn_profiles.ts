import type { Kysely, Migration } from 'kysely';

/**
 * VPN profiles (issue 16, item 4): which VPN client an environment's pre-connect command was written for (its
 * profile, common/sessions/vpn.ts; `none` for a person's own text), so a session can say the client is missing
 * before running anything and ask it whether the tunnel is split; and the command that takes the VPN down again
 * after the session, approved together with the connect command. Plain ADD COLUMNs, on both engines.
 */
export const migration0029VpnProfiles: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('environments')
      .addColumn('vpn_client', 'text', (c) => c.notNull().defaultTo('none'))
      .execute();
    await db.schema
      .alterTable('environments')
      .addColumn('disconnect_command', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  },
};
