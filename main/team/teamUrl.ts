import type { TeamDataSource } from '../app/dataConfig.node.ts';

// Apart from teamConnection.node.ts so that the API, made with teamClient.ts, does not load pg (issue 17).
/**
 * The URL a member gives `lotsen init --team`, from where this machine's Lotsen finds the team: host, port, database
 * and TLS, no user and no password. A CA file's path is this machine's, not theirs, so it is left for them to add.
 */
export function teamUrlFor(source: TeamDataSource): string {
  const host = source.host.includes(':') && !source.host.startsWith('[') ? `[${source.host}]` : source.host;
  const database = encodeURIComponent(source.database);
  const tls = source.tls.mode === 'verify-full' ? '?sslmode=verify-full' : '';
  return `postgresql://${host}:${source.port}/${database}${tls}`;
}
