import { DateTime } from 'luxon';
import { LONG_VAXJO, writeContractFixture } from './support/contractFixture.ts';
import { lookAtWidths } from './support/layout.ts';
import { expect, importRegistry, test, withStore } from './support/lotsenServer.ts';

// The server wakes on the purge date; the tickets were written on the real clock, months before.
const PURGE_DAY = DateTime.fromISO('2027-07-01T09:00:00', { zone: 'Europe/Stockholm' });
test.use({ clockStart: PURGE_DAY.toMillis() });

test('the purge preview lists what goes, and purging asks first and says it cannot be undone', async ({
  page,
  lotsen,
}, testInfo) => {
  await importRegistry(
    lotsen.home,
    await writeContractFixture(lotsen.home, { withDpa: true, customer: LONG_VAXJO }),
  );
  // A year's closed tickets, and one still open that the purge leaves alone.
  const CLOSED = 14;
  await withStore(lotsen.home, async (call) => {
    const [customer] = await call('registry.listCustomers', {});
    const ticket = (externalRef: string, status: 'closed' | 'open') =>
      call('tickets.save', {
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
    for (let i = 1; i <= CLOSED; i++) await ticket(`HD-2026-${9000 + i}`, 'closed');
    await ticket('HD-2026-9999', 'open');
  });

  await page.clock.install({ time: lotsen.now() });
  await page.goto(lotsen.url);
  await page.getByRole('link', { name: 'Retention' }).click();
  await expect(page.getByRole('heading', { name: 'A purge is due today', level: 2 })).toBeVisible();
  const tickets = page.getByRole('table', { name: 'Tickets the purge takes' });
  await expect(tickets.getByTestId('purge-ticket')).toHaveCount(CLOSED);
  await expect(tickets).toContainText('HD-2026-9001');
  await expect(tickets).not.toContainText('HD-2026-9999');
  await expect(tickets).toContainText('Closed');
  const perCustomer = page.getByRole('table', { name: 'What the purge takes per customer' });
  await expect(perCustomer.getByRole('row', { name: `${LONG_VAXJO.name} ${CLOSED}` })).toBeVisible();
  // The preview names tickets by reference, never by their text or requester.
  expect(await page.content()).not.toMatch(/Greta|Skolportalen/);
  await lookAtWidths(page, testInfo, '01-retention');

  await page.getByRole('button', { name: 'Purge now' }).click();
  const dialog = page.getByRole('dialog', { name: 'Purge personal data now?' });
  await expect(dialog).toContainText('This cannot be undone.');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await lookAtWidths(page, testInfo, '02-confirm');
  await dialog.getByRole('button', { name: 'Purge personal data' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Next purge: 2028-07-01', level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Purge now' })).toHaveCount(0);
  await expect(page.getByTestId('last-purge')).toContainText(
    `for 2027-07-01: ${CLOSED} tickets, 0 month keys`,
  );
  await expect(page.getByRole('heading', { name: 'Nothing to purge' })).toBeVisible();

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
  await lookAtWidths(page, testInfo, '03-after');
});
