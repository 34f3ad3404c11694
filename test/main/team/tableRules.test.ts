import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AuditAnchors } from '../../../main/audit/auditAnchors.node.ts';
import { AuditTrail } from '../../../main/audit/auditTrail.node.ts';
import { databaseHeadPlace } from '../../../main/audit/databaseHeadPlace.ts';
import { openTeamDatabase } from '../../../main/store/teamDatabase.node.ts';
import { tableRules } from '../../../main/team/tableRulesSql.ts';
import { asSuperuser, runPostgres } from '../../support/postgres/testDatabases.ts';
import {
  createTestTeamWithAdmin,
  type TestMember,
  type TestTeamWithAdmin,
} from '../../support/postgres/testTeam.ts';

/**
 * The database's own refusals, table class by table class, each tried with a member's own login and password on a
 * team made by team create with the real migrations. Rows are put in by the superuser as fixture set-up only.
 */
describe('what PostgreSQL refuses each role', () => {
  let team: TestTeamWithAdmin;
  let tekla: TestMember;
  let tor: TestMember;
  let fia: TestMember;
  /** A support lead without the admin right. */
  let lars: TestMember;
  const clients: pg.Client[] = [];
  const as = async (member: TestMember) => {
    const client = await team.connect(member);
    await client.query('SET search_path = lotsen');
    clients.push(client);
    return client;
  };
  const ids = {
    customer: randomUUID(),
    environment: randomUUID(),
    account: randomUUID(),
    ticket: randomUUID(),
    contact: randomUUID(),
    recording: randomUUID(),
  };
  /** Data keys: of a ticket that stays, of a month, of a contact. */
  const keys = { ticket: randomUUID(), month: randomUUID(), contact: randomUUID() };
  const entries = { tekla: randomUUID(), tor: randomUUID() };
  const batch = randomUUID();
  const session = randomUUID();

  /**
   * Inserts a row as the superuser, filling NOT NULL columns without a default that the test does not care about.
   */
  const seed = (client: pg.Client, table: string, row: Record<string, unknown>) =>
    client
      .query<{ column_name: string; data_type: string }>(
        `SELECT column_name, data_type FROM information_schema.columns
          WHERE table_schema = 'lotsen' AND table_name = $1 AND is_nullable = 'NO' AND column_default IS NULL`,
        [table],
      )
      .then(async ({ rows }) => {
        const full: Record<string, unknown> = { ...row };
        for (const c of rows) {
          if (c.column_name in full) continue;
          // Text that is also a user id, for the columns that name who did something (created_by, actor_id…).
          full[c.column_name] = /int|double|numeric|real/.test(c.data_type) ? 0 : team.admin.userId;
        }
        const columns = Object.keys(full);
        await client.query(
          `INSERT INTO lotsen.${pg.escapeIdentifier(table)} (${columns.map((c) => pg.escapeIdentifier(c)).join(', ')})
           VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
          Object.values(full),
        );
      });

  beforeAll(async () => {
    team = await createTestTeamWithAdmin();
    tekla = await team.enrolNew(team.admin, {
      name: 'Tekla',
      email: 'tekla@leverantor.se',
      role: 'technician',
    });
    tor = await team.enrolNew(team.admin, { name: 'Tor', email: 'tor@leverantor.se', role: 'technician' });
    fia = await team.enrolNew(team.admin, { name: 'Fia', email: 'fia@leverantor.se', role: 'finance' });
    lars = await team.enrolNew(team.admin, {
      name: 'Lars',
      email: 'lars@leverantor.se',
      role: 'support_lead',
    });
    await asSuperuser(team.database.name, async (client) => {
      const now = Date.now();
      await seed(client, 'customers', {
        id: ids.customer,
        name: 'Kommun',
        org_number: '212000-0001',
        kind: 'municipality',
      });
      await seed(client, 'environments', { id: ids.environment, customer_id: ids.customer, name: 'Prod' });
      await seed(client, 'support_accounts', {
        id: ids.account,
        environment_id: ids.environment,
        username: 'lev-support',
        secret: 'hemligt-lösen',
      });
      await seed(client, 'tickets', {
        id: ids.ticket,
        customer_id: ids.customer,
        received_at: now,
        status: 'open',
      });
      await seed(client, 'contacts', { id: ids.contact, customer_id: ids.customer });
      for (const [id, owner_kind, owner_id] of [
        [keys.ticket, 'ticket', ids.ticket],
        [keys.month, 'month', '2026-11'],
        [keys.contact, 'contact', ids.contact],
      ]) {
        await seed(client, 'personal_data_keys', { id, owner_kind, owner_id });
      }
      await seed(client, 'recordings', { id: ids.recording });
      await seed(client, 'recording_chunks', { recording_id: ids.recording, seq: 1, data: 'output' });
      for (const [who, id] of [
        [tekla, entries.tekla],
        [tor, entries.tor],
      ] as const) {
        await seed(client, 'time_entries', {
          id,
          ticket_id: ids.ticket,
          technician_id: who.userId,
          started_at: now - 3_600_000,
          ended_at: now,
          source: 'manual',
          classification: 'unclassified',
          batch_id: null,
        });
      }
      await seed(client, 'sessions', {
        id: session,
        ticket_id: ids.ticket,
        environment_id: ids.environment,
        technician_id: tor.userId,
        opened_at: now,
      });
      await seed(client, 'audit_events', { seq: 1, at: now, event: 'app.initialized', details: '{}' });
      // The head names the seeded event, as the append function would have left it.
      await client.query(
        'UPDATE lotsen.audit_head SET seq = 1, hash = (SELECT hash FROM lotsen.audit_events WHERE seq = 1)',
      );
      await seed(client, 'billing_batches', {
        id: batch,
        number: 1,
        customer_id: ids.customer,
        month: '2026-11',
        approved_by: team.admin.userId,
        sealed: 1,
      });
      await seed(client, 'billing_lines', {
        batch_id: batch,
        seq: 1,
        ticket_id: ids.ticket,
        amount_ore: 100,
      });
    });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    await team?.drop();
  });

  test('every table has row-level security enabled and forced, and a rule', async () => {
    const tables = await asSuperuser(
      team.database.name,
      async (client) =>
        (
          await client.query<{ name: string; rls: boolean; forced: boolean }>(
            `SELECT relname AS name, relrowsecurity AS rls, relforcerowsecurity AS forced
             FROM pg_class WHERE relnamespace = 'lotsen'::regnamespace AND relkind = 'r' ORDER BY relname`,
          )
        ).rows,
    );
    expect(tables.length).toBeGreaterThan(25);
    expect(tables.filter((t) => !t.rls || !t.forced)).toEqual([]);
    expect(tables.map((t) => t.name).filter((name) => !(name in tableRules))).toEqual([]);
  });

  test('audit: nobody updates, deletes or truncates an event, not even the superuser past the trigger', async () => {
    for (const member of [tekla, fia, team.admin]) {
      const client = await as(member);
      expect((await client.query('SELECT count(*)::int AS n FROM audit_events')).rows[0].n).toBe(1);
      await expect(client.query(`UPDATE audit_events SET event = 'x'`)).rejects.toThrow(/permission denied/);
      await expect(client.query('DELETE FROM audit_events')).rejects.toThrow(/permission denied/);
      await expect(client.query('TRUNCATE audit_events')).rejects.toThrow(/permission denied/);
    }
    await asSuperuser(team.database.name, async (client) => {
      await expect(client.query(`UPDATE lotsen.audit_events SET event = 'x'`)).rejects.toThrow();
      await expect(client.query('TRUNCATE lotsen.audit_events')).rejects.toThrow(/append-only/);
    });
  });

  test("audit: a member's own login cannot insert an event or move the head, but appends through the app, in its own name", async () => {
    const head = async () =>
      asSuperuser(
        team.database.name,
        async (su) => (await su.query('SELECT seq::int AS seq, hash FROM lotsen.audit_head')).rows[0],
      );
    const before = await head();
    for (const member of [tekla, fia, team.admin]) {
      const client = await as(member);
      await expect(
        client.query(
          `INSERT INTO audit_events (seq, at, actor_id, actor_name, event, details, prev_hash, hash)
           VALUES (2, 0, $1, 'X', 'app.initialized', '{}', $2, 'forged')`,
          [member.userId, before.hash],
        ),
      ).rejects.toThrow(/permission denied for table audit_events/);
      await expect(client.query(`UPDATE audit_head SET seq = 0`)).rejects.toThrow(
        /permission denied for table audit_head/,
      );
      // The append function writes in the caller's own name only, and only after the head it names.
      await expect(
        client.query(
          `SELECT lotsen.audit_append(2, 0, $1, 'X', 'app.initialized', NULL, NULL, '{}', $2, 'h')`,
          [member === tekla ? tor.userId : tekla.userId, before.hash],
        ),
      ).rejects.toThrow(/in its own member's name only/);
      await expect(
        client.query(
          `SELECT lotsen.audit_append(2, 0, $1, 'X', 'app.initialized', NULL, NULL, '{}', 'old', 'h')`,
          [member.userId],
        ),
      ).rejects.toMatchObject({ code: '40001' });
    }
    expect(await head()).toEqual(before);

    // Through the app: Tekla's own Lotsen, on her own login, appends after the head and advances it.
    const { port } = runPostgres();
    const store = await openTeamDatabase(
      { host: '127.0.0.1', port, database: team.database.name, login: tekla.login, tls: { mode: 'disable' } },
      tekla.password,
    );
    try {
      const trail = new AuditTrail(
        store.db,
        new AuditAnchors([databaseHeadPlace(store.db)]),
        { id: tekla.userId, name: 'Tekla' },
        Date.now,
      );
      const event = await trail.append({
        event: 'ticket.sent_back',
        subject: { type: 'ticket', id: ids.ticket },
      });
      expect(event).toMatchObject({ seq: 2, actorId: tekla.userId, prevHash: before.hash });
      expect(await head()).toEqual({ seq: 2, hash: event.hash });
    } finally {
      await store.close();
    }
  });

  test('approved billing: finance reads a line but cannot change, delete or truncate it; a technician cannot read it', async () => {
    const finance = await as(fia);
    expect((await finance.query('SELECT amount_ore FROM billing_lines')).rows).toEqual([
      { amount_ore: '100' },
    ]);
    await expect(finance.query('UPDATE billing_lines SET amount_ore = 1')).rejects.toThrow(
      /permission denied/,
    );
    await expect(finance.query('DELETE FROM billing_lines')).rejects.toThrow(/permission denied/);
    await expect(finance.query('TRUNCATE billing_lines')).rejects.toThrow(/permission denied/);
    await expect(finance.query('TRUNCATE billing_batches')).rejects.toThrow(/permission denied/);
    // A sealed batch matches no row finance may update.
    expect((await finance.query('UPDATE billing_batches SET amount_ore = 1')).rowCount).toBe(0);
    // Approving writes an open batch's total and seals it, in one update; from then on it is as fixed as the other.
    const open = randomUUID();
    await asSuperuser(team.database.name, (su) =>
      seed(su, 'billing_batches', {
        id: open,
        number: 2,
        customer_id: ids.customer,
        month: '2026-10',
        approved_by: fia.userId,
        sealed: 0,
      }),
    );
    const seal = await finance.query(
      'UPDATE billing_batches SET amount_ore = 900, sealed = 1 WHERE id = $1',
      [open],
    );
    expect(seal.rowCount).toBe(1);
    expect((await finance.query('UPDATE billing_batches SET amount_ore = 1')).rowCount).toBe(0);
    const technician = await as(tekla);
    await expect(technician.query('SELECT * FROM billing_lines')).rejects.toThrow(/permission denied/);
  });

  test("adjustments: approving puts finance's open corrections into the batch; in it, finance cannot change them", async () => {
    const finance = await as(fia);
    const open = randomUUID();
    const adjustment = randomUUID();
    await asSuperuser(team.database.name, async (su) => {
      // The correction first: once the month has a batch, the lock triggers refuse new ones in it.
      await seed(su, 'billing_adjustments', {
        id: adjustment,
        entry_id: entries.tor,
        customer_id: ids.customer,
        month: '2026-09',
        minutes: 10,
        batch_id: null,
      });
      await seed(su, 'billing_batches', {
        id: open,
        number: 3,
        customer_id: ids.customer,
        month: '2026-09',
        approved_by: fia.userId,
        sealed: 0,
      });
    });
    // The approval's own update: the row it leaves is in a batch (what the row rule's USING no longer matches).
    const into = await finance.query(
      'UPDATE billing_adjustments SET batch_id = $1, line_seq = 1 WHERE id = $2',
      [open, adjustment],
    );
    expect(into.rowCount).toBe(1);
    // In a batch, it matches no row finance may update or delete.
    expect(
      (await finance.query('UPDATE billing_adjustments SET minutes = 99 WHERE id = $1', [adjustment]))
        .rowCount,
    ).toBe(0);
    expect(
      (await finance.query('DELETE FROM billing_adjustments WHERE id = $1', [adjustment])).rowCount,
    ).toBe(0);
  });

  test("others' time: a technician sees, changes and deletes only their own entries", async () => {
    const client = await as(tekla);
    expect((await client.query('SELECT id FROM time_entries')).rows).toEqual([{ id: entries.tekla }]);
    expect(
      (await client.query(`UPDATE time_entries SET note = 'mitt' WHERE id = $1`, [entries.tor])).rowCount,
    ).toBe(0);
    expect((await client.query(`DELETE FROM time_entries WHERE id = $1`, [entries.tor])).rowCount).toBe(0);
    expect(
      (await client.query(`UPDATE time_entries SET note = 'mitt' WHERE id = $1`, [entries.tekla])).rowCount,
    ).toBe(1);
    await expect(
      client.query(`UPDATE time_entries SET technician_id = $1 WHERE id = $2`, [tor.userId, entries.tekla]),
    ).rejects.toThrow(/row-level security/);
    await expect(
      client.query(
        `INSERT INTO time_entries (id, ticket_id, technician_id, started_at, source, note, classification,
           created_at, created_by, updated_at, updated_by)
         VALUES ($1, $2, $3, 0, 'manual', '', 'unclassified', 0, $3, 0, $3)`,
        [randomUUID(), ids.ticket, tor.userId],
      ),
    ).rejects.toThrow(/row-level security/);
    const untouched = await asSuperuser(team.database.name, (su) =>
      su.query(`SELECT note FROM lotsen.time_entries WHERE id = $1`, [entries.tor]),
    );
    expect(untouched.rows[0].note).not.toBe('mitt');
    // Finance sees everyone's time; the support lead too.
    expect((await (await as(fia)).query('SELECT count(*)::int AS n FROM time_entries')).rows[0].n).toBe(2);
    expect(
      (await (await as(team.admin)).query('SELECT count(*)::int AS n FROM time_entries')).rows[0].n,
    ).toBe(2);
  });

  test('secrets: finance reads support accounts but never the secret column', async () => {
    const finance = await as(fia);
    expect((await finance.query('SELECT username FROM support_accounts')).rows).toEqual([
      { username: 'lev-support' },
    ]);
    await expect(finance.query('SELECT secret FROM support_accounts')).rejects.toThrow(/permission denied/);
    await expect(finance.query('SELECT * FROM support_accounts')).rejects.toThrow(/permission denied/);
    await expect(finance.query(`UPDATE support_accounts SET secret = 'x'`)).rejects.toThrow(
      /permission denied/,
    );
    const technician = await as(tekla);
    expect((await technician.query('SELECT secret FROM support_accounts')).rows).toEqual([
      { secret: 'hemligt-lösen' },
    ]);
  });

  test("sessions: finance reads none, a technician only their own, a support lead everyone's", async () => {
    await expect((await as(fia)).query('SELECT * FROM sessions')).rejects.toThrow(/permission denied/);
    expect((await (await as(tekla)).query('SELECT id FROM sessions')).rows).toEqual([]);
    expect((await (await as(tor)).query('SELECT id FROM sessions')).rows).toEqual([{ id: session }]);
    expect((await (await as(team.admin)).query('SELECT id FROM sessions')).rows).toEqual([{ id: session }]);
  });

  test("a technician's own session opens; one past an eligibility blocker (an override) is the support lead's", async () => {
    const own = {
      ticket_id: ids.ticket,
      environment_id: ids.environment,
      technician_id: tekla.userId,
      opened_at: 1,
    };
    const client = await as(tekla);
    await seed(client, 'sessions', { ...own, id: randomUUID(), override_reason: null });
    await expect(
      seed(client, 'sessions', { ...own, id: randomUUID(), override_reason: 'akut' }),
    ).rejects.toThrow(/row-level security/);
    await expect(
      seed(client, 'sessions', {
        ...own,
        id: randomUUID(),
        technician_id: tor.userId,
        override_reason: null,
      }),
    ).rejects.toThrow(/row-level security/);
    const lead = await as(team.admin);
    await seed(lead, 'sessions', {
      ...own,
      id: randomUUID(),
      technician_id: team.admin.userId,
      override_reason: 'akut',
    });
  });

  test('the purge, its policy and erasure: a support lead without the admin right is refused, one with it may', async () => {
    const lead = await as(lars);
    const admin = await as(team.admin);
    const technician = await as(tekla);
    // The retention policy: the lead's update matches no row they may change.
    expect((await lead.query('UPDATE retention_policy SET keep_closed_days = 1')).rowCount).toBe(0);
    await expect(technician.query('UPDATE retention_policy SET keep_closed_days = 1')).rejects.toThrow(
      /permission denied/,
    );
    expect((await admin.query('UPDATE retention_policy SET keep_closed_days = 60')).rowCount).toBe(1);

    // A purge run's record.
    const run = `INSERT INTO purge_runs (id, ran_at, ran_by, purge_date, tickets, month_keys, keys_destroyed, recordings)
                 VALUES ($1, 0, $2, '2027-07-01', 0, 0, 0, 0)`;
    await expect(lead.query(run, [randomUUID(), lars.userId])).rejects.toThrow(/row-level security/);
    await admin.query(run, [randomUUID(), team.admin.userId]);

    // Shredding: the key of a ticket that stays, a month's key, a recording's contents.
    const shred = 'DELETE FROM personal_data_keys WHERE id = ANY($1)';
    const shredded = [keys.ticket, keys.month];
    for (const client of [lead, technician]) {
      expect((await client.query(shred, [shredded])).rowCount).toBe(0);
    }
    await expect((await as(fia)).query(shred, [shredded])).rejects.toThrow(/permission denied/);
    // A key's wrap changes only while a rotation of the tree runs (main/vault/treeRotation.ts): none runs here.
    expect((await lead.query(`UPDATE personal_data_keys SET wrapped_key = 'x'`)).rowCount).toBe(0);
    await expect(lead.query(`UPDATE personal_data_keys SET owner_id = 'x'`)).rejects.toThrow(
      /permission denied/,
    );
    expect((await lead.query('DELETE FROM recording_chunks')).rowCount).toBe(0);
    await expect(technician.query('DELETE FROM recording_chunks')).rejects.toThrow(/permission denied/);

    const left = await asSuperuser(team.database.name, async (su) => ({
      policy: (await su.query('SELECT keep_closed_days::int AS d FROM lotsen.retention_policy')).rows[0].d,
      runs: (await su.query('SELECT ran_by FROM lotsen.purge_runs')).rows.map((r) => r.ran_by),
      keys: (await su.query('SELECT count(*)::int AS n FROM lotsen.personal_data_keys')).rows[0].n,
      chunks: (await su.query('SELECT count(*)::int AS n FROM lotsen.recording_chunks')).rows[0].n,
    }));
    expect(left).toEqual({ policy: 60, runs: [team.admin.userId], keys: 3, chunks: 1 });

    expect((await admin.query(shred, [shredded])).rowCount).toBe(2);
    expect((await admin.query('DELETE FROM recording_chunks')).rowCount).toBe(1);
  });

  test("deleting a contact (hands-on work) destroys its data key with it; a live contact's key stays", async () => {
    const technician = await as(tekla);
    const destroy = `DELETE FROM personal_data_keys WHERE owner_kind = 'contact' AND owner_id = $1`;
    expect((await technician.query(destroy, [ids.contact])).rowCount).toBe(0);
    await technician.query('BEGIN');
    expect((await technician.query('DELETE FROM contacts WHERE id = $1', [ids.contact])).rowCount).toBe(1);
    expect((await technician.query(destroy, [ids.contact])).rowCount).toBe(1);
    await technician.query('COMMIT');
  });

  test('members: a member without the admin right cannot add a member or write the member tables', async () => {
    const client = await as(tekla);
    await expect(
      client.query(
        `SELECT * FROM lotsen.team_add_member('X', 'x@leverantor.se', 'finance', true, '0123abcd', 'v')`,
      ),
    ).rejects.toThrow(/permission denied for function/);
    await expect(
      client.query(
        `INSERT INTO users (id, name, email, role, is_local, created_at) VALUES ('u', 'X', 'x@y.se', 'finance', 0, 0)`,
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(client.query(`UPDATE team_members SET is_admin = 1`)).rejects.toThrow(/permission denied/);
    await expect(client.query('CREATE ROLE sneaky')).rejects.toThrow(/permission denied/);
    await expect(client.query('CREATE TABLE lotsen.mine (id int)')).rejects.toThrow(/permission denied/);
  });
});
