import pg from 'pg';
import { LotsenError } from '../../common/api/errors.ts';
import type { TeamDataSource } from '../app/dataConfig.node.ts';
import { isLoginRefusal } from './reachability/connectionFailure.ts';
import { teamUrlFor } from './teamUrl.ts';

export { teamUrlFor };

/*
 * Connections to a team's PostgreSQL for setting up and managing the team (team create, enrolment, member
 * management). The app's own connections come from main/store/teamDatabase.node.ts; both keep to the same rules:
 * TLS for any host that is not this machine unless the person said `--insecure`, and no password in anything shown.
 */

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
const TLS_MODES = new Set(['require', 'verify-ca', 'verify-full']);

export interface TeamAddress {
  /** The URL as given, which may hold a password (an admin's); never shown or logged as is. */
  readonly url: string;
  readonly host: string;
  readonly database: string;
}

export function parseTeamUrl(url: string, options: { insecure?: boolean } = {}): TeamAddress {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new LotsenError(
      'VALIDATION',
      'Give the database as a URL like postgresql://db.example.se:5432/lotsen_team?sslmode=verify-full',
    );
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:') {
    throw new LotsenError(
      'VALIDATION',
      `A team database URL starts with postgresql://, not ${parsed.protocol}//`,
    );
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database === '') {
    throw new LotsenError('VALIDATION', `The URL ${redactUrl(url)} names no database.`);
  }
  const host = parsed.hostname || (parsed.searchParams.get('host') ?? '');
  const socket = host === '' || host.startsWith('/');
  const tls = TLS_MODES.has(parsed.searchParams.get('sslmode') ?? '');
  if (!socket && !LOOPBACK.has(host) && !tls && !options.insecure) {
    throw new LotsenError(
      'VALIDATION',
      `${host} is not this machine, and the URL asks for no TLS: add sslmode=verify-full (with sslrootcert=CA-FILE ` +
        'for a private CA), or pass --insecure if the network between is trusted.',
    );
  }
  return { url, host, database };
}

/** The URL with any password taken out, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(a database URL)';
  }
}

/**
 * Where this machine's Lotsen finds its team (lotsen.json's `dataSource`), from the URL an admin gave: host, port and
 * database, the member's login, and TLS as the URL asks. Lotsen checks the server's name and certificate whenever it
 * uses TLS, so of libpq's modes only `verify-full` is taken (with `sslrootcert` for a private CA).
 */
export function teamDataSourceFor(
  url: string,
  login: string,
  options: { insecure?: boolean } = {},
): TeamDataSource {
  const address = parseTeamUrl(url, options);
  const parsed = new URL(url);
  const sslmode = parsed.searchParams.get('sslmode');
  if (sslmode !== null && sslmode !== 'verify-full' && sslmode !== 'disable') {
    throw new LotsenError(
      'VALIDATION',
      `Lotsen checks the team database's certificate and name: use sslmode=verify-full (not ${sslmode}), with sslrootcert=CA-FILE for a private CA.`,
    );
  }
  if (address.host === '' || address.host.startsWith('/')) {
    throw new LotsenError(
      'VALIDATION',
      'Give the team database by host name or address, not a socket folder.',
    );
  }
  const caFile = parsed.searchParams.get('sslrootcert');
  return {
    kind: 'team',
    host: address.host,
    port: parsed.port === '' ? 5432 : Number(parsed.port),
    database: address.database,
    login,
    tls:
      sslmode === 'verify-full'
        ? { mode: 'verify-full', ...(caFile ? { caFile } : {}) }
        : { mode: 'disable' },
    ...(options.insecure ? { insecure: true as const } : {}),
  };
}

/** The URL naming `user` and no password. */
export function urlForLogin(url: string, user: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = '';
  return parsed.toString();
}

/**
 * A connected client; a refused login throws `refusedLogin` when given, and other failures become
 * TEAM_UNREACHABLE with PostgreSQL's reason, never the URL's password.
 */
export async function connectTeam(
  address: TeamAddress,
  credentials: { user: string; password: string } | null,
  options: { refusedLogin?: LotsenError } = {},
): Promise<pg.Client> {
  // pg lets a connection string's fields win over separate ones, so the credentials go into it; it is never shown.
  let connectionString = address.url;
  if (credentials) {
    const withLogin = new URL(urlForLogin(address.url, credentials.user));
    withLogin.password = encodeURIComponent(credentials.password);
    connectionString = withLogin.toString();
  }
  const client = new pg.Client({ connectionString });
  // A dropped connection after use must not crash the process; the next query reports it.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    if (options.refusedLogin && isLoginRefusal(error)) throw options.refusedLogin;
    throw new LotsenError(
      'TEAM_UNREACHABLE',
      `Could not connect to ${redactUrl(address.url)}${credentials ? ` as ${credentials.user}` : ''}: ${(error as Error).message}`,
    );
  }
  return client;
}

/** Runs `use` in one transaction on `client`: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(client: pg.Client, use: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await use();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
