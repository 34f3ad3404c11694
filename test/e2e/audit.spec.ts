import { DateTime } from 'luxon';
import { VAXJO, writeContractFixture } from './support/contractFixture.ts';
import { expect, importRegistry, test, USER } from './support/lotsenServer.ts';

test('revealing a secret is an explicit act that the audit view shows, and the chain verifies', async ({
  page,
  lotsen,
}, testInfo) => {
  await importRegistry(lotsen.home, await writeContractFixture(lotsen.home, { withDpa: true }));
  await page.goto(lotsen.url);
  await page.getByRole('link', { name: VAXJO.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: VAXJO.name })).toBeVisible();
  // Masked, and not in the page at all, until someone asks for it.
  expect(await page.content()).not.toContain('x-hemligt');

  await page.getByRole('button', { name: 'Reveal secret for svc_lotsen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reveal secret for svc_lotsen' });
  await dialog.getByLabel('Purpose').fill('ärende HD-4711');
  await dialog.getByRole('button', { name: 'Reveal' }).click();
  await expect(dialog.getByTestId('revealed-secret')).toHaveText('x-hemligt');
  await dialog.getByRole('button', { name: 'Hide' }).click();
  await expect(dialog).toBeHidden();
  expect(await page.content()).not.toContain('x-hemligt');

  await page.getByRole('link', { name: 'Audit log' }).click();
  const row = page.getByTestId('audit-row').first();
  await expect(row).toContainText('Secret revealed');
  await expect(row).toContainText(USER.name);
  await expect(row).toContainText('purpose: ärende HD-4711');
  await expect(row).not.toContainText('x-hemligt');
  // Under it, the registry import that set the customer up, audited with its counts.
  await expect(page.getByTestId('audit-row').nth(1)).toContainText('Registry imported');
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByTestId('audit-verdict')).toHaveText(
    'The audit log is intact: 2 events, every hash checked.',
  );
  await page.screenshot({ path: testInfo.outputPath('01-audit.png'), fullPage: true });

  // Filters: what an event was done to, and when (whole days in Swedish time).
  const filters = page.getByRole('group', { name: 'Filters' });
  const subject = filters.getByLabel('Subject', { exact: true });
  await subject.selectOption({ label: 'Session' });
  await expect(page.getByRole('heading', { name: 'No events match these filters' })).toBeVisible();
  await subject.selectOption({ label: 'Support account' });
  await expect(row).toContainText('Secret revealed');
  const today = DateTime.now().setZone('Europe/Stockholm');
  await filters.getByLabel('From').fill(today.plus({ days: 1 }).toISODate()!);
  await expect(page.getByRole('heading', { name: 'No events match these filters' })).toBeVisible();
  await filters.getByLabel('From').fill(today.toISODate()!);
  await filters.getByLabel(/^To/).fill(today.toISODate()!);
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('02-audit-filtered.png'), fullPage: true });
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(subject).toHaveValue('');
  await expect(row).toContainText('Secret revealed');

  // A row's subject filters by it; a typed id applies on Enter, not while it is typed; clearing empties the field.
  const subjectId = filters.getByLabel('Subject id');
  await row.getByRole('button', { name: /^Support account/ }).click();
  await expect(subject).toHaveValue('support_account');
  await expect(subjectId).not.toHaveValue('');
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await subjectId.fill('00000000-0000-4000-8000-000000000000');
  // Time for a query that should not have been sent to come back and empty the list.
  await page.waitForTimeout(500);
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await subjectId.press('Enter');
  await expect(page.getByRole('heading', { name: 'No events match these filters' })).toBeVisible();
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(subjectId).toHaveValue('');
  await expect(row).toContainText('Secret revealed');
});
