import { readFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import { parseCsv } from '../support/csvParse.ts';
import { CONTACT, VAXJO, writeContractFixture } from './support/contractFixture.ts';
import { callStore, expect, importRegistry, test, USER } from './support/lotsenServer.ts';

const ZONE = 'Europe/Stockholm';
/** The agreement's terms, from which the test works out the invoice lines itself. */
const AGREEMENT = 'FA-2020-3';
const RATE_ORE = 1_190_00; // configuration change, SEK/h in öre
const INCREMENT_MINUTES = 15;
const MANUAL_MINUTES = 37;

/** Finance can only approve a month that has ended, so the timer runs across the end of November. */
const MONTH_ENDS = DateTime.fromISO('2026-12-01T00:00', { zone: ZONE });
const NOVEMBER = MONTH_ENDS.minus({ months: 1 });
// Room before midnight for seeding the store and starting the timer, even on a busy machine.
const CLOCK_START = MONTH_ENDS.minus({ seconds: 45 });

/** The agreement's rounding, per entry: up to whole quarters, then the rate, to whole öre with halves up. */
function bill(actualSeconds: number): { minutes: number; amountOre: number } {
  const minutes = Math.ceil(actualSeconds / (INCREMENT_MINUTES * 60)) * INCREMENT_MINUTES;
  return { minutes, amountOre: Math.floor((minutes * RATE_ORE + 30) / 60) };
}

const swedish = (instant: number) => DateTime.fromMillis(instant, { zone: ZONE });
// As the page shows them in English (Playwright runs the browser as en-GB): SEK 1,190.00 and 1.00 h.
const sek = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'SEK' });
const hours = (minutes: number) => `${(minutes / 60).toFixed(2)} h`;

test.use({ clockStart: CLOCK_START.toMillis() });

test('a timer run across the end of the month is classified billable, approved and exported as a CSV line with its amount', async ({
  page,
  lotsen,
}, testInfo) => {
  // The timer has to run past midnight on the server's clock, which keeps real pace.
  test.setTimeout(240_000);
  const registry = await writeContractFixture(lotsen.home, {
    withDpa: true,
    agreement: AGREEMENT,
    billing: {
      hourlyRatesOre: { configuration_change: RATE_ORE },
      rounding: { incrementMinutes: INCREMENT_MINUTES, scope: 'entry', minimumMinutes: 0 },
    },
  });
  await importRegistry(lotsen.home, registry);
  const [customer] = await callStore(lotsen.home, 'registry.listCustomers', {});
  const subject = 'Byt signeringscertifikat i AD FS';
  const helpdeskRef = 'FD-48213';
  // Received well before the server's clock begins, so no time is logged on a ticket from the future.
  const ticket = await callStore(lotsen.home, 'tickets.save', {
    ticket: {
      customerId: customer!.id,
      externalRef: helpdeskRef,
      requesterName: CONTACT.name,
      requesterEmail: CONTACT.email,
      subject,
      receivedAt: NOVEMBER.set({ day: 9, hour: 10 }).toMillis(),
    },
  });

  // The page's clock agrees with the server's and runs on with it.
  await page.clock.install({ time: lotsen.now() });
  await page.goto(lotsen.url);
  await page.getByRole('link', { name: 'Timesheet' }).click();
  await expect(page.getByRole('heading', { name: 'Timesheet', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No time this week' })).toBeVisible();

  // A timer on the ticket: the chip in the top bar shows it on every screen and ticks.
  await page.getByLabel('Ticket', { exact: true }).selectOption({ label: `${VAXJO.name}: ${subject}` });
  await page.getByRole('button', { name: 'Start timer' }).click();
  const chip = page.getByTestId('timer-chip');
  await expect(chip).toContainText(subject);
  await expect(chip.getByTestId('timer-elapsed')).toHaveText(/^0:00:0[1-9]$/);
  await page.getByRole('link', { name: /^Tickets/ }).click();
  await expect(chip).toBeVisible();
  await expect(chip.getByTestId('timer-elapsed')).toHaveText(/^0:00:0[2-9]$/);
  // The ticket's own row knows its timer runs.
  await expect(page.getByRole('button', { name: `Stop the timer on ${subject}` })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('00-timer-chip.png'), fullPage: true });

  // While it runs, 37 minutes typed in for earlier in November; the timesheet moves to that week.
  const workDay = NOVEMBER.set({ day: 10 });
  await page.getByRole('link', { name: 'Timesheet' }).click();
  const rows = page.getByTestId('time-entry-row').filter({ hasText: subject });
  await expect(rows.filter({ hasText: 'Timer' })).toContainText('Running');
  await page.getByRole('button', { name: 'Add time manually' }).first().click();
  const manual = page.getByRole('dialog', { name: 'Add time manually' });
  await manual.getByLabel('Ticket').selectOption({ label: `${VAXJO.name}: ${subject}` });
  await manual.getByLabel('Date').fill(workDay.toISODate()!);
  // Typed as people type times (a native time input refuses this, and shows AM/PM in a US browser).
  await manual.getByLabel('From').fill('9.00');
  await manual.getByLabel('To').fill(workDay.set({ hour: 9, minute: MANUAL_MINUTES }).toFormat('HH:mm'));
  await expect(manual.getByLabel('From')).toHaveValue('09:00');
  await manual.getByLabel('Note').fill('Nytt certifikat installerat, förtroende uppdaterat hos Skolverket');
  await manual.getByRole('button', { name: 'Add entry' }).click();
  await expect(manual).toBeHidden();
  const weekHeading = (week: DateTime) =>
    page.getByRole('heading', { name: new RegExp(`^Week ${week.weekNumber} ·`) });
  await expect(weekHeading(workDay)).toBeVisible();
  // The arrow keys step through weeks (the buttons do too).
  await page.keyboard.press('ArrowRight');
  await expect(weekHeading(workDay.plus({ weeks: 1 }))).toBeVisible();
  await expect(rows).toHaveCount(0);
  await page.keyboard.press('ArrowLeft');
  await expect(weekHeading(workDay)).toBeVisible();
  const manualRow = rows.filter({ hasText: 'Manual' });
  await expect(manualRow).toContainText('09:00–09:37');
  await expect(manualRow).toContainText(`${MANUAL_MINUTES} min`);
  await manualRow.getByRole('button', { name: /^Classify / }).click();
  const classify = page.getByRole('dialog', { name: 'Classify time' });
  await classify.getByRole('radio', { name: 'Billable', exact: true }).check();
  await classify.getByLabel('Work type').selectOption({ label: 'Configuration change' });
  await classify.getByRole('button', { name: 'Save classification' }).click();
  await expect(classify).toBeHidden();
  await expect(manualRow).toContainText('Billable · Configuration change');

  await page.getByRole('button', { name: 'This week' }).click();
  await expect(weekHeading(CLOCK_START)).toBeVisible();
  // Stopped only once the server's clock is into December (it moves at real pace, so this takes waiting).
  await expect
    .poll(() => lotsen.now(), { timeout: 120_000, intervals: [1_000] })
    .toBeGreaterThan(MONTH_ENDS.toMillis() + 3_000);
  await chip.getByRole('button', { name: 'Stop timer' }).click();
  await expect(chip).toBeHidden();

  // The entry as the product recorded it; its seconds are real, so the figures are worked out from them.
  const timer = (await callStore(lotsen.home, 'time.list', { ticketId: ticket.id })).find(
    (e) => e.source === 'timer',
  )!;
  expect(timer.startedAt, 'the timer started in November (seeding took too long if not)').toBeLessThan(
    MONTH_ENDS.toMillis(),
  );
  expect(timer.endedAt, 'the timer stopped in December').toBeGreaterThan(MONTH_ENDS.toMillis());
  const timerSeconds = Math.round((timer.endedAt! - timer.startedAt) / 1000);
  expect(timer.actualSeconds).toBe(timerSeconds);
  const timerMinutes = Math.round(timerSeconds / 60);
  const timerBill = bill(timerSeconds);
  const manualBill = bill(MANUAL_MINUTES * 60);

  // An entry across midnight belongs to the day it started: Monday 30 November, not Tuesday.
  const monday = page.getByTestId('timesheet-day').filter({ hasText: 'Monday 30 November' });
  const timerRow = monday.getByTestId('time-entry-row').filter({ hasText: subject });
  await expect(timerRow).toContainText(
    `${swedish(timer.startedAt).toFormat('HH:mm')}–${swedish(timer.endedAt!).toFormat('HH:mm')}`,
  );
  await expect(timerRow).toContainText('23:59–00:00');
  await expect(timerRow).toContainText(`${timerMinutes} min`);
  await expect(timerRow).toContainText('Timer');
  await expect(timerRow).toContainText('Unclassified');
  await expect(timerRow).toContainText('Suggested: Included');
  await expect(page.getByTestId('timesheet-day').filter({ hasText: 'Tuesday 1 December' })).toContainText(
    'No time',
  );

  // Classified billable: Lotsen's suggestion (included) is chosen at first and marked, the technician decides.
  await timerRow.getByRole('button', { name: /^Classify / }).click();
  await expect(classify.getByTestId('classification-suggestion')).toContainText('Included');
  await expect(classify.getByRole('radio', { name: 'Included', exact: true })).toBeChecked();
  await classify.getByRole('radio', { name: 'Billable', exact: true }).check();
  await classify.getByLabel('Work type').selectOption({ label: 'Configuration change' });
  await page.screenshot({ path: testInfo.outputPath('01-classify.png'), fullPage: true });
  await classify.getByRole('button', { name: 'Save classification' }).click();
  await expect(classify).toBeHidden();
  await expect(timerRow).toContainText('Billable · Configuration change');

  // Billing opens on November, the month that has just ended; each entry is rounded up on its own.
  const billedMinutes = manualBill.minutes + timerBill.minutes;
  const amountOre = manualBill.amountOre + timerBill.amountOre;
  await page.getByRole('link', { name: 'Billing' }).click();
  await expect(page.getByRole('heading', { name: 'November 2026', exact: true })).toBeVisible();
  const row = page.getByTestId('billing-row').filter({ hasText: VAXJO.name });
  await expect(row).toContainText(`${MANUAL_MINUTES + timerMinutes} min`);
  await expect(row).toContainText(hours(billedMinutes));
  await expect(row).toContainText(sek.format(amountOre / 100));
  await expect(page.getByTestId('chart-bar')).toHaveCount(12);
  await page.screenshot({ path: testInfo.outputPath('02-billing.png'), fullPage: true });
  // December, where the timer stopped, has none of it.
  await page.getByRole('button', { name: 'Next month' }).click();
  await expect(page.getByRole('heading', { name: 'December 2026', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No time in december 2026' })).toBeVisible();
  await page.getByRole('button', { name: 'Last month' }).click();
  await expect(page.getByRole('heading', { name: 'November 2026', exact: true })).toBeVisible();
  // The month field shows and takes the month the way English writes it, not the browser's native month input.
  const monthField = page.getByLabel('Month', { exact: true });
  await expect(monthField).toHaveValue('11/2026');
  await monthField.fill('12/2026');
  await expect(page.getByRole('heading', { name: 'December 2026', exact: true })).toBeVisible();
  await monthField.fill('2026-11');
  await expect(page.getByRole('heading', { name: 'November 2026', exact: true })).toBeVisible();
  await expect(monthField).toHaveValue('2026-11');
  await monthField.blur();
  await expect(monthField).toHaveValue('11/2026');

  await row.getByRole('button', { name: `Approve the month for ${VAXJO.name}` }).click();
  const approve = page.getByRole('dialog', { name: /^Approve / });
  await expect(approve).toContainText(sek.format(amountOre / 100));
  await approve.getByRole('button', { name: 'Approve month' }).click();
  await expect(approve).toBeHidden();
  await expect(row).toContainText('Approved · batch 1');
  await expect(row.getByRole('button', { name: /^Approve/ })).toHaveCount(0);

  // The batch as CSV, downloaded by the browser.
  await page.getByRole('button', { name: 'Export…' }).first().click();
  const exportDialog = page.getByRole('dialog', { name: /^Export / });
  await exportDialog.getByLabel('What').selectOption({ label: `Batch 1 — ${VAXJO.name}` });
  await exportDialog.getByRole('radio', { name: 'CSV', exact: true }).check();
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  await expect(exportDialog.getByTestId('export-status')).toContainText('Saved');
  await page.screenshot({ path: testInfo.outputPath('03-exported.png'), fullPage: true });
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const [header, ...records] = parseCsv(await readFile(await download.path(), 'utf8'));
  const lines = records.map((cells) => Object.fromEntries(header!.map((column, i) => [column, cells[i]])));
  const line = (day: DateTime, actualMinutes: number, billed: { minutes: number; amountOre: number }) => ({
    Customer: VAXJO.name,
    'Organisation number': VAXJO.orgNumber,
    Agreement: AGREEMENT,
    Batch: '1',
    Line: 'Time',
    Ticket: helpdeskRef,
    Subject: subject,
    Date: day.toISODate(),
    Technician: USER.name,
    'Work type': 'Configuration change',
    'Actual minutes': String(actualMinutes),
    'Billed minutes': String(billed.minutes),
    'Billed hours': (billed.minutes / 60).toFixed(2),
    'Rate (SEK/h)': (RATE_ORE / 100).toFixed(2),
    'Amount (SEK)': (billed.amountOre / 100).toFixed(2),
  });
  // In order of start: the manual entry, then the timer's line on the day it started.
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatchObject(line(workDay, MANUAL_MINUTES, manualBill));
  expect(lines[1]).toMatchObject(line(swedish(timer.startedAt), timerMinutes, timerBill));
  expect(lines[1]!.Date).toBe('2026-11-30');

  // The same batch as a workbook.
  await exportDialog.getByRole('radio', { name: 'Excel workbook (XLSX)' }).check();
  const downloadingXlsx = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export again' }).click();
  const xlsx = await downloadingXlsx;
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  expect((await readFile(await xlsx.path())).subarray(0, 2).toString('latin1')).toBe('PK');
  await exportDialog.getByRole('button', { name: 'Close' }).click();

  // The approved month's entry is locked in the timesheet: shown, not editable, corrected only by adjustment.
  await page.getByRole('link', { name: 'Timesheet' }).click();
  await expect(timerRow).toContainText('Locked');
  await expect(timerRow.getByRole('button', { name: /^Classify / })).toHaveCount(0);
  await expect(timerRow.getByRole('button', { name: /^Delete / })).toHaveCount(0);
  await expect(timerRow.getByRole('button', { name: /^Adjust / })).toBeVisible();
});
