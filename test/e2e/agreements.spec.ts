import { VAXJO, writeContractFixture } from './support/contractFixture.ts';
import { expect, importRegistry, test } from './support/lotsenServer.ts';

test('an agreement’s services are added, renamed and removed in its dialog, and the page shows what was saved', async ({
  page,
  lotsen,
}, testInfo) => {
  await importRegistry(lotsen.home, await writeContractFixture(lotsen.home, { withDpa: true }));
  await page.goto(lotsen.url);
  await page.getByRole('link', { name: VAXJO.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: VAXJO.name })).toBeVisible();
  const agreement = page.locator('article.contracts__item', {
    has: page.getByRole('heading', { name: 'FA-2020-3' }),
  });
  await expect(agreement).toContainText('AD FS SSO');

  await agreement.getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit agreement FA-2020-3' });
  await dialog.getByRole('button', { name: 'Add service' }).click();
  const names = dialog.getByLabel('Service name');
  await expect(names).toHaveCount(2);
  await names.nth(1).fill('Elevregister (IST)');
  await dialog.getByLabel('Kind').nth(1).selectOption('integration');
  await names.nth(0).fill('AD FS och WAP');
  await page.screenshot({ path: testInfo.outputPath('01-agreement-services-1280.png') });
  await dialog.getByRole('button', { name: 'Save agreement' }).click();
  await expect(dialog).toBeHidden();
  await expect(agreement).toContainText('AD FS och WAP');
  await expect(agreement).toContainText('Integration: Elevregister (IST)');

  // Removing one keeps the other, under the id it had.
  await agreement.getByRole('button', { name: 'Edit' }).click();
  await dialog.getByRole('button', { name: 'Remove service Elevregister (IST)' }).click();
  await expect(dialog.getByLabel('Service name')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Save agreement' }).click();
  await expect(dialog).toBeHidden();
  await expect(agreement).not.toContainText('Elevregister');
  await expect(agreement).toContainText('AD FS och WAP');
});
