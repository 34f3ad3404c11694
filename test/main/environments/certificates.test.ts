import { describe, expect, test } from 'vitest';
import { apiPerTest } from '../../support/apiPerTest.ts';
import { prepareSessionCustomer } from '../../support/sessionCustomer.ts';

const { call } = apiPerTest();

/** Never connected to: these tests stop at the registry and the verdicts. */
const target = { host: 'wap01.kalmar.se', port: 22, username: 'svc_lotsen', secret: 'hemligt' };
const at = (iso: string) => Date.parse(iso);
const NOW = at('2026-12-06T10:00:00+01:00');

const warningsAt = async (customerId: string, instant: number) => {
  const rows = await call.ok('eligibility.review', { at: instant });
  return rows.find((row) => row.customerId === customerId)!.verdict.warnings;
};

describe('AD FS and WAP certificates', () => {
  test('a certificate expiring within 30 days is warned about', async () => {
    const { customer, environment, server } = await prepareSessionCustomer(call, target);
    const saved = await call.ok('certificates.save', {
      environmentId: environment.id,
      certificate: {
        kind: 'ssl',
        subject: 'CN=sts.kalmar.se',
        thumbprint: '3b:7e 0a:12:9f:44:c2:d1:55:8e:aa:01:23:45:67:89:ab:cd:ef:01',
        serverId: server.id,
        expiresOn: '2026-12-20',
      },
    });
    expect(saved).toMatchObject({
      thumbprint: '3B7E0A129F44C2D1558EAA0123456789ABCDEF01',
      serverHost: 'wap01.kalmar.se',
    });

    // As agreement endings: in the review's verdict, counted in days to the end of the last day.
    expect(await warningsAt(customer.id, NOW)).toEqual([
      {
        code: 'CERTIFICATE_EXPIRING_SOON',
        message:
          'SSL (service communications) certificate (CN=sts.kalmar.se) on wap01.kalmar.se in Produktion expires on ' +
          '2026-12-20 (in 15 days); renew it before then.',
        sentence: {
          key: 'certificateExpiring',
          values: {
            kind: 'ssl',
            subject: 'CN=sts.kalmar.se',
            host: 'wap01.kalmar.se',
            environment: 'Produktion',
            expiresOn: '2026-12-20',
            count: 15,
          },
        },
      },
    ]);
    // 31 days ahead is not soon.
    expect(await warningsAt(customer.id, at('2026-11-19T10:00:00+01:00'))).toEqual([]);
    // Before a session too: the verdict the session dialog asks for.
    const verdict = await call.ok('eligibility.check', {
      customerId: customer.id,
      environmentId: environment.id,
      at: NOW,
    });
    expect(verdict.status).toBe('warnings');
    expect(verdict.warnings.map((w) => w.code)).toEqual(['CERTIFICATE_EXPIRING_SOON']);

    const [row] = await call.ok('certificates.list', { at: NOW });
    expect(row).toMatchObject({
      customerName: 'Kalmar kommun',
      environmentName: 'Produktion',
      state: 'expiring',
    });
  });

  test('an expired token-signing certificate warns that sign-in is down', async () => {
    const { customer, environment } = await prepareSessionCustomer(call, target);
    await call.ok('certificates.save', {
      environmentId: environment.id,
      certificate: { kind: 'token_signing', expiresOn: '2026-12-05' },
    });
    const [warning] = await warningsAt(customer.id, NOW);
    expect(warning).toEqual({
      code: 'CERTIFICATE_EXPIRED',
      message:
        'Token-signing certificate in Produktion expired on 2026-12-05: AD FS can no longer sign tokens, so ' +
        'sign-in through AD FS and WAP is down. Renew it now.',
      sentence: {
        key: 'certificateExpired',
        values: { kind: 'token_signing', environment: 'Produktion', expiresOn: '2026-12-05' },
      },
    });
    // A warning, never a blocker: an expired certificate is exactly when the customer needs the vendor.
    const review = await call.ok('eligibility.review', { at: NOW });
    expect(review[0]!.verdict).toMatchObject({ status: 'warnings', blockers: [] });
    // On its last day it is still valid (it expires at the end of it, Stockholm time).
    expect((await warningsAt(customer.id, at('2026-12-05T23:59:00+01:00')))[0]!.code).toBe(
      'CERTIFICATE_EXPIRING_SOON',
    );
  });

  test('bad input is refused with the field named, and the store keeps what it had', async () => {
    const { environment } = await prepareSessionCustomer(call, target);
    const other = await call.ok('registry.saveEnvironment', {
      customerId: environment.customerId,
      environment: { name: 'Test' },
    });
    const elsewhere = await call.ok('registry.saveServer', {
      environmentId: other.id,
      server: { host: 'adfs-test.kalmar.se', role: 'adfs' },
    });
    const refusals = await Promise.all([
      call.fails('certificates.save', {
        environmentId: environment.id,
        certificate: { kind: 'ssl', expiresOn: '2026-02-30' },
      }),
      call.fails('certificates.save', {
        environmentId: environment.id,
        certificate: { kind: 'signing', expiresOn: '2026-12-01' },
      }),
      call.fails('certificates.save', {
        environmentId: environment.id,
        certificate: { kind: 'ssl', thumbprint: 'abc', expiresOn: '2026-12-01' },
      }),
      call.fails('certificates.save', {
        environmentId: environment.id,
        certificate: { kind: 'ssl', serverId: elsewhere.id, expiresOn: '2026-12-01' },
      }),
    ]);
    expect(refusals.map((r) => [r.code, r.details?.issues?.[0]?.path])).toEqual([
      ['VALIDATION', 'certificate.expiresOn'],
      ['VALIDATION', 'certificate.kind'],
      ['VALIDATION', 'certificate.thumbprint'],
      ['VALIDATION', 'certificate.serverId'],
    ]);
    expect(await call.ok('certificates.list', {})).toEqual([]);

    // Edited and deleted through the API; a deleted one is gone from the environment's view.
    const saved = await call.ok('certificates.save', {
      environmentId: environment.id,
      certificate: { kind: 'wap_proxy_trust', expiresOn: '2027-03-01' },
    });
    const edited = await call.ok('certificates.save', {
      environmentId: environment.id,
      id: saved.id,
      rowVersion: saved.rowVersion,
      certificate: { kind: 'wap_proxy_trust', expiresOn: '2027-06-01' },
    });
    expect(edited.expiresOn).toBe('2027-06-01');
    const detail = await call.ok('registry.getCustomer', { id: environment.customerId });
    expect(detail.environments.find((e) => e.id === environment.id)!.certificates).toEqual([edited]);
    await call.ok('certificates.delete', { id: saved.id });
    expect((await call.fails('certificates.delete', { id: saved.id })).code).toBe('NOT_FOUND');
    expect(await call.ok('certificates.list', {})).toEqual([]);
  });

  test('a certificate for an unknown environment, or edited through another, is not found and nothing changes', async () => {
    const { environment } = await prepareSessionCustomer(call, target);
    const saved = await call.ok('certificates.save', {
      environmentId: environment.id,
      certificate: { kind: 'token_signing', expiresOn: '2027-03-01' },
    });
    const other = await call.ok('registry.saveEnvironment', {
      customerId: environment.customerId,
      environment: { name: 'Test' },
    });
    const refusals = [
      await call.fails('certificates.save', {
        environmentId: crypto.randomUUID(),
        certificate: { kind: 'ssl', expiresOn: '2027-01-01' },
      }),
      await call.fails('certificates.save', {
        environmentId: other.id,
        id: saved.id,
        rowVersion: saved.rowVersion,
        certificate: { kind: 'ssl', expiresOn: '2027-01-01' },
      }),
      await call.fails('certificates.delete', { id: crypto.randomUUID() }),
    ];
    expect(refusals.map((r) => r.code)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    expect((await call.ok('certificates.list', {})).map((row) => row.certificate)).toEqual([saved]);
  });
});
