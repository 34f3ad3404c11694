import { afterEach, describe, expect, it } from 'vitest';
import type { ContactView, EnvironmentView } from '../../../common/registry/model.ts';
import { evaluateEligibility } from '../../../main/agreements/eligibility.ts';
import { reasonSentence } from '../../../renderer/components/ReasonList.tsx';
import { chooseLanguage } from '../../../renderer/i18n/i18n.ts';

const CUSTOMER = '00000000-0000-4000-8000-000000000001';
const AT = Date.parse('2026-06-15T10:00:00+02:00');

const contact = (overrides: Partial<ContactView>): ContactView => ({
  id: crypto.randomUUID(),
  customerId: CUSTOMER,
  name: 'Rut Rektor',
  email: 'rut@skolan.se',
  phone: '',
  role: '',
  adminTrainingDone: true,
  toolTrainingDone: true,
  adminAccount: '',
  isPrimary: true,
  rowVersion: 1,
  ...overrides,
});

/** A school with nothing recorded but an untrained primary contact and an agreement ending in six days. */
const verdict = () =>
  evaluateEligibility(
    {
      customerId: CUSTOMER,
      customerKind: 'school',
      contacts: [contact({ adminTrainingDone: false, toolTrainingDone: false })],
      environments: [],
      agreements: [
        {
          id: crypto.randomUUID(),
          customerId: CUSTOMER,
          reference: 'FA-2026-01',
          startsOn: '2026-01-01',
          endsOn: '2026-06-20',
          responseHours: 8,
          acuteEscalation: { enabled: false, feeOre: 0 },
          allowedContacts: 6,
          services: [],
          hourlyRatesOre: {},
          rounding: { incrementMinutes: 15, scope: 'entry', minimumMinutes: 0 },
          notes: '',
          rowVersion: 1,
        },
      ],
      dpas: [],
    },
    { at: AT, requesterEmail: 'okand@skolan.se' },
  );

describe('eligibility reasons worded in the chosen language from the key and values main gives', () => {
  afterEach(() => chooseLanguage('en'));

  it('Swedish: every sentence in Swedish, dates as Swedish writes them', async () => {
    await chooseLanguage('sv');
    const { blockers, warnings } = verdict();
    expect([...blockers, ...warnings].map(reasonSentence)).toEqual([
      'Inget undertecknat PUB-avtal är registrerat.',
      'Ingen miljö är registrerad för kunden, och därmed inget supportkonto.',
      'Ingen miljö är registrerad för kunden, och därmed ingen fjärråtkomst.',
      'Skolans huvudkontakt Rut Rektor har inte gått admin- och verktygsutbildningen.',
      'Avtal FA-2026-01 upphör 2026-06-20 (om 6 dagar).',
      'okand@skolan.se är ingen namngiven supportkontakt; leverantören hjälper bara namngivna kontakter.',
    ]);
  });

  it('English: main’s sentence, with the date as en-GB writes it', async () => {
    await chooseLanguage('en');
    const { blockers, warnings } = verdict();
    const reasons = [...blockers, ...warnings];
    expect(reasons.map(reasonSentence)).toEqual(
      reasons.map((r) => r.message.replace('2026-06-20', '20/06/2026').replace("school's", 'school’s')),
    );
  });

  it('a reason main words only in English is shown as main wrote it', () => {
    expect(
      reasonSentence({ code: 'MAINTENANCE_NOTICE', message: 'Planned maintenance in Produktion.' }),
    ).toBe('Planned maintenance in Produktion.');
  });
});

const ENV = '00000000-0000-4000-8000-000000000002';
const NOW = Date.parse('2026-12-05T09:00:00+01:00');
const server = (host: string, role: 'adfs' | 'sync') => ({
  id: crypto.randomUUID(),
  environmentId: ENV,
  host,
  port: 22,
  role,
  os: '',
  notes: '',
  shell: 'posix' as const,
  rdpPort: null,
  rowVersion: 1,
});
const certificate = (overrides: Partial<EnvironmentView['certificates'][number]>) => ({
  id: crypto.randomUUID(),
  environmentId: ENV,
  kind: 'ssl' as const,
  subject: '',
  thumbprint: 'A'.repeat(40),
  serverId: null,
  serverHost: null,
  expiresOn: '2026-12-20',
  rowVersion: 1,
  ...overrides,
});
const notice = (startsAt: number, endsAt: number | null, summary: string) => ({
  id: crypto.randomUUID(),
  environmentId: ENV,
  startsAt,
  endsAt,
  summary,
  receivedAt: NOW - 86_400_000,
  recordedAt: NOW - 86_400_000,
  recordedBy: 'Ada',
  rowVersion: 1,
});

/**
 * Every warning main words only by the environment's facts: an AD FS server but no WAP one, a full-tunnel
 * AnyConnect, two contacts without training, two notices and two certificates, one expired.
 */
const environmentVerdict = () =>
  evaluateEligibility(
    {
      customerId: CUSTOMER,
      customerKind: 'municipality',
      contacts: [
        contact({ name: 'Anna Berg', isPrimary: false, adminTrainingDone: false }),
        contact({ name: 'Bo Ek', isPrimary: false, adminTrainingDone: false, toolTrainingDone: false }),
      ],
      environments: [
        {
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
            splitTunnel: 'no',
            accessTool: '',
            specialConfigurationNeeded: false,
            specialConfiguration: '',
            toolTemplates: [],
            standard: false,
            nonStandardReasons: [
              'Cisco AnyConnect runs as a full tunnel; the terms accept it only with split tunnel.',
            ],
          },
          servers: [server('adfs01.kommun.se', 'adfs'), server('sync01.kommun.se', 'sync')],
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
          certificates: [
            certificate({ subject: 'CN=sts.kommun.se', serverHost: 'wap01.kommun.se' }),
            certificate({ kind: 'token_signing', expiresOn: '2026-12-04' }),
          ],
          notices: [
            notice(
              Date.parse('2026-12-07T10:00:00+01:00'),
              Date.parse('2026-12-07T12:00:00+01:00'),
              'WAP01 is being patched',
            ),
            notice(NOW - 3_600_000, null, 'New firewall rules.'),
          ],
          rowVersion: 1,
        },
      ],
      agreements: [
        {
          id: crypto.randomUUID(),
          customerId: CUSTOMER,
          reference: 'FA-2026-01',
          startsOn: '2026-01-01',
          endsOn: null,
          responseHours: 8,
          acuteEscalation: { enabled: false, feeOre: 0 },
          allowedContacts: 6,
          services: [{ id: crypto.randomUUID(), kind: 'sso', name: 'AD FS SSO', environmentId: ENV }],
          hourlyRatesOre: {},
          rounding: { incrementMinutes: 15, scope: 'entry', minimumMinutes: 0 },
          notes: '',
          rowVersion: 1,
        },
      ],
      dpas: [
        {
          id: crypto.randomUUID(),
          customerId: CUSTOMER,
          reference: 'PUB-1',
          signedOn: '2026-01-01',
          endsOn: null,
          notes: '',
          rowVersion: 1,
        } as never,
      ],
    },
    { at: NOW, environmentId: ENV },
  );

describe('the environment’s reasons, worded by code', () => {
  afterEach(() => chooseLanguage('en'));

  it('every reason main gives here has a sentence key, none only main’s English', () => {
    const { blockers, warnings } = environmentVerdict();
    expect([...blockers, ...warnings].map((r) => r.code)).toEqual([
      'NO_REMOTE_ACCESS',
      'MAINTENANCE_NOTICE',
      'MAINTENANCE_NOTICE',
      'CERTIFICATE_EXPIRING_SOON',
      'CERTIFICATE_EXPIRED',
      'NON_STANDARD_ACCESS',
      'CONTACT_TRAINING_MISSING',
    ]);
    for (const reason of [...blockers, ...warnings]) expect(reason.sentence?.key).toBeDefined();
  });

  it('Swedish: no English left but names and data', async () => {
    await chooseLanguage('sv');
    const { blockers, warnings } = environmentVerdict();
    expect([...blockers, ...warnings].map(reasonSentence)).toEqual([
      'Ingen fjärråtkomst är registrerad till WAP-servern i Produktion, som AD FS SSO körs på.',
      'New firewall rules, från 2026-12-05 08:00 tills vidare (pågår; kundens meddelande för Produktion).',
      'WAP01 is being patched, 2026-12-07 10:00–12:00 (kommande; kundens meddelande för Produktion).',
      'Certifikatet SSL (tjänstekommunikation) (CN=sts.kommun.se) på wap01.kommun.se i Produktion går ut ' +
        '2026-12-20 (om 16 dagar); förnya det innan dess.',
      expect.stringMatching(
        /^Certifikatet Tokensignering i Produktion gick ut 2026-12-04: .+ Förnya det nu\.$/,
      ),
      'Produktion har åtkomst utöver standard, debiterbar enligt punkt 8.6: ' +
        'Cisco AnyConnect körs som full tunnel; villkoren godkänner den bara med delad tunnel.',
      'Utbildning saknas: Anna Berg (adminutbildningen) och Bo Ek (admin- och verktygsutbildningen).',
    ]);
  });

  it('English: main’s facts, dates and times as en-GB writes them', async () => {
    await chooseLanguage('en');
    const { blockers, warnings } = environmentVerdict();
    expect([...blockers, ...warnings].map(reasonSentence)).toEqual([
      'No remote access is recorded to the WAP server in Produktion, which AD FS SSO runs on.',
      'New firewall rules, from 05/12/2026, 08:00 until further notice (in progress; the customer’s notice for Produktion).',
      'WAP01 is being patched, 07/12/2026, 10:00–12:00 (coming; the customer’s notice for Produktion).',
      'SSL (service communications) certificate (CN=sts.kommun.se) on wap01.kommun.se in Produktion expires on ' +
        '20/12/2026 (in 16 days); renew it before then.',
      'Token-signing certificate in Produktion expired on 04/12/2026: AD FS can no longer sign tokens, so sign-in ' +
        'through AD FS and WAP is down. Renew it now.',
      'Produktion uses non-standard access, billable under section 8.6: ' +
        'Cisco AnyConnect runs as a full tunnel; the terms accept it only with split tunnel.',
      'Training not done: Anna Berg (admin) and Bo Ek (admin and tool).',
    ]);
  });
});
