import pg from 'pg';
import type { LotsenError } from '../../common/api/errors.ts';
import { keyedError } from '../../common/api/errors.ts';
import type { TeamDataSource } from '../app/dataConfig.node.ts';
import { isLoginRefusal } from './reachability/connectionFailure.ts';
import { failureCause } from './reachability/failureCause.ts';
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
    throw keyedError('VALIDATION', 'team.urlUnreadable');
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:') {
    throw keyedError('VALIDATION', 'team.urlProtocolWrong', { protocol: parsed.protocol });
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database === '') {
    throw keyedError('VALIDATION', 'team.urlWithoutDatabase', { url: redactUrl(url) });
  }
  const host = parsed.hostname || (parsed.searchParams.get('host') ?? '');
  const socket = host === '' || host.startsWith('/');
  const tls = TLS_MODES.has(parsed.searchParams.get('sslmode') ?? '');
  if (!socket && !LOOPBACK.has(host) && !tls && !options.insecure) {
    throw keyedError('VALIDATION', 'team.urlWithoutTls', { host });
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
    throw keyedError('VALIDATION', 'team.sslmodeNotVerifyFull', { sslmode });
  }
  if (address.host === '' || address.host.startsWith('/')) {
    throw keyedError('VALIDATION', 'team.urlNamesSocket');
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
 * TEAM_UNREACHABLE worded by why (unreachableTeam), never with the URL's password.
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
    // The URL names the login tried (never its password), so the admin sees who was refused.
    const url = redactUrl(credentials ? urlForLogin(address.url, credentials.user) : address.url);
    throw unreachableTeam(url, error);
  }
  return client;
}

/** TEAM_UNREACHABLE, worded by why (failureCause.ts): never pg's own text, which may name more than it should. */
export function unreachableTeam(url: string, error: unknown): LotsenError {
  const { cause, reason } = failureCause(error);
  return keyedError('TEAM_UNREACHABLE', `team.connect${cause === '' ? 'Failed' : cause}`, { url, reason });
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
