import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { openSecret } from '../../../main/vault/secretVault.ts';
import { apiPerTest } from '../../support/apiPerTest.ts';
import { orgNumber } from '../../support/orgNumbers.ts';

/*
 * One-time codes of support accounts (issue 16, item 5), on the real store and vault (and, in the team project, on
 * PostgreSQL): the seed is sealed in the vault, never in a read, shown again only by an audited reveal; the code
 * Lotsen offers is the one oathtool, an independent implementation, computes from the same seed at the same moment.
 */

const { call, opened } = apiPerTest();

const SEED = 'GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ';
const BARE = SEED.replaceAll(' ', '');

async function account(totpSeed?: string | null) {
  const customer = await call.ok('registry.createCustomer', {
    name: 'Växjö kommun',
    orgNumber: orgNumber('212000', 70),
    kind: 'municipality',
  });
  const environment = await call.ok('registry.saveEnvironment', {
    customerId: customer.id,
    environment: { name: 'Produktion', access: { vpnType: 'none', method: 'ssh' } },
  });
  const saved = await call.ok('registry.saveSupportAccount', {
    environmentId: environment.id,
    account: { username: 'svc_support' },
    secret: 'lösenord-1',
    ...(totpSeed === undefined ? {} : { totpSeed }),
  });
  return { customer, environment, account: saved };
}

const oathtool = (seconds: number) =>
  execFileSync('oathtool', ['--totp', '-b', BARE, '--now', `@${seconds}`], { encoding: 'utf8' }).trim();

describe('one-time codes', () => {
  test('the code offered is the one oathtool computes, and each one handed out is audited, never the code', async () => {
    const { account: saved } = await account(SEED);
    expect(saved).toMatchObject({ hasTotpSeed: true, hasSecret: true });

    const before = Math.floor(Date.now() / 1000);
    const offered = await call.ok('registry.oneTimeCode', { accountId: saved.id, use: 'copy' });
    const after = Math.floor(Date.now() / 1000);
    // The moment may cross a period boundary between the call and oathtool's: the code is one of those moments'.
    expect([oathtool(before), oathtool(after)]).toContain(offered.code);
    expect(offered.code).toMatch(/^\d{6}$/);
    expect(offered.period).toBe(30);
    expect(offered.validUntil % 30_000).toBe(0);
    expect(offered.validUntil).toBeGreaterThan(before * 1000);

    const [event] = await call.ok('audit.list', { event: 'secret.one_time_code' });
    expect(event).toMatchObject({ subjectId: saved.id, details: { use: 'copy' } });
    expect(JSON.stringify(event)).not.toContain(offered.code);
  });

  test('the seed is sealed in the vault, in no read, and revealed only audited', async () => {
    const { customer, environment, account: saved } = await account(SEED);
    for (const read of [
      saved,
      await call.ok('registry.getCustomer', { id: customer.id }),
      await call.ok('registry.listCustomers', {}),
      await call.ok('registry.export', {}),
    ]) {
      expect(JSON.stringify(read)).not.toContain(BARE.slice(0, 16));
      expect(JSON.stringify(read)).not.toContain(SEED.slice(0, 9));
    }
    const db = opened.backend.registryContext().db;
    const stored = await db
      .selectFrom('support_accounts')
      .select(['totp_seed', 'secret'])
      .where('id', '=', saved.id)
      .executeTakeFirstOrThrow();
    expect(stored.totp_seed).toMatch(/^sv1\./);
    expect(await openSecret(db, stored.totp_seed!)).toBe(SEED);
    // A key of its own: the account's secret still opens beside it.
    expect(await openSecret(db, stored.secret!)).toBe('lösenord-1');

    expect(await call.ok('audit.list', { event: 'secret.totp_revealed' })).toEqual([]);
    expect(await call.ok('registry.revealTotpSeed', { accountId: saved.id, purpose: 'ny telefon' })).toEqual({
      seed: SEED,
    });
    const [reveal] = await call.ok('audit.list', { event: 'secret.totp_revealed' });
    expect(reveal).toMatchObject({ subjectId: saved.id, details: { environmentId: environment.id } });

    // Kept by a save that leaves it out; cleared by null, with the code then refused.
    const renamed = await call.ok('registry.saveSupportAccount', {
      environmentId: environment.id,
      id: saved.id,
      rowVersion: saved.rowVersion,
      account: { username: 'svc_support2' },
    });
    expect(renamed.hasTotpSeed).toBe(true);
    const cleared = await call.ok('registry.saveSupportAccount', {
      environmentId: environment.id,
      id: saved.id,
      rowVersion: renamed.rowVersion,
      account: { username: 'svc_support2' },
      totpSeed: null,
    });
    expect(cleared).toMatchObject({ hasTotpSeed: false, hasSecret: true });
    expect(await call.fails('registry.oneTimeCode', { accountId: saved.id, use: 'copy' })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  test('a seed that is not one is refused with the reason, and nothing is stored', async () => {
    const { environment } = await account();
    for (const [seed, reason] of [
      ['123456', 'base32'],
      ['JBSWY3DP', 'at least 16'],
      ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=9', 'otpauth'],
    ] as const) {
      const refused = await call.fails('registry.saveSupportAccount', {
        environmentId: environment.id,
        account: { username: `konto-${seed.length}` },
        totpSeed: seed,
      });
      expect(refused).toMatchObject({ code: 'VALIDATION' });
      expect(JSON.stringify(refused)).toContain(reason);
    }
    const detail = (await call.ok('registry.listCustomers', {}))[0]!;
    const environments = (await call.ok('registry.getCustomer', { id: detail.id })).environments;
    expect(environments[0]!.supportAccounts.map((a) => a.username)).toEqual(['svc_support']);
  });
});
