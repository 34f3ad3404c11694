import { CONTACT, LONG_VAXJO, writeContractFixture } from './support/contractFixture.ts';
import { lookAtWidths } from './support/layout.ts';
import { expect, importRegistry, test } from './support/lotsenServer.ts';

/** As long as a worried principal's subject line gets. */
const SUBJECT =
  'Ingen elev på Hagaskolan eller Braskens gymnasium kan logga in i Skolportalen inför de nationella proven';

/*
 * Växjö's agreement (FA-2020-3) has no acute option and no DPA is signed: the new-ticket form warns before the
 * requester is typed, escalating is refused with the reason, and an exception asks for its reason and shows the fee.
 */
test('escalating without the acute option is refused with the reason; an exception asks why and shows the fee', async ({
  page,
  lotsen,
}, testInfo) => {
  await importRegistry(
    lotsen.home,
    await writeContractFixture(lotsen.home, { withDpa: false, customer: LONG_VAXJO }),
  );
  await page.clock.install({ time: new Date('2026-11-20T14:00:00+01:00') });
  await page.goto(lotsen.url);

  // The vendor's price list sets what an exception bills: 2 500 kr until finance says otherwise.
  await page.getByRole('link', { name: /^Billing/ }).click();
  await expect(page.getByTestId('acute-list-price')).toHaveText('SEK 2,500.00');
  await page.getByRole('button', { name: 'Edit…' }).click();
  await lookAtWidths(page, testInfo, '00-price-list-dialog');
  const prices = page.getByRole('dialog', { name: 'Edit the price list' });
  await prices.getByLabel('Acute escalation by exception (kr)').fill('1 800');
  await prices.getByRole('button', { name: 'Save prices' }).click();
  await expect(prices).toBeHidden();
  await expect(page.getByTestId('acute-list-price')).toHaveText('SEK 1,800.00');
  await lookAtWidths(page, testInfo, '00-price-list');
  await page.getByRole('link', { name: /^Tickets/ }).click();

  // The customer is chosen: the DPA warning stands above the first field for personal data.
  await page.getByRole('button', { name: 'New ticket' }).first().click();
  const form = page.getByRole('dialog', { name: 'New ticket' });
  const warning = form.getByTestId('dpa-warning');
  await expect(warning).toContainText('No data-processing agreement (PUB-avtal) is in force');
  const warningBox = (await warning.boundingBox())!;
  const requesterBox = (await form.getByLabel('Requester', { exact: true }).boundingBox())!;
  expect(warningBox.y + warningBox.height).toBeLessThanOrEqual(requesterBox.y);
  await lookAtWidths(page, testInfo, '01-dpa-warning');
  await form.getByLabel('Requester', { exact: true }).fill(CONTACT.name);
  await form.getByLabel('Requester e-mail').fill(CONTACT.email);
  await form.getByLabel('Subject').fill(SUBJECT);
  await form.getByRole('button', { name: 'Create ticket' }).click();
  await expect(form).toBeHidden();

  const row = page.getByTestId('ticket-row').filter({ hasText: SUBJECT });
  await expect(row.getByTestId('ticket-verdict')).toContainText('Blocked');
  await expect(row.getByTestId('ticket-verdict')).toContainText('No DPA');

  // Under the option: refused, with the reason.
  await row.getByRole('button', { name: 'Escalate (acute)' }).click();
  const confirm = page.getByRole('dialog', { name: `Escalate “${SUBJECT}”?` });
  await confirm.getByRole('button', { name: 'Escalate (acute)' }).click();
  const exception = page.getByRole('dialog', { name: /by exception\?$/ });
  await expect(exception.getByTestId('escalation-refusal')).toHaveText(
    'Acute escalation refused: the agreement has no acute option (FA-2020-3).',
  );
  await expect(exception.getByTestId('exception-fee')).toContainText('SEK 1,800.00');
  await lookAtWidths(page, testInfo, '02-refused');

  // The exception needs its reason; the cursor is already in it, and Ctrl+Enter saves from the keyboard.
  const reason = exception.getByLabel('Why is the ticket escalated despite this?');
  await expect(reason).toBeFocused();
  await exception.getByRole('button', { name: /^Escalate by exception/ }).click();
  await expect(exception).toContainText('An exception needs its reason written');
  await reason.fill('Rektorn ringde: nationella proven i morgon, ingen elev kan logga in');
  await reason.press('Control+Enter');
  await expect(exception).toBeHidden();

  await expect(row.getByText('Acute', { exact: true })).toBeVisible();
  await expect(row.getByText('by exception')).toBeVisible();
  await expect(row).toContainText('Fri 20 Nov, 16:00');
  await lookAtWidths(page, testInfo, '03-escalated-by-exception');
});
