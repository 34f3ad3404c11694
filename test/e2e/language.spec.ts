import { writeContractFixture } from './support/contractFixture.ts';
import { expect, importRegistry, test } from './support/lotsenServer.ts';

test('switching to Svenska in the top bar changes the navigation, dates and amounts, and lasts across a reload', async ({
  page,
  lotsen,
}, testInfo) => {
  await importRegistry(lotsen.home, await writeContractFixture(lotsen.home, { withDpa: true }));
  await page.goto(lotsen.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Billing' }).click();
  await expect(page.getByTestId('acute-list-price')).toHaveText(/^SEK\s?\d{1,3}(,\d{3})*\.\d{2}$/);
  await nav.getByRole('link', { name: 'Audit log' }).click();
  const when = page.getByTestId('audit-row').first().locator('td').nth(1);
  await expect(when).toHaveText(/^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}$/);

  // The switch is a labelled select, reached from the keyboard like any other control.
  const language = page.getByRole('combobox', { name: 'Language' });
  await language.focus();
  await language.selectOption('sv');
  const huvudmeny = page.getByRole('navigation', { name: 'Huvudmeny' });
  await expect(huvudmeny.getByRole('link', { name: 'Granskningslogg' })).toBeVisible();
  await expect(huvudmeny.getByRole('link', { name: 'Fakturering' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Granskningslogg', level: 1 })).toBeVisible();
  await expect(when).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await expect(page.getByRole('button', { name: 'Lås' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('01-audit-in-swedish.png'), fullPage: true });

  // A reload keeps the choice: it is this machine's, not this page's.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Språk' })).toHaveValue('sv');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await huvudmeny.getByRole('link', { name: 'Fakturering' }).click();
  await expect(page.getByTestId('acute-list-price')).toHaveText(/^\d{1,3}(\s\d{3})*,\d{2}\s?kr$/);
  await expect(huvudmeny.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('02-billing-after-reload.png'), fullPage: true });
});
