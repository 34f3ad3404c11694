import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { CONTACT, VAXJO } from './support/contractFixture.ts';
import { callStore, expect, importRegistry, test } from './support/lotsenServer.ts';

const ZONE = 'Europe/Stockholm';
/** The agreement's terms, from which the test works out the invoice line itself. */
const RATE_ORE = 1_190_00; // configuration change, SEK/h in öre
const INCREMENT_MINUTES = 15;
const WORKED_MINUTES = 37;

test('time from a timer and a manual entry to an approved month and a CSV line with the right amount', async ({
  page,
  lotsen,
}, testInfo) => {
  const registry = join(lotsen.home, 'registry.json');
  await writeFile(
    registry,
    JSON.stringify({
      format: 'lotsen-registry',
      version: 2,
      customers: [
        {
          ...VAXJO,
          kind: 'municipality',
          contacts: [{ ...CONTACT, adminTrainingDone: true, toolTrainingDone: true }],
          environments: [
            {
              name: 'Produktion',
              access: { vpnType: 'cisco_anyconnect', vpnGateway: 'vpn.vaxjo.se', method: 'ssh' },
              servers: [{ host: 'adfs01.vaxjo.se', role: 'adfs' }],
              supportAccounts: [{ username: 'svc_lotsen', secret: 'x-hemligt' }],
            },
          ],
          agreements: [
            {
              reference: 'FA-2020-3',
              startsOn: '2020-01-01',
              services: [{ kind: 'sso', name: 'AD FS SSO', environment: 'Produktion' }],
              hourlyRatesOre: { configuration_change: RATE_ORE },
              rounding: { incrementMinutes: INCREMENT_MINUTES, scope: 'entry', minimumMinutes: 0 },
            },
          ],
          dpas: [{ signedOn: '2020-01-01', reference: 'PUB-1', signatory: 'Karin Jurist' }],
        },
      ],
    }),
  );
  await importRegistry(lotsen.home, registry);
  // The month finance closes: last month in Sweden. The manual entry goes on its 10th, 09:00 Swedish time.
  const now = DateTime.now().setZone(ZONE);
  const lastMonth = now.minus({ months: 1 }).startOf('month');
  const workDay = lastMonth.set({ day: 10 });
  const [customer] = await callStore(lotsen.home, 'registry.listCustomers', {});
  const subject = 'Byt signeringscertifikat i AD FS';
  await callStore(lotsen.home, 'tickets.save', {
    ticket: {
      customerId: customer!.id,
      requesterName: CONTACT.name,
      requesterEmail: CONTACT.email,
      subject,
      receivedAt: lastMonth.set({ day: 9, hour: 10 }).toMillis(),
    },
  });

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
  await chip.getByRole('button', { name: 'Stop timer' }).click();
  await expect(chip).toBeHidden();
  await expect(page.getByRole('button', { name: `Start a timer on ${subject}` })).toBeVisible();

  await page.getByRole('link', { name: 'Timesheet' }).click();
  const timerRow = page.getByTestId('time-entry-row').filter({ hasText: subject });
  await expect(timerRow).toHaveCount(1);
  await expect(timerRow).toContainText('Timer');
  await expect(timerRow).toContainText('Unclassified');
  await expect(timerRow).toContainText('Suggested: Included');

  // 37 minutes typed in for last month; the timesheet moves to that week.
  await page.getByRole('button', { name: 'Add time manually' }).first().click();
  const manual = page.getByRole('dialog', { name: 'Add time manually' });
  await manual.getByLabel('Ticket').selectOption({ label: `${VAXJO.name}: ${subject}` });
  await manual.getByLabel('Date').fill(workDay.toISODate()!);
  await manual.getByLabel('From').fill('09:00');
  await manual.getByLabel('To').fill(workDay.set({ hour: 9, minute: WORKED_MINUTES }).toFormat('HH:mm'));
  await manual.getByLabel('Note').fill('Nytt certifikat installerat, förtroende uppdaterat hos Skolverket');
  await manual.getByRole('button', { name: 'Add entry' }).click();
  await expect(manual).toBeHidden();
  const weekHeading = (week: DateTime) =>
    page.getByRole('heading', { name: new RegExp(`^Vecka ${week.weekNumber} ·`) });
  await expect(weekHeading(workDay)).toBeVisible();
  // The arrow keys step through weeks (the buttons do too).
  await page.keyboard.press('ArrowRight');
  await expect(weekHeading(workDay.plus({ weeks: 1 }))).toBeVisible();
  await expect(page.getByTestId('time-entry-row').filter({ hasText: subject })).toHaveCount(0);
  await page.keyboard.press('ArrowLeft');
  await expect(weekHeading(workDay)).toBeVisible();
  const manualRow = page.getByTestId('time-entry-row').filter({ hasText: subject });
  await expect(manualRow).toContainText('09:00–09:37');
  await expect(manualRow).toContainText(`${WORKED_MINUTES} min`);
  await expect(manualRow).toContainText('Manual');

  // Classified billable: Lotsen's suggestion (included) is chosen at first and marked, the technician decides.
  await manualRow.getByRole('button', { name: /^Classify / }).click();
  const classify = page.getByRole('dialog', { name: 'Classify time' });
  await expect(classify.getByTestId('classification-suggestion')).toContainText('Included');
  await expect(classify.getByRole('radio', { name: 'Included', exact: true })).toBeChecked();
  await classify.getByRole('radio', { name: 'Billable', exact: true }).check();
  await classify.getByLabel('Work type').selectOption({ label: 'Configuration change' });
  await page.screenshot({ path: testInfo.outputPath('01-classify.png'), fullPage: true });
  await classify.getByRole('button', { name: 'Save classification' }).click();
  await expect(classify).toBeHidden();
  await expect(manualRow).toContainText('Billable · Configuration change');

  // Billing opens on last month. The agreement rounds up to whole quarters and bills at its rate.
  const billedMinutes = Math.ceil(WORKED_MINUTES / INCREMENT_MINUTES) * INCREMENT_MINUTES;
  const amountOre = Math.floor((billedMinutes * RATE_ORE + 30) / 60);
  const sek = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK' });
  await page.getByRole('link', { name: 'Billing' }).click();
  await expect(
    page.getByRole('heading', { name: lastMonth.setLocale('sv').toFormat('LLLL yyyy') }),
  ).toBeVisible();
  const row = page.getByTestId('billing-row').filter({ hasText: VAXJO.name });
  await expect(row).toContainText(`${WORKED_MINUTES} min`);
  await expect(row).toContainText(`${(billedMinutes / 60).toFixed(2).replace('.', ',')} h`);
  await expect(row).toContainText(sek.format(amountOre / 100));
  await expect(page.getByTestId('chart-bar')).toHaveCount(12);
  await page.screenshot({ path: testInfo.outputPath('02-billing.png'), fullPage: true });

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
  const file = await readFile(await download.path(), 'utf8');
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const lines = file
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines).toHaveLength(2);
  const header = lines[0]!.split(',');
  const line = lines[1]!.split(',');
  const cell = (column: string) => line[header.indexOf(column)];
  expect(cell('Customer')).toBe(VAXJO.name);
  expect(cell('Subject')).toBe(subject);
  expect(cell('Date')).toBe(workDay.toISODate());
  expect(cell('Work type')).toBe('Configuration change');
  expect(cell('Actual minutes')).toBe(String(WORKED_MINUTES));
  expect(cell('Billed minutes')).toBe(String(billedMinutes));
  expect(cell('Rate (SEK/h)')).toBe((RATE_ORE / 100).toFixed(2));
  expect(cell('Amount (SEK)')).toBe((amountOre / 100).toFixed(2));
  expect(cell('Batch')).toBe('1');

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
  await expect(manualRow).toContainText('Locked');
  await expect(manualRow.getByRole('button', { name: /^Classify / })).toHaveCount(0);
  await expect(manualRow.getByRole('button', { name: /^Delete / })).toHaveCount(0);
  await expect(manualRow.getByRole('button', { name: /^Adjust / })).toBeVisible();
});
