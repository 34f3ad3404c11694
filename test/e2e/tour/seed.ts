import { writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { RegistryFileInput } from '../../../common/registry/registryFile.ts';
import { orgNumber } from '../../support/orgNumbers.ts';
import type { SshdFixture } from '../../support/sshd/sshdFixture.ts';
import { contractRegistry } from '../support/contractFixture.ts';
import { importRegistry, withStore, type LotsenServer } from '../support/lotsenServer.ts';

/*
 * The data the tours walk through: as long as real data gets. 1,000 customers with the names municipalities and
 * school chains really carry, one of them worked out in full (contacts with double-barrelled names, an environment
 * of servers with long host names to chain as jump hosts, the fixture sshd for the host-key dialogs, agreements, a
 * DPA, tickets with long subjects, time this week and this month, an escalation with a long reason for the audit log).
 */

const DOMAIN = 'utbildningsforvaltningen.vaxjo.kommun.se';
export const CUSTOMER = {
  name: 'Växjö kommun – Utbildningsförvaltningen, grundskola och gymnasium (IT-enheten för skolornas identitetstjänster)',
  orgNumber: orgNumber('212000', 70),
};
export const ENVIRONMENT = 'Produktion – gemensam inloggning för elever och personal';
export const CONTACTS = [
  { name: 'Anna-Karin Åkesson-Lindqvist Östberg', email: 'anna-karin.akesson-lindqvist.ostberg@vaxjo.se' },
  { name: 'Per-Olof Björklund Wallenius', email: 'per-olof.bjorklund.wallenius@utbildning.vaxjo.se' },
  { name: 'Maj-Britt Sjöström Håkansson', email: 'maj-britt.sjostrom.hakansson@vaxjo.se' },
];
const AGREEMENT = 'FA-2020-3/Utbildningsförvaltningen';
const ESCALATION_REASON =
  'Rektorerna på samtliga gymnasieskolor kan inte genomföra de nationella proven digitalt i morgon bitti utan fungerande inloggning; överenskommet med förvaltningschefen per telefon.';
const NOTE = `Felsökning tillsammans med ${CONTACTS[0]!.name} i Teams; loggar från AD FS och WAP bifogade i ärendet.`;
const description = (subject: string) =>
  `${subject}. Gäller alla skolor i kommunen; rektorerna har fått information.`;
const externalRef = (i: number) => `FD-2026-${48213 + i}`;
export const ACCOUNT = 'svc_lotsen_identitetstjanster_produktion';
/** A server of the environment whose SSH port nothing listens on (the seed finds a free one and leaves it closed). */
export const CLOSED_HOST = 'localhost';
/** Servers to route through: more than a chain takes, so every jump-host row the dialog allows can be filled. */
export const JUMP_HOSTS = Array.from(
  { length: 22 },
  (_, i) => `hopp${String(i + 1).padStart(2, '0')}.bastion.${DOMAIN}`,
);
export const TICKET_SUBJECTS = [
  'Elever på Katedralskolan och Teleborgsskolan kan inte logga in i Skolplattformen efter byte av signeringscertifikat i AD FS',
  'WAP-servern svarar med HTTP 503 för extern inloggning från lärplattformen sedan Windows-uppdateringen i natt',
  'Synkroniseringen från elevregistret (IST) har stannat: nya elever i förskoleklass saknar konton i Azure AD',
  'Förnyelse av SSL-certifikat för sts.utbildningsforvaltningen.vaxjo.kommun.se innan det löper ut den 31 december',
];

const PLACES = [
  'Växjö',
  'Älmhult',
  'Östra Göinge',
  'Upplands-Bro',
  'Sollentuna',
  'Härjedalen',
  'Övertorneå',
  'Malung-Sälen',
  'Örnsköldsvik',
  'Säffle',
  'Ängelholm',
  'Åre',
  'Sundbyberg',
  'Mölndal',
  'Kungsbacka',
  'Hällefors',
  'Överkalix',
  'Dals-Ed',
  'Ljungby',
  'Eskilstuna',
];
const UNITS = [
  'kommun – Barn- och utbildningsförvaltningen',
  'kommun – Gymnasie- och vuxenutbildningsförvaltningen, IT-enheten',
  'Friskolor AB – Grundskolor och gymnasier i samverkan',
  'Montessoriskola och fritidshem, ekonomisk förening',
  'kommunalförbund för gemensam skol-IT och identitetshantering',
];

/** The other 999 customers' names, each different. */
export function otherCustomerNames(): string[] {
  return Array.from(
    { length: 999 },
    (_, i) => `${PLACES[i % PLACES.length]} ${UNITS[Math.floor(i / PLACES.length) % UNITS.length]} ${i + 1}`,
  );
}

export interface TourData {
  customerId: string;
  ticketIds: string[];
  /** Customers the tour may delete behind the page's back, each once. */
  deletable: { id: string; name: string }[];
  /** A day of last month, which the seed approved (ISO). */
  approvedDay: string;
  /** Every name and value the seed wrote, which the pseudo-locale tour accepts as data. */
  values: string[];
}

/** A loopback port nothing listens on: bound, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

/** Seeds `lotsen`'s store through `lotsen registry import` and the API; `sshd` is the environment's first server. */
export async function seedTour(lotsen: LotsenServer, sshd: SshdFixture): Promise<TourData> {
  const file = contractRegistry({
    withDpa: true,
    customer: CUSTOMER,
    contact: CONTACTS[0],
    domain: DOMAIN,
    agreement: AGREEMENT,
    billing: {
      hourlyRatesOre: { configuration_change: 1_190_00, customer_environment_change: 1_250_00 },
      rounding: { incrementMinutes: 15, scope: 'entry', minimumMinutes: 0 },
    },
  });
  const rich = file.customers[0]!;
  rich.contacts = CONTACTS.map((c) => ({ ...c, adminTrainingDone: true, toolTrainingDone: true }));
  const environment = rich.environments![0]!;
  environment.name = ENVIRONMENT;
  environment.servers = [
    { host: sshd.host, port: sshd.port, role: 'wap' },
    { host: `adfs01.${DOMAIN}`, role: 'adfs' },
    { host: CLOSED_HOST, port: await closedPort(), role: 'other' },
    ...JUMP_HOSTS.map((host) => ({ host, role: 'other' as const })),
  ];
  environment.supportAccounts = [
    { username: sshd.username, secret: sshd.password },
    { username: ACCOUNT, secret: 'x-hemligt' },
  ];
  rich.agreements![0]!.services![0]!.environment = ENVIRONMENT;
  const others: RegistryFileInput['customers'] = otherCustomerNames().map((name, i) => ({
    name,
    orgNumber: orgNumber('212100', i),
    kind: i % 3 === 0 ? 'school_chain' : 'municipality',
  }));
  file.customers.push(...others);
  const path = join(lotsen.home, 'tour-registry.json');
  await writeFile(path, JSON.stringify(file));
  await importRegistry(lotsen.home, path);

  return withStore(lotsen.home, async (call) => {
    const customers = await call('registry.listCustomers', {});
    const customerId = customers.find((c) => c.name === CUSTOMER.name)!.id;
    const deletable = customers
      .filter((c) => c.name !== CUSTOMER.name)
      .slice(-3)
      .map(({ id, name }) => ({ id, name }));
    const now = lotsen.now();
    // Last month is what Billing opens on: its time classified and the month approved, so its exports and the
    // timesheet's adjustments can be opened too.
    const lastMonth = DateTime.fromMillis(now, { zone: 'Europe/Stockholm' })
      .startOf('month')
      .minus({ months: 1 });
    const ticketIds: string[] = [];
    for (const [i, subject] of TICKET_SUBJECTS.entries()) {
      const ticket = await call('tickets.save', {
        ticket: {
          customerId,
          externalRef: externalRef(i),
          requesterName: CONTACTS[i % CONTACTS.length]!.name,
          requesterEmail: CONTACTS[i % CONTACTS.length]!.email,
          subject,
          description: description(subject),
          receivedAt: lastMonth.plus({ days: 1 + i, hours: 8 }).toMillis(),
        },
      });
      ticketIds.push(ticket.id);
      // Time today (this week) and last month, each entry under an hour.
      await call('time.addManual', {
        ticketId: ticket.id,
        startedAt: now - (i + 2) * 10 * 60_000,
        endedAt: now - (i + 1) * 10 * 60_000,
        note: NOTE,
      });
      const billed = await call('time.addManual', {
        ticketId: ticket.id,
        startedAt: lastMonth.plus({ days: 10 + i, hours: 9 }).toMillis(),
        endedAt: lastMonth.plus({ days: 10 + i, hours: 9, minutes: 47 }).toMillis(),
      });
      await call('time.classify', {
        entryId: billed.id,
        rowVersion: billed.rowVersion,
        classification: 'billable',
        workType: 'configuration_change',
      });
    }
    await call('billing.approveMonth', { month: lastMonth.toFormat('yyyy-MM'), customerId });
    await call('tickets.escalate', {
      id: ticketIds[0]!,
      exception: { reason: ESCALATION_REASON },
    });
    const values = [
      CUSTOMER.name,
      CUSTOMER.orgNumber,
      ENVIRONMENT,
      ACCOUNT,
      DOMAIN,
      sshd.host,
      sshd.username,
      ...Object.values(sshd.hostKeyFingerprints),
      ...CONTACTS.flatMap((c) => [c.name, c.email]),
      ...JUMP_HOSTS,
      ...TICKET_SUBJECTS,
      ...TICKET_SUBJECTS.map(description),
      ...TICKET_SUBJECTS.map((_, i) => externalRef(i)),
      ...otherCustomerNames(),
      // What contractRegistry writes besides.
      AGREEMENT,
      'AD FS SSO',
      'PUB-1',
      'Karin Jurist',
      `vpn.${DOMAIN}`,
      `adfs01.${DOMAIN}`,
      ESCALATION_REASON,
      NOTE,
      CLOSED_HOST,
    ];
    return {
      customerId,
      ticketIds,
      values,
      deletable,
      approvedDay: lastMonth.plus({ days: 19 }).toISODate()!,
    };
  });
}
