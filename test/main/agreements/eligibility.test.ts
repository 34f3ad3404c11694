import { describe, expect, test } from 'vitest';
import type { AgreementView, DpaView } from '../../../common/agreements/model.ts';
import type { ContactView, EnvironmentView } from '../../../common/registry/model.ts';
import { evaluateEligibility, type EligibilityFacts } from '../../../main/agreements/eligibility.ts';

const CUSTOMER = '00000000-0000-4000-8000-000000000001';
const ENV = '00000000-0000-4000-8000-000000000002';
const OTHER_ENV = '00000000-0000-4000-8000-000000000003';
const SSO = '00000000-0000-4000-8000-000000000004';
const SYNC = '00000000-0000-4000-8000-000000000005';
const at = (iso: string) => Date.parse(iso);

function environment(overrides: Partial<EnvironmentView> = {}): EnvironmentView {
  return {
    id: ENV,
    customerId: CUSTOMER,
    name: 'Produktion',
    notes: '',
    access: {
      vpnType: 'cisco_anyconnect',
      vpnGateway: 'vpn.kommun.se',
      teamViewerId: '',
      method: 'ssh',
      supportedTools: [],
      notes: '',
      preConnectCommand: '',
      hasPreConnectSecret: false,
      hasVpnTotpSeed: false,
      vpnClient: 'none',
      disconnectCommand: '',
      splitTunnel: 'yes',
      accessTool: '',
      specialConfigurationNeeded: false,
      specialConfiguration: '',
      toolTemplates: [],
      standard: true,
      nonStandardReasons: [],
    },
    servers: [
      {
        id: crypto.randomUUID(),
        environmentId: ENV,
        host: 'adfs01.kommun.se',
        port: 22,
        role: 'adfs',
        os: '',
        notes: '',
        shell: 'posix',
        rdpPort: null,
        rowVersion: 1,
      },
      {
        id: crypto.randomUUID(),
        environmentId: ENV,
        host: 'wap01.kommun.se',
        port: 22,
        role: 'wap',
        os: '',
        notes: '',
        shell: 'posix',
        rdpPort: null,
        rowVersion: 1,
      },
      {
        id: crypto.randomUUID(),
        environmentId: ENV,
        host: 'sync01.kommun.se',
        port: 22,
        role: 'sync',
        os: '',
        notes: '',
        shell: 'posix',
        rdpPort: null,
        rowVersion: 1,
      },
    ],
    supportAccounts: [
      {
        id: crypto.randomUUID(),
        environmentId: ENV,
        username: 'svc',
        notes: '',
        hasSecret: true,
        secretUpdatedAt: 1,
        hasTotpSeed: false,
        rowVersion: 1,
      },
    ],
    certificates: [],
    notices: [],
    rowVersion: 1,
    ...overrides,
  };
}

const contact = (name: string, overrides: Partial<ContactView> = {}): ContactView => ({
  id: crypto.randomUUID(),
  customerId: CUSTOMER,
  name,
  email: `${name.toLowerCase()}@kommun.se`,
  phone: '',
  role: 'Unikumansvarig',
  adminTrainingDone: true,
  toolTrainingDone: true,
  adminAccount: '',
  isPrimary: false,
  rowVersion: 1,
  ...overrides,
});

const agreement = (overrides: Partial<AgreementView> = {}): AgreementView => ({
  id: crypto.randomUUID(),
  customerId: CUSTOMER,
  reference: 'FA-2026-01',
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  responseHours: 8,
  acuteEscalation: { enabled: true, feeOre: 250_000 },
  allowedContacts: 6,
  services: [
    { id: SSO, kind: 'sso', name: 'AD FS SSO', environmentId: ENV },
    { id: SYNC, kind: 'sync', name: 'Elevregistersynk', environmentId: ENV },
  ],
  hourlyRatesOre: { configuration_change: 125_000 },
  rounding: { incrementMinutes: 15, scope: 'entry', minimumMinutes: 0 },
  notes: '',
  rowVersion: 1,
  ...overrides,
});

const dpa = (overrides: Partial<DpaView> = {}): DpaView => ({
  id: crypto.randomUUID(),
  customerId: CUSTOMER,
  signedOn: '2025-12-01',
  reference: 'PUB-17',
  version: '2.1',
  signatory: 'Karin Kommunjurist',
  endsOn: null,
  document: '',
  notes: '',
  rowVersion: 1,
  ...overrides,
});

/** A customer with everything in order: the baseline each test changes one thing in. */
function prepared(overrides: Partial<EligibilityFacts> = {}): EligibilityFacts {
  return {
    customerId: CUSTOMER,
    customerKind: 'municipality',
    contacts: [contact('Anna'), contact('Bertil')],
    environments: [environment()],
    agreements: [agreement()],
    dpas: [dpa()],
    ...overrides,
  };
}

const MID_YEAR = at('2026-06-15T10:00:00+02:00');
const codes = (
  facts: EligibilityFacts,
  question: Partial<Parameters<typeof evaluateEligibility>[1]> = {},
) => {
  const verdict = evaluateEligibility(facts, { at: MID_YEAR, ...question });
  return {
    blockers: verdict.blockers.map((r) => r.code),
    warnings: verdict.warnings.map((r) => r.code),
    verdict,
  };
};

describe('a fully prepared customer', () => {
  test('is eligible with no reasons', () => {
    expect(
      codes(prepared(), { serviceId: SSO, environmentId: ENV, requesterEmail: 'anna@kommun.se' }).verdict,
    ).toMatchObject({
      status: 'eligible',
      blockers: [],
      warnings: [],
      hasValidDpa: true,
      nextEndOn: '2026-12-31',
    });
  });

  test('is eligible at every instant inside the agreement, and blocked one second after it ends', () => {
    const first = at('2026-01-01T00:00:00+01:00');
    const end = at('2027-01-01T00:00:00+01:00'); // the agreement runs to the end of 31 December, Stockholm time
    const facts = prepared({ agreements: [agreement({ endsOn: '2026-12-31' })] });
    const instants = [first, end - 1, end - 1000];
    for (let t = first; t < end; t += 3 * 3_600_000 + 17 * 60_000) instants.push(t);
    for (const instant of instants) {
      const { blockers } = codes(facts, { at: instant });
      expect(blockers, new Date(instant).toISOString()).toEqual([]);
    }
    expect(codes(facts, { at: end + 1000 }).blockers).toEqual(['AGREEMENT_ENDED']);
    expect(codes(facts, { at: first - 1000 }).blockers).toEqual(['AGREEMENT_NOT_STARTED']);
  });
});

describe('blockers', () => {
  test('no agreement', () => {
    const { blockers, verdict } = codes(prepared({ agreements: [] }));
    expect(blockers).toEqual(['NO_AGREEMENT']);
    expect(verdict.status).toBe('blocked');
    expect(verdict.blockers[0]!.message).toBe('There is no support agreement with this customer.');
  });

  test('agreement not yet started names its start date', () => {
    const { verdict } = codes(
      prepared({ agreements: [agreement({ startsOn: '2026-07-01', reference: 'FA-NY' })] }),
    );
    expect(verdict.blockers).toMatchObject([
      {
        code: 'AGREEMENT_NOT_STARTED',
        message: 'Agreement FA-NY starts on 2026-07-01; no agreement is in force yet.',
      },
    ]);
  });

  test('agreement ended names its end date', () => {
    const { verdict } = codes(
      prepared({ agreements: [agreement({ startsOn: '2025-01-01', endsOn: '2026-05-31' })] }),
    );
    expect(verdict.blockers).toMatchObject([
      {
        code: 'AGREEMENT_ENDED',
        message: 'Agreement FA-2026-01 ended on 2026-05-31; no agreement is in force.',
      },
    ]);
  });

  test('service not covered, by service and by environment', () => {
    const onlySync = agreement({
      services: [{ id: SYNC, kind: 'sync', name: 'Elevregistersynk', environmentId: ENV }],
    });
    expect(codes(prepared({ agreements: [onlySync] }), { serviceId: SSO }).blockers).toEqual([
      'SERVICE_NOT_COVERED',
    ]);
    const ended = agreement({
      id: crypto.randomUUID(),
      startsOn: '2024-01-01',
      endsOn: '2024-12-31',
      services: [{ id: SSO, kind: 'sso', name: 'AD FS SSO', environmentId: ENV }],
    });
    expect(
      codes(prepared({ agreements: [onlySync, ended] }), { serviceId: SSO }).verdict.blockers[0]!.message,
    ).toBe('AD FS SSO is not covered by an agreement in force.');
    const facts = prepared({ environments: [environment(), environment({ id: OTHER_ENV, name: 'Test' })] });
    expect(codes(facts, { environmentId: OTHER_ENV }).verdict.blockers).toMatchObject([
      { code: 'SERVICE_NOT_COVERED', message: 'No agreement in force covers a service in Test.' },
    ]);
  });

  test('no DPA, a DPA dated later, and an ended DPA', () => {
    expect(codes(prepared({ dpas: [] })).verdict.blockers).toMatchObject([
      { code: 'NO_DPA', message: 'No signed data-processing agreement (PUB-avtal) is recorded.' },
    ]);
    expect(codes(prepared({ dpas: [dpa({ signedOn: '2026-09-01' })] })).blockers).toEqual(['NO_DPA']);
    const { verdict } = codes(prepared({ dpas: [dpa({ endsOn: '2026-03-31' })] }));
    expect(verdict.blockers).toMatchObject([
      { code: 'DPA_ENDED', message: 'The data-processing agreement PUB-17 ended on 2026-03-31.' },
    ]);
    expect(verdict.hasValidDpa).toBe(false);
  });

  test('no support account', () => {
    expect(
      codes(prepared({ environments: [environment({ supportAccounts: [] })] })).verdict.blockers,
    ).toMatchObject([
      { code: 'NO_SUPPORT_ACCOUNT', message: 'The vendor has no support account in Produktion.' },
    ]);
  });

  test('SSO access needs both AD FS and WAP', () => {
    const serversWith = (...roles: ('adfs' | 'wap')[]) =>
      environment().servers.filter((s) => s.role !== 'sync' && roles.includes(s.role as 'adfs' | 'wap'));
    const ssoOnly = agreement({
      services: [{ id: SSO, kind: 'sso', name: 'AD FS SSO', environmentId: ENV }],
    });
    const withServers = (...roles: ('adfs' | 'wap')[]) =>
      prepared({ agreements: [ssoOnly], environments: [environment({ servers: serversWith(...roles) })] });
    expect(codes(withServers('adfs')).verdict.blockers).toEqual([
      {
        code: 'NO_REMOTE_ACCESS',
        message:
          'No remote access is recorded to the WAP server in Produktion: AD FS SSO depends on AD FS and WAP.',
        sentence: {
          key: 'noRemoteAccessServices',
          values: { environment: 'Produktion', roles: ['wap'], services: ['AD FS SSO'] },
        },
      },
    ]);
    expect(codes(withServers('wap')).verdict.blockers).toEqual([
      {
        code: 'NO_REMOTE_ACCESS',
        message:
          'No remote access is recorded to the AD FS server in Produktion: AD FS SSO depends on AD FS and WAP.',
        sentence: {
          key: 'noRemoteAccessServices',
          values: { environment: 'Produktion', roles: ['adfs'], services: ['AD FS SSO'] },
        },
      },
    ]);
    expect(codes(withServers('adfs', 'wap')).blockers).toEqual([]);
    // A ticket about the sync service needs its server, not AD FS and WAP.
    const syncServer = environment({ servers: environment().servers.filter((s) => s.role === 'sync') });
    expect(codes(prepared({ environments: [syncServer] }), { serviceId: SYNC }).blockers).toEqual([]);
    expect(codes(prepared({ environments: [syncServer] }), { serviceId: SSO }).blockers).toEqual([
      'NO_REMOTE_ACCESS',
    ]);
  });

  test('no remote access to the servers the services depend on', () => {
    const syncOnly = environment({
      servers: [
        {
          id: crypto.randomUUID(),
          environmentId: ENV,
          host: 'sync01',
          port: 22,
          role: 'sync',
          os: '',
          notes: '',
          shell: 'posix',
          rdpPort: null,
          rowVersion: 1,
        },
      ],
    });
    expect(codes(prepared({ environments: [syncOnly] })).verdict.blockers).toEqual([
      {
        code: 'NO_REMOTE_ACCESS',
        message:
          'No remote access is recorded to the AD FS and WAP servers in Produktion: AD FS SSO depends on AD FS and WAP; Elevregistersynk depends on sync/integration.',
        sentence: {
          key: 'noRemoteAccessServices',
          values: {
            environment: 'Produktion',
            roles: ['adfs', 'wap'],
            services: ['AD FS SSO', 'Elevregistersynk'],
          },
        },
      },
    ]);
    // A sync-only agreement needs a server, not AD FS or WAP.
    const syncAgreement = agreement({
      services: [{ id: SYNC, kind: 'sync', name: 'Synk', environmentId: ENV }],
    });
    expect(codes(prepared({ environments: [syncOnly], agreements: [syncAgreement] })).blockers).toEqual([]);
    expect(
      codes(prepared({ environments: [environment({ servers: [] })], agreements: [syncAgreement] })).blockers,
    ).toEqual(['NO_REMOTE_ACCESS']);
  });

  test('a customer with no environment at all lacks both account and access', () => {
    expect(codes(prepared({ environments: [] })).blockers).toEqual([
      'NO_SUPPORT_ACCOUNT',
      'NO_REMOTE_ACCESS',
    ]);
  });

  test('a school’s primary contact must have done both trainings; other kinds name no primary', () => {
    const school = (primary: Partial<ContactView>) =>
      codes(
        prepared({
          customerKind: 'school',
          contacts: [contact('Anna', { isPrimary: true, ...primary }), contact('Bertil')],
        }),
      ).verdict;
    expect(school({ adminTrainingDone: false }).blockers).toMatchObject([
      {
        code: 'PRIMARY_CONTACT_UNTRAINED',
        message: "The school's primary support contact Anna has not done admin training.",
      },
    ]);
    expect(school({ toolTrainingDone: false }).blockers.map((b) => b.code)).toEqual([
      'PRIMARY_CONTACT_UNTRAINED',
    ]);
    // Said once, as the blocker: not again among the training warnings.
    expect(school({ toolTrainingDone: false }).warnings).toEqual([]);
    expect(school({}).blockers).toEqual([]);
    for (const customerKind of ['municipality', 'school_chain', 'other'] as const) {
      expect(codes(prepared({ customerKind })).blockers).toEqual([]);
    }
  });

  test('several blockers are all reported', () => {
    expect(
      codes(prepared({ agreements: [], dpas: [], environments: [environment({ supportAccounts: [] })] }))
        .blockers,
    ).toEqual(['NO_AGREEMENT', 'NO_DPA', 'NO_SUPPORT_ACCOUNT']);
  });
});

describe('warnings', () => {
  test('non-standard access is billable under 8.6 and says why', () => {
    const env = environment();
    env.access = {
      ...env.access,
      vpnType: 'other',
      accessTool: 'FortiClient',
      standard: false,
      nonStandardReasons: ['FortiClient is not an accepted solution.'],
    };
    const { verdict } = codes(prepared({ environments: [env] }));
    expect(verdict.status).toBe('warnings');
    expect(verdict.warnings).toEqual([
      {
        code: 'NON_STANDARD_ACCESS',
        message:
          'Produktion uses non-standard access, billable under section 8.6: FortiClient is not an accepted solution.',
        sentence: {
          key: 'nonStandardAccess',
          values: { environment: 'Produktion', findings: [{ code: 'otherTool', tool: 'FortiClient' }] },
        },
      },
    ]);
  });

  test('more named contacts than the agreement allows', () => {
    const contacts = ['A', 'B', 'C', 'D'].map((n) => contact(n));
    expect(
      codes(prepared({ contacts, agreements: [agreement({ allowedContacts: 3 })] })).verdict.warnings,
    ).toMatchObject([
      { code: 'TOO_MANY_CONTACTS', message: '4 named support contacts; the agreement allows 3.' },
    ]);
  });

  test('contacts missing training are named with what is missing', () => {
    const contacts = [
      contact('Anna', { adminTrainingDone: false }),
      contact('Bertil', { adminTrainingDone: false, toolTrainingDone: false }),
    ];
    expect(codes(prepared({ contacts })).verdict.warnings).toEqual([
      {
        code: 'CONTACT_TRAINING_MISSING',
        message: 'Training not done: Anna (admin), Bertil (admin and tool).',
        sentence: {
          key: 'contactTrainingMissing',
          values: {
            contacts: [
              { contact: 'Anna', training: 'admin' },
              { contact: 'Bertil', training: 'both' },
            ],
          },
        },
      },
    ]);
  });

  test('agreement and DPA ending within 30 days', () => {
    const facts = prepared({
      agreements: [agreement({ endsOn: '2026-06-30' })],
      dpas: [dpa({ endsOn: '2026-07-10' })],
    });
    const { verdict } = codes(facts);
    expect(verdict.warnings).toMatchObject([
      { code: 'AGREEMENT_ENDING_SOON', message: 'Agreement FA-2026-01 ends on 2026-06-30 (in 16 days).' },
      {
        code: 'DPA_ENDING_SOON',
        message: 'The data-processing agreement PUB-17 ends on 2026-07-10 (in 26 days).',
      },
    ]);
    expect(verdict.nextEndOn).toBe('2026-06-30');
    // 31 days ahead is not "soon".
    expect(
      codes(prepared({ agreements: [agreement({ endsOn: '2026-07-15' })] }), {
        at: at('2026-06-15T00:00:00+02:00'),
      }).warnings,
    ).toEqual([]);
  });

  test('requester not a named support contact (case-insensitive match)', () => {
    expect(codes(prepared(), { requesterEmail: 'ANNA@kommun.se' }).warnings).toEqual([]);
    expect(codes(prepared(), { requesterEmail: 'rektor@skola.se' }).verdict.warnings).toMatchObject([
      {
        code: 'REQUESTER_NOT_CONTACT',
        message: 'rektor@skola.se is not a named support contact; the vendor helps named contacts only.',
      },
    ]);
  });
});
