import { CONTACT, LONG_VAXJO, VAXJO, writeContractFixture } from './support/contractFixture.ts';
import { lookAtWidths } from './support/layout.ts';
import { expect, importRegistry, test, USER, withStore } from './support/lotsenServer.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

test('a ticket shows when its response is due and turns breached when the clock passes it', async ({
  page,
  lotsen,
}, testInfo) => {
  await importRegistry(lotsen.home, await writeContractFixture(lotsen.home, { withDpa: true }));
  // The page's clock, not a sleep: Friday 20 November 2026, 14:00 Swedish time.
  await page.clock.install({ time: new Date('2026-11-20T14:00:00+01:00') });
  await page.goto(lotsen.url);
  await page.getByRole('link', { name: /^Tickets/ }).click();
  await expect(page.getByRole('heading', { name: 'No open tickets' })).toBeVisible();

  await page.getByRole('button', { name: 'New ticket' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New ticket' });
  await expect(dialog.getByLabel('Received (Swedish time)')).toHaveValue('2026-11-20T14:00');
  await dialog.getByLabel('Requester', { exact: true }).fill(CONTACT.name);
  await dialog.getByLabel('Requester e-mail').fill(CONTACT.email);
  await dialog.getByLabel('Service').selectOption({ label: 'AD FS SSO (FA-2020-3)' });
  // The service runs in one environment, so the form fills it in.
  await expect(dialog.getByLabel('Environment')).toHaveValue(/.+/);
  await expect(dialog.getByLabel('Environment').locator('option:checked')).toHaveText('Produktion');
  await dialog.getByLabel('Subject').fill('Elever kan inte logga in via WAP');
  await expect(dialog.getByTestId('ticket-completeness')).toContainText('a screenshot of the error');
  await page.screenshot({ path: testInfo.outputPath('00-new-ticket.png'), fullPage: true });
  await dialog.getByRole('button', { name: 'Create ticket' }).click();
  await expect(dialog).toBeHidden();

  // 8 office hours from Friday 14:00: 3 hours on Friday, 5 on Monday.
  const row = page.getByTestId('ticket-row').filter({ hasText: 'Elever kan inte logga in' });
  await expect(row).toContainText('Mon 23 Nov, 13:00');
  await expect(row).toContainText(VAXJO.name);
  await expect(row.getByText('On track')).toBeVisible();
  await expect(row).toContainText('Fri 20 Nov, 14:00');
  await expect(row).not.toContainText('Not a named contact');
  await page.screenshot({ path: testInfo.outputPath('01-on-track.png'), fullPage: true });

  // Monday 12:30: due soon. Monday 13:01: breached. The list's clock ticks on its own timer.
  await page.clock.fastForward(70.5 * HOUR);
  await expect(row.getByText('Due soon')).toBeVisible();
  await page.clock.fastForward(31 * MINUTE);
  await expect(row.getByText('Breached')).toBeVisible();
  await expect(page.getByRole('link', { name: /^Tickets/ })).toContainText('1');
  await page.screenshot({ path: testInfo.outputPath('02-breached.png'), fullPage: true });

  // A ticket taken up in time is met, whatever the clock does later.
  await page.getByRole('button', { name: 'New ticket' }).first().click();
  // The customer's named contacts are one click away.
  await dialog
    .getByRole('group', { name: 'Named support contacts' })
    .getByRole('button', { name: CONTACT.name })
    .click();
  await expect(dialog.getByLabel('Requester e-mail')).toHaveValue(CONTACT.email);
  await dialog.getByLabel('Subject').fill('Synken har stannat');
  await dialog.getByRole('button', { name: 'Create ticket' }).click();
  await expect(dialog).toBeHidden();
  const second = page.getByTestId('ticket-row').filter({ hasText: 'Synken har stannat' });
  await second.getByRole('button', { name: 'Record first response' }).click();
  await expect(second.getByText('Met')).toBeVisible();
  await page.clock.fastForward(200 * HOUR);
  await expect(second.getByText('Met')).toBeVisible();
  await expect(row.getByText('Breached')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('03-met.png'), fullPage: true });

  // Resolved tickets leave the working list; the toggle shows them again, first response intact.
  await second.getByRole('button', { name: 'Edit ticket Synken har stannat' }).click();
  const edit = page.getByRole('dialog', { name: /^Edit ticket/ });
  await edit.getByLabel('Status').selectOption('resolved');
  await edit.getByRole('button', { name: 'Save ticket' }).click();
  await expect(edit).toBeHidden();
  await expect(second).toHaveCount(0);
  await page.getByLabel('Show resolved and closed tickets too').check();
  await expect(second.getByText('Resolved')).toBeVisible();
  await expect(second.getByText('Met')).toBeVisible();
});

test('a ticket from someone who is not a named contact is sent back to the contacts, and says so', async ({
  page,
  lotsen,
}, testInfo) => {
  await importRegistry(
    lotsen.home,
    await writeContractFixture(lotsen.home, { withDpa: true, customer: LONG_VAXJO }),
  );
  // A Monday morning's list, with names as long as real tickets carry: it must fit at 1280 and at 1440.
  await withStore(lotsen.home, async (call) => {
    const [customer] = await call('registry.listCustomers', {});
    for (let i = 1; i <= 6; i++) {
      const contact = i % 2 === 0;
      await call('tickets.save', {
        ticket: {
          customerId: customer!.id,
          externalRef: `HD-2026-04711${i}`,
          requesterName: contact ? CONTACT.name : 'Karl-Johan Bernadotte-Lindqvist Äppelqvist',
          requesterEmail: contact
            ? CONTACT.email
            : 'karl-johan.bernadotte-lindqvist@prastangsskolan.vaxjo.se',
          subject: `Elever på Hagaskolan, Braskens gymnasium och Prästängsskolan kommer inte in i Skolportalen via WAP (${i})`,
          receivedAt: Date.now() - i * HOUR,
          status: 'open',
        },
      });
    }
  });
  await page.goto(lotsen.url);
  await page.getByRole('link', { name: /^Tickets/ }).click();
  await page.getByRole('button', { name: 'New ticket' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New ticket' });
  await dialog.getByLabel('Requester', { exact: true }).fill('Lärare Larsson');
  await dialog.getByLabel('Requester e-mail').fill('larsson@skola.vaxjo.se');
  await dialog.getByLabel('Subject').fill('Eleverna kommer inte in');
  await dialog.getByRole('button', { name: 'Create ticket' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByTestId('ticket-row').filter({ hasText: 'Eleverna kommer inte in' });
  await expect(row).toContainText('Not a named contact');
  await row.getByRole('button', { name: 'Send back to contacts' }).click();
  const confirm = page.getByRole('dialog', { name: /^Send .* back to the contacts\?$/ });
  await expect(confirm).toContainText(`Lärare Larsson is not a named support contact of ${LONG_VAXJO.name}`);
  await lookAtWidths(page, testInfo, '01-send-back');
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await lookAtWidths(page, testInfo, '00-list-long-names');
  await row.getByRole('button', { name: 'Send back to contacts' }).click();
  await confirm.getByRole('button', { name: 'Send back to contacts' }).click();
  await expect(confirm).toBeHidden();

  // Resolved: it leaves the working list, and shows who sent it back when all tickets are shown.
  await expect(row).toHaveCount(0);
  await page.getByLabel('Show resolved and closed tickets too').check();
  await expect(row).toContainText('Sent back to the contacts');
  await expect(row).toContainText(`by ${USER.name}`);
  await expect(row.getByText('Resolved')).toBeVisible();
  await expect(row.getByRole('button', { name: 'Send back to contacts' })).toHaveCount(0);
  await lookAtWidths(page, testInfo, '02-sent-back');
});
