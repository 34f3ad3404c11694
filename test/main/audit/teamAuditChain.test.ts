import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AuditAnchors } from '../../../main/audit/auditAnchors.node.ts';
import { databaseHeadPlace } from '../../../main/audit/databaseHeadPlace.ts';
import { AuditTrail, verifyAuditLog } from '../../../main/audit/auditTrail.node.ts';
import type { TeamStore } from '../../../main/store/database.node.ts';
import { openTeamDatabase } from '../../../main/store/teamDatabase.node.ts';
import { superuserTeamSettings } from '../../support/postgres/teamSettings.ts';
import {
  asSuperuser,
  createMigratedTestDatabase,
  type TestDatabase,
} from '../../support/postgres/testDatabases.ts';

const PER_PROCESS = 25;

describe("a team database's audit chain", () => {
  let database: TestDatabase;
  let stores: TeamStore[];
  beforeAll(async () => {
    database = await createMigratedTestDatabase();
    const { settings, password } = superuserTeamSettings(database.name);
    // Two pools, as two members' Lotsen processes would hold.
    stores = await Promise.all([openTeamDatabase(settings, password), openTeamDatabase(settings, password)]);
  });
  afterAll(async () => {
    await Promise.all((stores ?? []).map((s) => s.close()));
    await database?.drop();
  });

  test('appends from two processes at once stay one unbroken line, and a cut-off tail is caught', async () => {
    const trails = stores.map(
      (store, i) =>
        new AuditTrail(
          store.db,
          new AuditAnchors([databaseHeadPlace(store.db)]),
          { id: `u${i}`, name: `Member ${i}` },
          Date.now,
        ),
    );
    // Each trail appends one at a time (as one process does); the two race each other on the database.
    await Promise.all(
      trails.map((trail, i) =>
        Promise.all(
          Array.from({ length: PER_PROCESS }, (_, n) =>
            trail.append({
              event: 'ticket.sent_back',
              subject: { type: 'ticket', id: `t${i}-${n}` },
              details: { customerId: randomUUID() },
            }),
          ),
        ),
      ),
    );
    const db = stores[0]!.db;
    const rows = await db.selectFrom('audit_events').select(['seq', 'actor_id']).orderBy('seq').execute();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 2 * PER_PROCESS }, (_, i) => i + 1));
    // Both really appended while the other did: their events interleave.
    expect(new Set(rows.slice(0, PER_PROCESS).map((r) => r.actor_id)).size).toBe(2);
    const places = [databaseHeadPlace(db)];
    expect(await verifyAuditLog(db, places)).toMatchObject({ intact: true, events: 2 * PER_PROCESS });
    expect(await trails[1]!.verify()).toMatchObject({ intact: true });

    // Someone with the owner's rights lifts the guard and deletes the newest events: the head still names them.
    await asSuperuser(database.name, async (client) => {
      await client.query('ALTER TABLE lotsen.audit_events DISABLE TRIGGER USER');
      await client.query('DELETE FROM lotsen.audit_events WHERE seq > $1', [2 * PER_PROCESS - 3]);
      await client.query('ALTER TABLE lotsen.audit_events ENABLE TRIGGER USER');
    });
    const verdict = await verifyAuditLog(db, places);
    expect(verdict).toMatchObject({ intact: false, events: 2 * PER_PROCESS - 3 });
  });

  test('two processes appending at once take turns: no act is done again because the head moved meanwhile', async () => {
    const trails = stores.map(
      (store, i) =>
        new AuditTrail(
          store.db,
          new AuditAnchors([databaseHeadPlace(store.db)]),
          { id: `w${i}`, name: `Worker ${i}` },
          Date.now,
        ),
    );
    // Each act's first try finishes together with the other process's, so both go for the head at once.
    let waiting: (() => void)[] = [];
    const together = () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (waiting.length < trails.length) return;
        for (const release of waiting) release();
        waiting = [];
      });
    const tried = new Set<string>();
    let acts = 0;
    await Promise.all(
      trails.map(async (trail, i) => {
        for (let n = 0; n < 10; n++) {
          const id = `w${i}-${n}`;
          await trail.appendWith(
            async () => {
              acts += 1;
              if (!tried.has(id)) {
                tried.add(id);
                await together();
              }
            },
            () => ({
              event: 'ticket.sent_back',
              subject: { type: 'ticket', id },
              details: { customerId: randomUUID() },
            }),
          );
        }
      }),
    );
    expect(acts).toBe(20);
  });
});
