import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTeamDatabase, type TeamDatabaseSettings } from '../../../main/store/teamDatabase.node.ts';
import { startPostgres, type PostgresServer } from '../../support/postgres/postgresServer.ts';

const run = promisify(execFile);

/**
 * A CA of the test's own (openssl), a server certificate it signs for `localhost` only, and a second CA that signed
 * nothing of this server's.
 */
async function makeCertificates(folder: string) {
  const file = (name: string) => join(folder, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  for (const ca of ['ca', 'other-ca']) {
    await run('openssl', [
      'req',
      '-x509',
      ...ec,
      '-keyout',
      file(`${ca}.key`),
      '-out',
      file(`${ca}.crt`),
      '-days',
      '2',
      '-subj',
      `/CN=Lotsen test ${ca}`,
    ]);
  }
  await run('openssl', [
    'req',
    ...ec,
    '-keyout',
    file('server.key'),
    '-out',
    file('server.csr'),
    '-subj',
    '/CN=localhost',
  ]);
  await writeFile(
    file('server.ext'),
    'subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n',
  );
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.crt'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-out',
    file('server.crt'),
    '-days',
    '2',
    '-extfile',
    file('server.ext'),
  ]);
  return {
    ca: file('ca.crt'),
    otherCa: file('other-ca.crt'),
    certificate: await readFile(file('server.crt'), 'utf8'),
    key: await readFile(file('server.key'), 'utf8'),
  };
}

/** The error opening rejects with; a store that opens anyway fails the test. */
async function refusal(opening: Promise<{ close(): Promise<void> }>): Promise<Error & { code?: string }> {
  const outcome = await opening.then(
    async (store) => {
      await store.close();
      return null;
    },
    (error: unknown) => error as Error & { code?: string },
  );
  if (outcome === null) throw new Error('the team database opened, but should have been refused');
  return outcome;
}

describe('a team database over TLS, verify-full', () => {
  let folder: string;
  let server: PostgresServer;
  let certificates: Awaited<ReturnType<typeof makeCertificates>>;
  const settings = (host: string, caFile: string): TeamDatabaseSettings => ({
    host,
    port: server.port,
    database: 'postgres',
    login: server.superuser.user,
    tls: { mode: 'verify-full', caFile },
  });

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'lotsen-tls-'));
    certificates = await makeCertificates(folder);
    // A server of its own: the run's has no TLS.
    server = await startPostgres({ tls: certificates });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  test('connects with the CA that signed the server certificate, and the connection is encrypted', async () => {
    const store = await openTeamDatabase(settings('localhost', certificates.ca), server.superuser.password, {
      migrate: true,
    });
    try {
      const { rows } = await sql<{ ssl: boolean; version: string }>`
        SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()`.execute(store.db);
      expect(rows[0]).toMatchObject({ ssl: true, version: expect.stringMatching(/^TLSv1\.[23]$/) });
    } finally {
      await store.close();
    }
  }, 60_000);

  test('a CA that did not sign the certificate is refused, clearly and without the password', async () => {
    const refused = await refusal(
      openTeamDatabase(settings('localhost', certificates.otherCa), server.superuser.password),
    );
    expect(refused).toMatchObject({ code: 'TEAM_DATABASE_UNAVAILABLE' });
    expect(refused.message).toContain(`is not signed by the CA in ${certificates.otherCa}`);
    expect(refused.message).not.toContain(server.superuser.password);
  });

  test('a host the certificate does not name is refused', async () => {
    // The same server, reached by its address: the certificate names localhost only.
    const refused = await refusal(
      openTeamDatabase(settings('127.0.0.1', certificates.ca), server.superuser.password),
    );
    expect(refused).toMatchObject({ code: 'TEAM_DATABASE_UNAVAILABLE' });
    expect(refused.message).toContain('does not name 127.0.0.1');
    expect(refused.message).not.toContain(server.superuser.password);
  });
});
