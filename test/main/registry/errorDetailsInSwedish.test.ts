import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { apiErrorSchema, LotsenError, type ApiError } from '../../../common/api/errors.ts';
import { memberPrincipal } from '../../../common/team/principal.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import { assertMayTouch } from '../../../main/users/rowRules.ts';
import { errorsFromFailure } from '../../../renderer/components/form/fieldErrors.ts';
import { chooseLanguage } from '../../../renderer/i18n/i18n.ts';
import { errorMessage } from '../../../renderer/store/errorMessage.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { prepareBillingCustomer } from '../../support/billingCustomer.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';

/*
 * The refusals of the registry, agreements, time and billing that people meet most, provoked through the real
 * dispatcher on a real store (and on a team database in the team project), carried as the wire carries them, and
 * read in Swedish: the detail is Swedish and keeps its data (a customer's name, an organisation number, a month),
 * with no English sentence left in it.
 */

const at = (iso: string) => Date.parse(iso);
/** Words that only an English sentence has; none is a name or a number of the data here. */
const ENGLISH = /\b(the|is|has|already|such|cannot|may|been|deleted|approved|another)\b/i;

/** The error as the console gets it: parsed from the wire's JSON into a LotsenError. */
const received = (error: ApiError) =>
  LotsenError.fromApiError(apiErrorSchema.parse(JSON.parse(JSON.stringify(error))));

function swedish(error: ApiError): string {
  const message = errorMessage(received(error));
  expect(message).not.toMatch(ENGLISH);
  return message;
}

describe('the records’ refusals in Swedish', () => {
  let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
  let financeMember: Awaited<ReturnType<typeof openPassphraseBackend>>;
  let call: ReturnType<typeof apiCaller>;
  let finance: ReturnType<typeof apiCaller>;
  let fixture: Awaited<ReturnType<typeof prepareBillingCustomer>>;
  // November 2026 has ended, so it can be approved.
  const now = at('2026-12-03T10:00:00+01:00');

  beforeEach(async () => {
    opened = await openPassphraseBackend({ now: () => now });
    financeMember = await opened.joinAs('finance');
    call = apiCaller(createApi(opened.backend));
    finance = apiCaller(createApi(financeMember.backend));
    fixture = await prepareBillingCustomer(call, { receivedAt: at('2026-11-02T08:00:00+01:00') });
    await chooseLanguage('sv');
  });
  afterEach(async () => {
    await chooseLanguage('en');
    await financeMember.cleanup();
    await opened.cleanup();
  });

  test('a duplicate organisation number names the customer and the number, in the message and at the field', async () => {
    const refused = await call.fails('registry.createCustomer', {
      name: 'Växjö skolor',
      orgNumber: fixture.customer.orgNumber,
      kind: 'municipality',
    });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toBe(
      `Växjö kommun already has organisation number ${fixture.customer.orgNumber}.`,
    );
    expect(swedish(refused)).toBe(
      'Det krockar med det som redan är registrerat. ' +
        `(Växjö kommun har redan organisationsnummer ${fixture.customer.orgNumber}.)`,
    );
    expect(errorsFromFailure(received(refused), ['name', 'orgNumber']).byField).toEqual({
      orgNumber: 'Används redan av Växjö kommun',
    });
  });

  test('a duplicate environment name names the environment', async () => {
    const refused = await call.fails('registry.saveEnvironment', {
      customerId: fixture.customer.id,
      environment: { name: 'Skolnätet', access: { vpnType: 'none', method: 'ssh' } },
    });
    expect(refused.code).toBe('CONFLICT');
    expect(swedish(refused)).toBe(
      'Det krockar med det som redan är registrerat. (Kunden har redan en miljö som heter Skolnätet.)',
    );
    expect(errorsFromFailure(received(refused), ['name']).byField).toEqual({
      name: 'En annan miljö har det här namnet',
    });
  });

  test('a customer another window deleted is not found', async () => {
    const other = await call.ok('registry.createCustomer', {
      name: 'Lunds kommun',
      orgNumber: '212000-1355',
      kind: 'municipality',
    });
    await call.ok('registry.deleteCustomer', { id: other.id });
    const refused = await call.fails('registry.getCustomer', { id: other.id });
    expect(refused.code).toBe('NOT_FOUND');
    expect(swedish(refused)).toBe(
      'Det finns inte längre; någon kan ha tagit bort det. (Kunden finns inte; den kan ha tagits bort.)',
    );
    const ticket = await call.fails('tickets.get', { id: randomUUID() });
    expect(swedish(ticket)).toContain('(Ärendet finns inte; det kan ha tagits bort.)');
  });

  test('a month that cannot be approved says why, and once approved refuses new time in it, by month and batch', async () => {
    const entry = await call.ok('time.addManual', {
      ticketId: fixture.standardTicket.id,
      startedAt: at('2026-11-05T09:00:00+01:00'),
      endedAt: at('2026-11-05T09:40:00+01:00'),
      note: 'Ändrade claim-regel',
    });
    const unclassified = await finance.fails('billing.approveMonth', {
      month: '2026-11',
      customerId: fixture.customer.id,
    });
    expect(unclassified.message).toMatch(
      /^November 2026 for Växjö kommun cannot be approved: 1 entry is unclassified\./,
    );
    expect(swedish(unclassified)).toBe(
      'Det krockar med det som redan är registrerat. (Månaden november 2026 för Växjö kommun kan inte godkännas: ' +
        '1 post är inte klassificerad. Klassa tiden, stoppa det som pågår och sätt pris på debiterbart arbete, och ' +
        'godkänn sedan igen.)',
    );

    await finance.ok('time.classify', {
      entryId: entry.id,
      rowVersion: entry.rowVersion,
      classification: 'billable',
      workType: 'configuration_change',
    });
    const batch = await finance.ok('billing.approveMonth', {
      month: '2026-11',
      customerId: fixture.customer.id,
    });
    const again = await finance.fails('billing.approveMonth', {
      month: '2026-11',
      customerId: fixture.customer.id,
    });
    expect(swedish(again)).toContain(
      `(Månaden november 2026 för Växjö kommun är redan godkänd (faktureringsomgång ${batch.number}).`,
    );

    const locked = await call.fails('time.addManual', {
      ticketId: fixture.standardTicket.id,
      startedAt: at('2026-11-06T09:00:00+01:00'),
      endedAt: at('2026-11-06T09:30:00+01:00'),
      note: 'Efterhand',
    });
    expect(locked.code).toBe('LOCKED');
    expect(locked.message).toMatch(/^November 2026 is approved for Växjö kommun \(billing batch \d+\)/);
    expect(swedish(locked)).toBe(
      'Det här hör till en godkänd faktureringsmånad och ändras inte längre; lägg in en justering i stället. ' +
        `(Månaden november 2026 är godkänd för Växjö kommun (faktureringsomgång ${batch.number}): ingen tid kan ` +
        'läggas till eller ändras i den. Lägg in en justering på en låst tidpost i stället.)',
    );
  });

  test('an agreement reference used twice names the reference', async () => {
    const refused = await call.fails('agreements.save', {
      customerId: fixture.customer.id,
      agreement: {
        reference: fixture.agreement.reference,
        startsOn: '2027-01-01',
        services: [{ kind: 'sso', name: 'SSO' }],
      },
    });
    expect(refused.code).toBe('CONFLICT');
    expect(swedish(refused)).toBe(
      'Det krockar med det som redan är registrerat. (Kunden har redan ett avtal med referensen AVT-2026-01.)',
    );
  });

  test('another person’s time entry, refused by role, says who may', () => {
    const technician = memberPrincipal('tekniker-1', 'technician', false);
    let refusal: unknown;
    try {
      assertMayTouch(technician, 'readTime', 'tekniker-2', 'see');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(LotsenError);
    const refused = (refusal as LotsenError).toApiError();
    expect(refused.message).toBe(
      "This time entry is another person's: only they and support lead or finance may see it.",
    );
    expect(swedish(refused)).toBe(
      'Din roll tillåter inte detta. (Tidposten är någon annans: bara den personen, en supportansvarig och ekonomi ' +
        'får se den.)',
    );
  });
});
