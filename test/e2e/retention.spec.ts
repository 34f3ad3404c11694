import { DateTime } from 'luxon';
import { VAXJO, writeContractFixture } from './support/contractFixture.ts';
import { callStore, expect, importRegistry, test } from './support/lotsenServer.ts';

// The server wakes on the purge date; the tickets were written on the real clock, months before.
const PURGE_DAY = DateTime.fromISO('2027-07-01T09:00:00', { zone: 'Europe/Stockholm' });
test.use({ clockStart: PURGE_DAY.toMillis() });

test('the purge preview lists what goes, and purging asks first and says it cannot be undone', async ({
  page,
  lotsen,
}, testInfo) => {
  await importRegistry(lotsen.home, await writeContractFixture(lotsen.home, { withDpa: true }));
  const [customer] = await callStore(lotsen.home, 'registry.listCustomers', {});
  const ticket = (externalRef: string, status: 'closed' | 'open') =>
    callStore(lotsen.home, 'tickets.save', {
      ticket: {
        customerId: customer!.id,
        externalRef,
        requesterName: 'Greta Lindholm',
        requesterEmail: 'greta.lindholm@skola.se',
        subject: `Eleven i 5B når inte Skolportalen (${externalRef})`,
        receivedAt: Date.now() - 3600_000,
        status,
      },
    });
  await ticket('HD-9001', 'closed');
  await ticket('HD-9002', 'open');

  await page.clock.install({ time: lotsen.now() });
  await page.goto(lotsen.url);
  await page.getByRole('link', { name: 'Retention' }).click();
  await expect(page.getByRole('heading', { name: 'A purge is due today', level: 2 })).toBeVisible();
  const tickets = page.getByRole('table', { name: 'Tickets the purge takes' });
  await expect(tickets.getByTestId('purge-ticket')).toHaveCount(1);
  await expect(tickets).toContainText('HD-9001');
  await expect(tickets).toContainText('Closed');
  const perCustomer = page.getByRole('table', { name: 'What the purge takes per customer' });
  await expect(perCustomer.getByRole('row', { name: `${VAXJO.name} 1` })).toBeVisible();
  // The preview names tickets by reference, never by their text or requester.
  expect(await page.content()).not.toMatch(/Greta|Skolportalen/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await page.screenshot({ path: testInfo.outputPath('01-retention.png'), fullPage: true });

  await page.getByRole('button', { name: 'Purge now' }).click();
  const dialog = page.getByRole('dialog', { name: 'Purge personal data now?' });
  await expect(dialog).toContainText('This cannot be undone.');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('02-confirm.png') });
  await dialog.getByRole('button', { name: 'Purge personal data' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Next purge: 2028-07-01', level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Purge now' })).toHaveCount(0);
  await expect(page.getByTestId('last-purge')).toContainText('for 2027-07-01: 1 ticket, 0 month keys');

  // The policy is edited in place, and a day not every year has is refused with the reason.
  await page.getByLabel('Purge date (MM-DD)').fill('02-29');
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByRole('alert')).toContainText('not 29 February');
  await page.getByLabel('Purge date (MM-DD)').fill('08-15');
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByRole('status')).toHaveText('Policy saved.');
  await expect(
    page.getByRole('heading', { name: /A purge is due today|Next purge: 2027-08-15/ }),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('03-after.png'), fullPage: true });
});
