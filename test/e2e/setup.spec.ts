import { expect, PASSPHRASE, test } from './support/lotsenServer.ts';

test('first use: the app asks who you are, needs a passphrase where no keychain answers, and opens the store', async ({
  page,
  freshLotsen,
}, testInfo) => {
  await page.goto(freshLotsen.url);
  await page.getByLabel('Your name').fill('Märta Supportledare');
  await page.getByLabel('E-mail').fill('marta@leverantor.se');
  await page.getByLabel('Role').selectOption('support_lead');
  await page.getByLabel('Your name').press('Enter');
  // With no keychain on this machine and no passphrase typed, the backend says what to do.
  await expect(page.getByText('No OS keychain answered')).toBeVisible();
  await expect(page.getByLabel(/^Passphrase/)).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('01-setup-needs-passphrase.png'), fullPage: true });

  await page.getByLabel(/^Passphrase/).fill(PASSPHRASE);
  await page.getByLabel('Repeat passphrase').fill(PASSPHRASE);
  await page.getByLabel('Repeat passphrase').press('Enter');
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  await expect(page.getByTestId('local-user')).toContainText('Märta Supportledare');
  await expect(page.getByTestId('local-user')).toContainText('Support lead');

  // The store is really keyed by that passphrase: lock, and only it opens the store again. Locking also ends the
  // browser session, so the way back in is a new link, to the lock screen.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Your browser session has ended' })).toBeVisible();
  await page.goto(await freshLotsen.newLink());
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByLabel('Passphrase').press('Enter');
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('02-set-up.png'), fullPage: true });
});
