import { readFile } from 'node:fs/promises';
import { CONTACT, VAXJO, writeContractFixture } from './support/contractFixture.ts';
import { expect, importRegistry, test } from './support/lotsenServer.ts';

test('a customer blocked for a missing DPA becomes eligible once the DPA is recorded; the review exports as CSV', async ({
  page,
  lotsen,
}, testInfo) => {
  await importRegistry(lotsen.home, await writeContractFixture(lotsen.home, { withDpa: false }));
  await page.goto(lotsen.url);
  await page.getByRole('link', { name: /^Eligibility/ }).click();
  await expect(page.getByRole('heading', { name: 'Eligibility', level: 1 })).toBeVisible();

  const row = page.getByTestId('review-row').filter({ hasText: VAXJO.name });
  await expect(row.getByText('Blocked', { exact: true })).toBeVisible();
  await expect(row).toContainText('No signed data-processing agreement (PUB-avtal) is recorded.');
  await row.getByRole('button', { name: /Show 1 reason/ }).click();
  await expect(page.getByText('No data-processing agreement', { exact: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('01-review-blocked.png'), fullPage: true });

  // The filters narrow the view: a missing DPA is what this customer has.
  await page.getByLabel('Missing DPA').check();
  await expect(page.getByTestId('review-row')).toHaveCount(1);
  await page.getByLabel('Verdict', { exact: true }).selectOption('eligible');
  await expect(page.getByText('No customer matches these filters')).toBeVisible();
  await page.getByLabel('Verdict', { exact: true }).selectOption('all');
  await page.getByLabel('Missing DPA').uncheck();

  // Record the DPA on the customer page.
  await row.getByRole('link', { name: VAXJO.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: VAXJO.name })).toBeVisible();
  await expect(page.getByTestId('verdict-panel')).toContainText('Blocked');
  await page.getByRole('button', { name: 'Record DPA' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record data-processing agreement' });
  await dialog.getByLabel('Signed on').fill('2020-02-01');
  await dialog.getByLabel('DPA reference').fill('PUB-2020-2');
  await dialog.getByLabel('Signatory').fill('Märta Jurist');
  await dialog.getByRole('button', { name: 'Record DPA' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('verdict-panel')).toContainText('Eligible');
  await page.screenshot({ path: testInfo.outputPath('02-customer-eligible.png'), fullPage: true });

  await page.getByRole('link', { name: /^Eligibility/ }).click();
  await expect(row.getByText('Eligible', { exact: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('03-review-eligible.png'), fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^lotsen-eligibility-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFFCustomer,Organisation number,Status')).toBe(true);
  expect(csv).toContain(`${VAXJO.name},${VAXJO.orgNumber},eligible`);
  expect(csv).not.toContain(CONTACT.email);
});
