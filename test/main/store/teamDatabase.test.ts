import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LotsenError } from '../../../common/api/errors.ts';
import { createStore, migrationProvider, type Db } from '../../../main/store/database.node.ts';
import { storeDialect } from '../../../main/store/dialect.ts';
import { RECORDING_FILE_SCHEMA } from '../../../main/store/recordingChunksFile.node.ts';
import {
  openTeamDatabase,
  TEAM_SCHEMA,
  type TeamDatabaseSettings,
} from '../../../main/store/teamDatabase.node.ts';
import type { TeamStore } from '../../../main/store/database.node.ts';
import { TEAM_ONLY_TABLES } from '../../../main/store/teamTables.ts';
import { superuserTeamSettings } from '../../support/postgres/teamSettings.ts';
import { asSuperuser, createTestDatabase, type TestDatabase } from '../../support/postgres/testDatabases.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

interface Column {
  type: string;
  notNull: boolean;
}
type Shape = Record<string, Record<string, Column>>;

/** SQLite's column types as the PostgreSQL plugin maps them (postgresColumnTypes.ts). */
const AS_POSTGRES: Record<string, string> = {
  integer: 'bigint',
  text: 'text',
  blob: 'bytea',
  real: 'double precision',
};

/** The store's tables, with those of the recordings' file attached beside it (recordingChunksFile.node.ts). */
async function sqliteShape(db: Db): Promise<Shape> {
  const tables = await sql<{ name: string }>`SELECT name FROM sqlite_schema
    WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%'
    UNION ALL SELECT name FROM ${sql.raw(RECORDING_FILE_SCHEMA)}.sqlite_schema WHERE type = 'table'`.execute(
    db,
  );
  const shape: Shape = {};
  for (const { name } of tables.rows) {
    // table_xinfo, not table_info, which leaves generated columns out.
    const columns = await sql<{ name: string; type: string; notnull: number; pk: number }>`
      SELECT name, type, "notnull", pk FROM pragma_table_xinfo(${name})`.execute(db);
    shape[name] = Object.fromEntries(
      columns.rows.map((c) => [
        c.name,
        // A single-column SQLite primary key may hold NULL unless declared NOT NULL; PostgreSQL's never does.
        { type: AS_POSTGRES[c.type.toLowerCase()] ?? c.type, notNull: c.notnull === 1 || c.pk > 0 },
      ]),
    );
  }
  return shape;
}

async function postgresShape(db: Db): Promise<Shape> {
  const columns = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
  }>`
    SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
    WHERE table_schema = ${TEAM_SCHEMA} AND table_name NOT LIKE 'kysely_%'
      AND table_name NOT IN (${sql.join([...TEAM_ONLY_TABLES])})`.execute(db);
  const shape: Shape = {};
  for (const c of columns.rows) {
    (shape[c.table_name] ??= {})[c.column_name] = { type: c.data_type, notNull: c.is_nullable === 'NO' };
  }
  return shape;
}

/** Indexes and guard triggers made by name in the migrations (not those SQLite or PostgreSQL name themselves). */
async function sqliteNamed(db: Db, type: 'index' | 'trigger'): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT name FROM sqlite_schema
    WHERE type = ${type} AND sql IS NOT NULL AND name NOT LIKE 'kysely_%'`.execute(db);
  return rows.rows.map((r) => r.name).sort();
}

async function postgresNamed(db: Db, type: 'index' | 'trigger'): Promise<string[]> {
  const rows =
    type === 'index'
      ? await sql<{ name: string }>`SELECT i.relname AS name FROM pg_index x
          JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
          WHERE t.relnamespace = ${TEAM_SCHEMA}::regnamespace AND t.relname NOT LIKE 'kysely_%'
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`.execute(db)
      : await sql<{
          name: string;
        }>`SELECT g.tgname AS name FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid
          WHERE t.relnamespace = ${TEAM_SCHEMA}::regnamespace AND NOT g.tgisinternal
            AND g.tgname NOT LIKE '%\\_truncate'
            -- The change feed's (0025) are the team database's own: the embedded store has no listeners to tell.
            AND g.tgname NOT LIKE '%\\_change\\_feed'`.execute(db);
  return rows.rows.map((r) => r.name).sort();
}

describe('a team database on PostgreSQL', () => {
  let database: TestDatabase;
  let team: TeamStore;
  let settings: TeamDatabaseSettings;
  let password: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    ({ settings, password } = superuserTeamSettings(database.name));
    team = await openTeamDatabase(settings, password, { migrate: true });
  });
  afterAll(async () => {
    await team?.close();
    await database?.drop();
  });

  test('takes all the migrations into the lotsen schema, and a second opening finds nothing to do', async () => {
    expect(storeDialect(team.db)).toBe('postgres');
    const migrator = () =>
      new Migrator({ db: team.db, provider: migrationProvider, migrationTableSchema: TEAM_SCHEMA });
    const all = await migrator().getMigrations();
    expect(all.length).toBe(Object.keys(await migrationProvider.getMigrations()).length);
    expect(all.every((m) => m.executedAt !== undefined)).toBe(true);

    const again = await openTeamDatabase(settings, password, { migrate: true });
    try {
      expect((await again.db.selectFrom('retention_policy').select('id').execute()).length).toBe(1);
    } finally {
      await again.close();
    }
    const member = await openTeamDatabase(settings, password);
    await member.close();
    const tablesOutside = await asSuperuser(
      database.name,
      async (client) =>
        (await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows,
    );
    expect(tablesOutside).toEqual([]);
  });

  test("has the embedded store's tables, columns, indexes and guards, one for one", async () => {
    const temp = await makeTempDataDir();
    const embedded = await createStore(join(temp.dir, 'lotsen.db'), randomBytes(32));
    try {
      expect(await postgresShape(team.db)).toEqual(await sqliteShape(embedded.db));
      expect(await postgresNamed(team.db, 'index')).toEqual(await sqliteNamed(embedded.db, 'index'));
      expect(await postgresNamed(team.db, 'trigger')).toEqual(await sqliteNamed(embedded.db, 'trigger'));
    } finally {
      await embedded.close();
      await temp.cleanup();
    }
  });

  test('int8 and numeric come back as numbers, as from SQLite', async () => {
    const row = await sql<{ n: unknown; s: unknown }>`SELECT count(*) AS n, sum(x)::numeric AS s
      FROM (VALUES (1700000000000::bigint), (2)) v(x)`.execute(team.db);
    expect(row.rows[0]).toEqual({ n: 2, s: 1700000000002 });
  });

  test('refuses to change or remove an audit event or an approved billing line, as the embedded store does', async () => {
    const db = team.db;
    const now = Date.now();
    await db
      .insertInto('users')
      .values({
        id: 'u1',
        name: 'Fia Finans',
        email: 'fia@leverantor.se',
        role: 'finance',
        is_local: 0,
        created_at: now,
      })
      .execute();
    const stamp = { created_at: now, created_by: 'u1', updated_at: now, updated_by: 'u1' };
    await db
      .insertInto('customers')
      .values({
        id: 'c1',
        name: 'Skola',
        org_number: '212000-0142',
        kind: 'municipality',
        notes: '',
        ...stamp,
      } as never)
      .execute();
    await db
      .insertInto('audit_events')
      .values({
        seq: 1,
        at: now,
        actor_id: 'u1',
        actor_name: 'Fia',
        event: 'customer.created',
        subject_type: null,
        subject_id: null,
        details: '{}',
        prev_hash: '0',
        hash: 'h1',
      })
      .execute();
    await db
      .insertInto('billing_batches')
      .values({
        id: 'b1',
        number: 1,
        customer_id: 'c1',
        month: '2026-11',
        period_start: 0,
        period_end: 1,
        customer_name: 'Skola',
        org_number: '212000-0142',
        approved_at: now,
        approved_by: 'u1',
        approved_by_name: 'Fia',
        sealed: 1,
      } as never)
      .execute();
    await db
      .insertInto('billing_lines')
      .values({
        batch_id: 'b1',
        seq: 1,
        kind: 'time',
        ticket_id: 't1',
        ticket_ref: '#1',
        ticket_subject: 's',
        day: '2026-11-02',
        technician: 'x',
        agreement_ref: 'A',
        classification: 'billable',
        work_type: null,
        actual_seconds: 60,
        actual_minutes: 1,
        billed_minutes: 15,
        rate_ore: 100,
        amount_ore: 25,
        note: '',
        entry_count: 1,
        entry_id: null,
        adjustment_id: null,
      })
      .execute();

    const appendOnly = /the audit log is append-only/;
    await expect(db.updateTable('audit_events').set({ hash: 'forged' }).execute()).rejects.toThrow(
      appendOnly,
    );
    await expect(db.deleteFrom('audit_events').execute()).rejects.toThrow(appendOnly);
    await expect(sql`TRUNCATE audit_events`.execute(db)).rejects.toThrow(appendOnly);
    await expect(db.updateTable('billing_lines').set({ amount_ore: 1 }).execute()).rejects.toThrow(
      /LOTSEN_LOCKED: a billing line cannot change/,
    );
    await expect(db.deleteFrom('billing_lines').execute()).rejects.toThrow(
      /LOTSEN_LOCKED: a billing line cannot be deleted/,
    );
    await expect(sql`TRUNCATE billing_lines`.execute(db)).rejects.toThrow(/LOTSEN_LOCKED/);
    await expect(db.updateTable('billing_batches').set({ amount_ore: 1 }).execute()).rejects.toThrow(
      /LOTSEN_LOCKED: an approved billing batch cannot change/,
    );
    await expect(db.deleteFrom('billing_batches').execute()).rejects.toThrow(/LOTSEN_LOCKED/);
    expect(await db.selectFrom('billing_lines').select('amount_ore').execute()).toEqual([{ amount_ore: 25 }]);
    expect(await db.selectFrom('audit_events').select('hash').execute()).toEqual([{ hash: 'h1' }]);
  });
});

describe('opening a team database', () => {
  test('refuses a host on another machine without TLS, unless told insecure', async () => {
    const { settings, password } = superuserTeamSettings('postgres');
    const remote = { ...settings, host: 'db.leverantor.se' };
    const refused = await openTeamDatabase(remote, password).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LotsenError);
    expect((refused as LotsenError).code).toBe('TEAM_TLS_REQUIRED');
    expect((refused as LotsenError).message).toContain('db.leverantor.se:');
    expect((refused as LotsenError).message).not.toContain(password);
    // With insecure the refusal is gone: the open goes as far as the name lookup (which fails here).
    const tried = await openTeamDatabase({ ...remote, host: 'db.invalid', insecure: true }, password).catch(
      (error: unknown) => error,
    );
    expect((tried as LotsenError).code).toBe('TEAM_DATABASE_UNAVAILABLE');
  });

  test('asks for TLS when told verify-full: a server without it is refused', async () => {
    const { settings, password } = superuserTeamSettings('postgres');
    const refused = await openTeamDatabase({ ...settings, tls: { mode: 'verify-full' } }, password).catch(
      (error: unknown) => error,
    );
    expect((refused as LotsenError).code).toBe('TEAM_DATABASE_UNAVAILABLE');
    expect((refused as LotsenError).message).toMatch(/SSL/i);
  });

  test('a wrong password is refused as an unknown login, without the password in the message', async () => {
    const { settings, password } = superuserTeamSettings('postgres');
    const wrong = `${password}-nope`;
    const refused = await openTeamDatabase(settings, wrong).catch((error: unknown) => error);
    expect((refused as LotsenError).code).toBe('UNAUTHORIZED');
    expect((refused as LotsenError).message).toContain(`refused the login ${settings.login}`);
    expect((refused as LotsenError).message).not.toContain(password);
  });

  test("a member's opening refuses a schema behind or ahead of this Lotsen", async () => {
    const database = await createTestDatabase();
    try {
      const { settings, password } = superuserTeamSettings(database.name);
      await (await openTeamDatabase(settings, password, { migrate: true })).close();
      await asSuperuser(database.name, (client) =>
        client.query("DELETE FROM lotsen.kysely_migration WHERE name = '0019_sealed_late_fields'"),
      );
      const behind = await openTeamDatabase(settings, password).catch((error: unknown) => error);
      expect((behind as LotsenError).code).toBe('TEAM_SCHEMA_MISMATCH');
      expect((behind as LotsenError).message).toContain('lotsen team upgrade');
      await asSuperuser(database.name, (client) =>
        client.query(
          "INSERT INTO lotsen.kysely_migration (name, timestamp) VALUES ('0019_sealed_late_fields', 'x'), ('0099_future', 'x')",
        ),
      );
      const ahead = await openTeamDatabase(settings, password).catch((error: unknown) => error);
      expect((ahead as LotsenError).code).toBe('TEAM_SCHEMA_MISMATCH');
      expect((ahead as LotsenError).message).toContain('0099_future');
    } finally {
      await database.drop();
    }
  });
});
