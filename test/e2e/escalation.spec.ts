import { CONTACT, writeContractFixture } from './support/contractFixture.ts';
import { expect, importRegistry, test } from './support/lotsenServer.ts';

/*
 * Växjö's agreement (FA-2020-3) has no acute option and no DPA is signed: the new-ticket form warns before the
 * requester is typed, escalating is refused with the reason, and an exception asks for its reason and shows the fee.
 */
test('escalating without the acute option is refused with the reason; an exception asks why and shows the fee', async ({
  page,
  lotsen,
}, testInfo) => {
  await importRegistry(lotsen.home, await writeContractFixture(lotsen.home, { withDpa: false }));
  await page.clock.install({ time: new Date('2026-11-20T14:00:00+01:00') });
  await page.goto(lotsen.url);

  // The vendor's price list sets what an exception bills: 2 500 kr until finance says otherwise.
  await page.getByRole('link', { name: /^Billing/ }).click();
  await expect(page.getByTestId('acute-list-price')).toHaveText('2 500,00 kr');
  await page.getByRole('button', { name: 'Edit…' }).click();
  const prices = page.getByRole('dialog', { name: 'Edit the price list' });
  await prices.getByLabel('Acute escalation by exception (kr)').fill('1 800');
  await prices.getByRole('button', { name: 'Save prices' }).click();
  await expect(prices).toBeHidden();
  await expect(page.getByTestId('acute-list-price')).toHaveText('1 800,00 kr');
  await page.screenshot({ path: testInfo.outputPath('00-price-list.png'), fullPage: true });
  await page.getByRole('link', { name: /^Tickets/ }).click();

  // The customer is chosen: the DPA warning stands above the first field for personal data.
  await page.getByRole('button', { name: 'New ticket' }).first().click();
  const form = page.getByRole('dialog', { name: 'New ticket' });
  const warning = form.getByTestId('dpa-warning');
  await expect(warning).toContainText('No data-processing agreement (PUB-avtal) is in force');
  const warningBox = (await warning.boundingBox())!;
  const requesterBox = (await form.getByLabel('Requester', { exact: true }).boundingBox())!;
  expect(warningBox.y + warningBox.height).toBeLessThanOrEqual(requesterBox.y);
  await page.screenshot({ path: testInfo.outputPath('01-dpa-warning.png'), fullPage: true });
  await form.getByLabel('Requester', { exact: true }).fill(CONTACT.name);
  await form.getByLabel('Requester e-mail').fill(CONTACT.email);
  await form.getByLabel('Subject').fill('Ingen elev kan logga in');
  await form.getByRole('button', { name: 'Create ticket' }).click();
  await expect(form).toBeHidden();

  const row = page.getByTestId('ticket-row').filter({ hasText: 'Ingen elev kan logga in' });
  await expect(row.getByTestId('ticket-verdict')).toContainText('Blocked');
  await expect(row.getByTestId('ticket-verdict')).toContainText('No DPA');

  // Under the option: refused, with the reason.
  await row.getByRole('button', { name: 'Escalate (acute)' }).click();
  const confirm = page.getByRole('dialog', { name: /^Escalate “Ingen elev kan logga in”\?/ });
  await confirm.getByRole('button', { name: 'Escalate (acute)' }).click();
  const exception = page.getByRole('dialog', { name: /by exception\?$/ });
  await expect(exception.getByTestId('escalation-refusal')).toHaveText(
    'Acute escalation refused: the agreement has no acute option (FA-2020-3).',
  );
  await expect(exception.getByTestId('exception-fee')).toContainText('1 800,00 kr');
  await page.screenshot({ path: testInfo.outputPath('02-refused.png'), fullPage: true });

  // The exception needs its reason.
  const submit = exception.getByRole('button', { name: /^Escalate by exception/ });
  await submit.click();
  await expect(exception).toContainText('An exception needs its reason written');
  await exception
    .getByLabel('Why is the ticket escalated despite this?')
    .fill('Rektorn ringde: nationella proven i morgon, ingen elev kan logga in');
  await submit.click();
  await expect(exception).toBeHidden();

  await expect(row.getByText('Acute', { exact: true })).toBeVisible();
  await expect(row.getByText('by exception')).toBeVisible();
  await expect(row).toContainText('fre 20 nov. 16:00');
  await page.screenshot({ path: testInfo.outputPath('03-escalated-by-exception.png'), fullPage: true });
  // Nothing runs off the side at 1280 wide.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
});
