import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { keyedError, LotsenError } from '../../common/api/errors.ts';
import { isLoginRefusal } from '../team/reachability/connectionFailure.ts';
import { failureCause } from '../team/reachability/failureCause.ts';
import { DatabaseReachability } from '../team/reachability/databaseReachability.ts';
import { observedPool } from '../team/reachability/observedPool.ts';
import { migrationProvider, type TeamStore } from './database.node.ts';
import { PostgresColumnTypesPlugin } from './postgresColumnTypes.ts';
import type { DatabaseSchema } from './schema.ts';
import { createTeamTables } from './teamTables.ts';

/** Every table of Lotsen lives in this schema of the team's database; Kysely's migration records too. */
export const TEAM_SCHEMA = 'lotsen';

/** Where a team database is and how to reach it; never the password, which the vault keeps (main/vault/). */
export interface TeamDatabaseSettings {
  host: string;
  port: number;
  database: string;
  login: string;
  /**
   * `verify-full`: TLS, the server's certificate checked against `caFile` (or the system's authorities) and its name
   * against `host`. `disable`: no TLS, only for a loopback host unless `insecure` says the person chose it.
   */
  tls: { mode: 'verify-full'; caFile?: string } | { mode: 'disable' };
  insecure?: boolean;
}

export interface OpenTeamOptions {
  /**
   * Bring the schema up to this Lotsen's migrations (`lotsen team create`/`team upgrade`, run by an administrator).
   * Without it a schema that is behind or ahead is refused: members never migrate.
   */
  migrate?: boolean;
}

/**
 * How long a connection attempt may take: a network that swallows packets (a full-tunnel VPN) answers nothing, and
 * without a limit pg would wait for the operating system's TCP timeout, minutes. A server that is there answers a
 * login in milliseconds, also across the country.
 */
export const CONNECT_TIMEOUT_MS = 5_000;
/**
 * How long one query may wait for its answer before it counts as lost. Lotsen's queries are short (lists are paged,
 * exports and rotations go in batches), so this only ever ends a connection that went dead while in use.
 * Migrations (`team create`/`team upgrade`) are exempt: an admin's long ALTER is not a lost network.
 */
export const QUERY_TIMEOUT_MS = 30_000;
/** The reachability probe's own limit for its connection and its `SELECT 1`. */
export const PROBE_TIMEOUT_MS = 3_000;

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Counts and sums come back from PostgreSQL as int8 and numeric, which pg hands over as strings (they can exceed a
 * double). Lotsen's integers are timestamps in ms and amounts in öre, far inside 2^53, and the embedded store gives
 * numbers: so does this, and a value that would lose digits is an error rather than a silently wrong number.
 */
function toNumber(text: string): number {
  const value = Number(text);
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    throw new Error(`A number from the team database is too large to be exact here: ${text}`);
  }
  return value;
}

export const teamTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID || oid === NUMERIC_OID) return toNumber;
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  },
};

/** A loopback host (or a Unix socket folder) never leaves the machine, so TLS is not required to reach it. */
export function isLoopbackHost(host: string): boolean {
  if (host.startsWith('/')) return true;
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1';
  return false;
}

/** `host:port/database`, for messages and the status line: it names the login's database, never its password. */
export function describeTeamDatabase(settings: TeamDatabaseSettings): string {
  return `${settings.host}:${settings.port}/${settings.database}`;
}

/**
 * Opens a team database as one login: a pool of connections with `search_path` set to Lotsen's schema, TLS as
 * `settings.tls` says, and the schema checked against (or with `migrate`, brought up to) this Lotsen's migrations.
 * Errors name the database and the login, never the password.
 */
export async function openTeamDatabase(
  settings: TeamDatabaseSettings,
  password: string,
  options: OpenTeamOptions = {},
): Promise<TeamStore> {
  const where = describeTeamDatabase(settings);
  if (settings.tls.mode === 'disable' && !isLoopbackHost(settings.host) && settings.insecure !== true) {
    throw new LotsenError(
      'TEAM_TLS_REQUIRED',
      `The team database ${where} is on another machine and would be reached without TLS, so passwords and data would cross the network in the clear. Use TLS (sslmode verify-full with the server's CA file), or say \`insecure\` explicitly if the network is trusted.`,
      { database: where },
    );
  }
  const connection: pg.ClientConfig = {
    host: settings.host,
    port: settings.port,
    database: settings.database,
    user: settings.login,
    password,
    ssl: await tlsOptions(settings),
    options: `-c search_path=${TEAM_SCHEMA}`,
    types: teamTypes,
    application_name: 'lotsen',
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // The server drops an idle connection behind a NAT or firewall less often when TCP keeps it warm.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
  const pool = new pg.Pool({
    ...connection,
    ...(options.migrate ? {} : { query_timeout: QUERY_TIMEOUT_MS }),
  });
  // An idle connection the server drops (a restart, a removed member) must not take the process with it.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    const { cause, reason } = failureCause(error);
    if (cause === 'LoginRefused') {
      throw new LotsenError(
        'UNAUTHORIZED',
        `The team database ${where} refused the login ${settings.login}: the member may have been removed. Ask a team admin.`,
        { database: where },
      );
    }
    if (settings.tls.mode === 'verify-full' && isCertificateRefusal(error)) {
      throw untrustedCertificate(where, settings, reason);
    }
    const values = { database: where, login: settings.login, reason };
    throw keyedError('TEAM_DATABASE_UNAVAILABLE', `team.databaseNotOpened${cause}`, values, {
      database: where,
    });
  }

  const reachability = new DatabaseReachability({ probe: () => probeTeamDatabase(connection) });
  const db = new Kysely<DatabaseSchema>({
    dialect: new PostgresDialect({ pool: observedPool(pool, reachability) }),
    plugins: [new PostgresColumnTypesPlugin()],
  });
  try {
    if (options.migrate) await migrateTeamSchema(db);
    else await assertSchemaCurrent(db, where);
  } catch (error) {
    reachability.stop();
    await db.destroy();
    if (error instanceof LotsenError) throw error;
    const { reason } = failureCause(error);
    throw keyedError(
      'TEAM_DATABASE_UNAVAILABLE',
      'team.databaseNotPrepared',
      { database: where, reason },
      {
        database: where,
      },
    );
  }

  let closed = false;
  return {
    kind: 'team',
    db,
    database: where,
    // TCP keepalive: a connection that only listens sends nothing, and would not notice a network gone silent.
    dedicatedClient: (applicationName) =>
      new pg.Client({ ...connection, application_name: applicationName, keepAlive: true }),
    reachability,
    async close() {
      if (closed) return;
      closed = true;
      reachability.stop();
      await db.destroy();
    },
  };
}

/** One try to reach the database, on a connection of its own (the pool's may be stuck on a dead socket). */
async function probeTeamDatabase(connection: pg.ClientConfig): Promise<void> {
  const client = new pg.Client({
    ...connection,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    query_timeout: PROBE_TIMEOUT_MS,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    // A refused login is an answer: the database is there, and the pool's next query tells the person why it refused (a
    // member removed while away gets "no longer accepts your login", not a banner saying the database is away).
    if (!isLoginRefusal(error)) throw error;
  } finally {
    // Not awaited: ending a connection the network swallowed can wait long, and the next probe must not.
    void client.end().catch(() => undefined);
  }
}

function teamMigrator(db: Kysely<DatabaseSchema>): Migrator {
  return new Migrator({ db, provider: migrationProvider, migrationTableSchema: TEAM_SCHEMA });
}

async function migrateTeamSchema(db: Kysely<DatabaseSchema>): Promise<void> {
  await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(TEAM_SCHEMA)}`.execute(db);
  const { error } = await teamMigrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  await createTeamTables(db as unknown as Kysely<unknown>);
}

async function assertSchemaCurrent(db: Kysely<DatabaseSchema>, where: string): Promise<void> {
  const known = await teamMigrator(db).getMigrations();
  const pending = known.filter((m) => m.executedAt === undefined).map((m) => m.name);
  const applied = await sql<{
    name: string;
  }>`SELECT name FROM ${sql.table(`${TEAM_SCHEMA}.kysely_migration`)}`
    .execute(db)
    .then(
      (r) => r.rows.map((row) => row.name),
      () => [] as string[],
    );
  const unknown = applied.filter((name) => !known.some((m) => m.name === name));
  if (pending.length === 0 && unknown.length === 0) return;
  throw keyedError(
    'TEAM_SCHEMA_MISMATCH',
    unknown.length > 0 ? 'team.schemaNewer' : 'team.schemaBehind',
    { database: where, migrations: unknown.length > 0 ? unknown : pending },
    { database: where, pending, unknown },
  );
}

async function tlsOptions(settings: TeamDatabaseSettings): Promise<pg.ClientConfig['ssl']> {
  if (settings.tls.mode === 'disable') return false;
  // Node's TLS checks the chain and, by default, that the certificate names `host`: libpq's verify-full.
  const ca = settings.tls.caFile === undefined ? undefined : await readFile(settings.tls.caFile, 'utf8');
  return {
    rejectUnauthorized: true,
    ...(ca === undefined ? {} : { ca }),
    servername: serverName(settings.host),
  };
}

/** SNI takes a name, not an address (Node warns and ignores one). */
function serverName(host: string): string | undefined {
  return isIP(host) === 0 && !host.startsWith('/') ? host : undefined;
}

/** Node's TLS refusals of a server's certificate: an unknown issuer, a self-signed chain, a name it does not hold. */
const CERTIFICATE_REFUSALS = new Set([
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
]);

/** The server's certificate was refused: it names another host, or no CA this system (or the CA file) trusts. */
function untrustedCertificate(where: string, settings: TeamDatabaseSettings, reason: string): LotsenError {
  const values = { database: where, reason };
  const details = { database: where };
  if (reason === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const key = 'team.databaseCertificateWrongHost';
    return keyedError('TEAM_DATABASE_UNAVAILABLE', key, { ...values, host: settings.host }, details);
  }
  const caFile = settings.tls.mode === 'verify-full' ? settings.tls.caFile : undefined;
  if (caFile === undefined) {
    return keyedError('TEAM_DATABASE_UNAVAILABLE', 'team.databaseCertificateUntrusted', values, details);
  }
  const key = 'team.databaseCertificateNotFromCa';
  return keyedError('TEAM_DATABASE_UNAVAILABLE', key, { ...values, caFile }, details);
}

function isCertificateRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && CERTIFICATE_REFUSALS.has(code);
}
