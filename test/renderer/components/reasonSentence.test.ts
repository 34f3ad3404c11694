import { afterEach, describe, expect, it } from 'vitest';
import type { ContactView } from '../../../common/registry/model.ts';
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
