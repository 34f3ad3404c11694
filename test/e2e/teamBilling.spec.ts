import { readFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import { parseCsv } from '../support/csvParse.ts';
import { orgNumber } from '../support/orgNumbers.ts';
import { writeContractFixture } from './support/contractFixture.ts';
import { lookAtWidths } from './support/layout.ts';
import { expect, test } from './support/teamLotsen.ts';

/*
 * A team at work in two browsers: a technician and finance, each enrolled on their own machine (their own data folder
 * and `lotsen serve`) in one team database, each in a browser context of their own. The support lead (the team's
 * admin) sets the customer up with `lotsen registry import` in their own folder; everything after is done in the UI.
 *
 * Finance approves only a month that has ended, so the technician's Lotsen (and page) run on a clock shifted to the
 * 20th of last month; finance's run on the real one, on which last month has ended.
 */

const ZONE = 'Europe/Stockholm';
const WORK_DAY = DateTime.now().setZone(ZONE).startOf('month').minus({ months: 1 }).set({ day: 20, hour: 9 });
const MONTH_HEADING = WORK_DAY.setLocale('en-GB').toFormat('LLLL yyyy');

const LEAD = {
  name: 'Ann-Sofie Bergström-Lindqvist',
  email: 'ann-sofie.bergstrom-lindqvist@leverantor-identitet.se',
  role: 'support_lead',
} as const;
const TECHNICIAN = {
  name: 'Tekla Åkesson Wennerholm',
  email: 'tekla.akesson-wennerholm@leverantor-identitet.se',
};
const FINANCE = {
  name: 'Karl-Johan Öhrström Fredriksson',
  email: 'karl-johan.ohrstrom-fredriksson@leverantor-identitet.se',
};
const CUSTOMER = {
  name: 'Östersunds kommun – Barn- och utbildningsförvaltningen, grundskola och gymnasium (IT-enheten)',
  orgNumber: orgNumber('212000', 82),
};
const CONTACT = {
  name: 'Märta Sjöström-Ängquist',
  email: 'marta.sjostrom-angquist@barn-och-utbildningsforvaltningen.ostersund.se',
};
const TICKET = {
  externalRef: 'FD-2026-048213',
  subject: 'Elever på Storsjöskolan kan inte logga in i lärplattformen via AD FS efter certifikatbytet',
};
const AGREEMENT = 'FA-2020-3/ÖSD';
const RATE_ORE = 1_190_00; // configuration change, SEK/h in öre
/** The agreement charges at least half an hour per entry: a short session is still billed. */
const MINIMUM_MINUTES = 30;

const codeIn = (text: string) => /LOTSEN-[0-9a-f]{8}-[0-9A-Z-]+/.exec(text)?.[0] ?? '';

test.use({ teamAdmin: LEAD });

test("a technician's session time, in one browser, is approved and exported by finance in another", async ({
  browser,
  teamLotsen,
}, testInfo) => {
  // The support lead sets the customer up (eligible: agreement in force, DPA, trained contact; an open ticket) and
  // invites the two, who enrol on their own machines.
  const registry = await writeContractFixture(teamLotsen.home, {
    withDpa: true,
    customer: CUSTOMER,
    contact: CONTACT,
    domain: 'bou.ostersund.se',
    agreement: AGREEMENT,
    billing: {
      hourlyRatesOre: { configuration_change: RATE_ORE },
      rounding: { incrementMinutes: 15, scope: 'entry', minimumMinutes: MINIMUM_MINUTES },
    },
    // Received two days before the work day.
    ticket: { ...TICKET, receivedAt: WORK_DAY.minus({ days: 2 }).set({ hour: 14, minute: 10 }).toISO()! },
  });
  const enrol = async (member: { name: string; email: string }, role: string) => {
    const invited = await teamLotsen.cli([
      'team',
      'add-member',
      '--name',
      member.name,
      '--email',
      member.email,
      '--role',
      role,
    ]);
    return teamLotsen.enrolElsewhere(codeIn(invited.stdout));
  };
  const [teklasMachine, karlJohansMachine] = await Promise.all([
    enrol(TECHNICIAN, 'technician'),
    enrol(FINANCE, 'finance'),
    teamLotsen.cli(['registry', 'import', registry]),
  ]);
  const shiftMs = WORK_DAY.toMillis() - Date.now();
  const [teklasLink, karlJohansLink] = await Promise.all([
    // Her local terminals run sh: the test machine's own ~/.bashrc is no part of the test.
    teklasMachine.serve({ clockAt: Date.now() + shiftMs, env: { SHELL: '/bin/sh' } }),
    karlJohansMachine.serve(),
  ]);

  // Tekla, the technician, in a browser of her own whose clock agrees with her Lotsen's.
  const teklasBrowser = await browser.newContext();
  const tekla = await teklasBrowser.newPage();
  await tekla.clock.install({ time: Date.now() + shiftMs });
  // The DOM renderer, so the test can read the terminal as text (a WebGL canvas has none).
  await tekla.addInitScript(() => localStorage.setItem('lotsen.terminal.gpuAcceleration', 'off'));
  await tekla.goto(teklasLink);
  await expect(tekla.getByTestId('user-role')).toHaveText('Technician');
  await tekla.getByRole('link', { name: CUSTOMER.name }).click();
  await tekla.getByRole('button', { name: 'Local terminal for Produktion' }).click();
  const connect = tekla.getByRole('dialog', { name: 'Local terminal for Produktion' });
  await expect(connect.getByLabel('Ticket')).toHaveText(
    `${TICKET.externalRef}: ${TICKET.subject}New ticket…`,
  );
  await expect(connect.getByRole('status')).toHaveText('Eligible: agreement and DPA in force.');
  await lookAtWidths(tekla, testInfo, '01-technician-connect');
  await connect.getByRole('button', { name: 'Connect', exact: true }).click();

  const tab = tekla.getByRole('tab', { name: /· Local terminal/ });
  await expect(tab).toContainText('Open');
  const terminal = tekla.getByRole('region', { name: /^Terminal:/ });
  await terminal.click();
  await tekla.keyboard.type("printf 'certifikat-%s-\\303\\266k\\n' $((2026-4))");
  await tekla.keyboard.press('Enter');
  await expect(terminal).toContainText('certifikat-2022-ök');
  await tekla.getByRole('button', { name: 'Close session' }).click();
  await expect(tab).toContainText('Closed');

  // Her timesheet opens on her week, with the session's entry on the ticket, which she classifies billable.
  await tekla.getByRole('link', { name: 'Timesheet' }).click();
  const day = tekla
    .getByTestId('timesheet-day')
    .filter({ hasText: WORK_DAY.setLocale('en-GB').toFormat('cccc d LLLL') });
  const entry = day.getByTestId('time-entry-row').filter({ hasText: TICKET.subject });
  await expect(entry).toContainText('Session');
  // Started on her clock's morning, however long the machine took to get here.
  await expect(entry).toContainText(/09:\d\d–09:\d\d/);
  await expect(entry).toContainText('Unclassified');
  const shownMinutes = Number(/(\d+) min/.exec((await entry.textContent()) ?? '')?.[1]);
  expect(shownMinutes, 'the entry shows its minutes').toBeGreaterThanOrEqual(0);
  await entry.getByRole('button', { name: /^Classify / }).click();
  const classify = tekla.getByRole('dialog', { name: 'Classify time' });
  await classify.getByRole('radio', { name: 'Billable', exact: true }).check();
  await classify.getByLabel('Work type').selectOption({ label: 'Configuration change' });
  await classify.getByRole('button', { name: 'Save classification' }).click();
  await expect(classify).toBeHidden();
  await expect(entry).toContainText('Billable · Configuration change');
  await lookAtWidths(tekla, testInfo, '02-technician-timesheet');

  // Karl-Johan, finance, in another browser on the real clock: last month has ended and opens first.
  const karlJohansBrowser = await browser.newContext();
  const karlJohan = await karlJohansBrowser.newPage();
  await karlJohan.goto(karlJohansLink);
  await expect(karlJohan.getByTestId('user-role')).toHaveText('Finance');
  await karlJohan.getByRole('link', { name: 'Billing' }).click();
  await expect(karlJohan.getByRole('heading', { name: MONTH_HEADING, exact: true })).toBeVisible();
  const row = karlJohan.getByTestId('billing-row').filter({ hasText: CUSTOMER.name });
  const amountOre = (MINIMUM_MINUTES * RATE_ORE) / 60;
  await expect(row).toContainText(`${shownMinutes} min`);
  await expect(row).toContainText('0.50 h');
  await expect(row).toContainText(sek(amountOre));
  await lookAtWidths(karlJohan, testInfo, '03-finance-billing');

  await row.getByRole('button', { name: `Approve the month for ${CUSTOMER.name}` }).click();
  const approve = karlJohan.getByRole('dialog', { name: /^Approve / });
  await expect(approve).toContainText(sek(amountOre));
  await approve.getByRole('button', { name: 'Approve month' }).click();
  await expect(approve).toBeHidden();
  await expect(row).toContainText('Approved · batch 1');

  await karlJohan.getByRole('button', { name: 'Export…' }).first().click();
  const exportDialog = karlJohan.getByRole('dialog', { name: /^Export / });
  await exportDialog.getByLabel('What').selectOption({ label: `Batch 1 — ${CUSTOMER.name}` });
  await exportDialog.getByRole('radio', { name: 'CSV', exact: true }).check();
  const downloading = karlJohan.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  await expect(exportDialog.getByTestId('export-status')).toContainText('Saved');
  await lookAtWidths(karlJohan, testInfo, '04-finance-exported');
  const [header, ...records] = parseCsv(await readFile(await download.path(), 'utf8'));
  const lines = records.map((cells) => Object.fromEntries(header!.map((column, i) => [column, cells[i]])));
  expect(lines).toEqual([
    expect.objectContaining({
      Customer: CUSTOMER.name,
      'Organisation number': CUSTOMER.orgNumber,
      Agreement: AGREEMENT,
      Batch: '1',
      Ticket: TICKET.externalRef,
      Subject: TICKET.subject,
      Date: WORK_DAY.toISODate(),
      Technician: TECHNICIAN.name,
      'Work type': 'Configuration change',
      'Actual minutes': String(shownMinutes),
      'Billed minutes': String(MINIMUM_MINUTES),
      'Amount (SEK)': (amountOre / 100).toFixed(2),
    }),
  ]);

  // Back in Tekla's browser, her approved entry is locked: corrected only by an adjustment.
  await tekla.reload();
  await expect(entry).toContainText('Locked');
  await expect(entry.getByRole('button', { name: /^Classify / })).toHaveCount(0);
  await Promise.all([teklasBrowser.close(), karlJohansBrowser.close()]);
});

function sek(ore: number): string {
  // As the page shows it in English (Playwright runs the browser as en-GB).
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'SEK' }).format(ore / 100);
}
