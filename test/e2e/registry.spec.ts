import type { Page, TestInfo } from '@playwright/test';
import { orgNumber } from '../support/orgNumbers.ts';
import { lookAtWidths } from './support/layout.ts';
import { expect, PASSPHRASE, test, USER } from './support/lotsenServer.ts';

const SECRET = 'Hemlis-Växjö-7f3kQ!';
const VPN_SECRET = 'Vpn-Lösen-Kalmarsund-91!';
const VAXJO = { name: 'Växjö kommun', orgNumber: orgNumber('212000', 70) };
const MALMO = { name: 'Malmö stad', orgNumber: orgNumber('212000', 112) };

async function snap(page: Page, testInfo: TestInfo, name: string) {
  // From the top: a full-page capture of a scrolled page would draw the sticky top bar halfway down.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

async function addCustomer(page: Page, customer: { name: string; orgNumber: string }) {
  const dialog = page.getByRole('dialog', { name: 'Add customer' });
  await dialog.getByLabel('Name', { exact: true }).fill(customer.name);
  // Typed without the dash: the form takes either spelling.
  await dialog.getByLabel('Organisation number').fill(customer.orgNumber.replace('-', ''));
  await dialog.getByLabel('Organisation number').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: customer.name })).toBeVisible();
}

test('a technician records a customer environment, finds it by host, and it survives a reload', async ({
  page,
  lotsen,
}, testInfo) => {
  await page.goto(lotsen.url);
  // The link's token is swapped for a session cookie on the first load and leaves the address bar.
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  expect(page.url()).not.toContain('token');
  await expect(page.getByTestId('local-user')).toContainText(USER.name);
  await expect(page.getByRole('heading', { name: 'No customers yet' })).toBeVisible();
  await snap(page, testInfo, '01-empty-registry');

  // A wrong check digit is refused beside the field, which keeps the cursor.
  await page.getByRole('button', { name: 'Add customer' }).click();
  const customerDialog = page.getByRole('dialog', { name: 'Add customer' });
  await customerDialog.getByLabel('Name', { exact: true }).fill(VAXJO.name);
  const badOrgNumber = VAXJO.orgNumber.slice(0, -1) + String((Number(VAXJO.orgNumber.at(-1)) + 1) % 10);
  await customerDialog.getByLabel('Organisation number').fill(badOrgNumber);
  await customerDialog.getByLabel('Organisation number').press('Enter');
  await expect(customerDialog.getByText('is not a valid Swedish organisation number')).toBeVisible();
  await expect(customerDialog.getByLabel('Organisation number')).toBeFocused();
  await snap(page, testInfo, '02-invalid-org-number');
  await customerDialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Add customer' }).click();
  await addCustomer(page, VAXJO);
  await expect(page.getByText(VAXJO.orgNumber)).toBeVisible();

  // Environment with its access.
  await page.getByRole('button', { name: 'Add environment' }).click();
  const envDialog = page.getByRole('dialog', { name: 'Add environment' });
  await envDialog.getByLabel('Environment name').fill('Produktion');
  await envDialog.getByLabel('VPN type').selectOption({ label: 'Cisco AnyConnect' });
  await envDialog.getByLabel('Remote-access method').selectOption({ label: 'SSH' });
  // Not known to be split tunnel is not known to be standard; the form says why as it is filled in.
  const nonStandard = envDialog.getByRole('status');
  await expect(nonStandard).toContainText('whether it is split tunnel is not recorded');
  await envDialog.getByLabel('Split tunnel').selectOption({ label: 'Full tunnel' });
  await expect(nonStandard).toContainText('Cisco AnyConnect runs as a full tunnel');
  await envDialog.getByLabel('Split tunnel').selectOption({ label: 'Split tunnel' });
  await expect(nonStandard).toBeHidden();
  await envDialog.getByLabel('Access tool').fill('Cisco Secure Client 5.1');
  await envDialog.getByLabel('The client needs special configuration on our machines').check();
  await envDialog
    .getByLabel('What must be configured')
    .fill('Kommunens rotcertifikat i datorns certifikatarkiv');
  await expect(nonStandard).toContainText(
    "The client needs special configuration on the vendor's machines: Kommunens rotcertifikat",
  );
  await page.screenshot({ path: testInfo.outputPath('02b-environment-form-1280.png') });
  await envDialog.getByLabel('The client needs special configuration on our machines').uncheck();
  await expect(nonStandard).toBeHidden();
  await envDialog.getByLabel('Environment name').press('Enter');
  // Cisco needs its gateway: the model's rule, shown on the field before anything is sent.
  await expect(envDialog.getByText('This VPN type needs a gateway')).toBeVisible();
  await expect(envDialog.getByLabel('VPN gateway')).toBeFocused();
  await envDialog.getByLabel('VPN gateway').fill('vpn.vaxjo.se');
  await envDialog.getByLabel('Supported tools').fill('PowerShell, Enter-PSSession');
  // The VPN's password goes to the vault, apart from the command that reads it: typed into a password field once.
  await envDialog
    .getByLabel('Pre-connect command')
    .fill('printf %s "$LOTSEN_PRE_CONNECT_SECRET" | openconnect --passwd-on-stdin vpn.vaxjo.se');
  await expect(envDialog.getByLabel('Pre-connect secret')).toHaveAttribute('type', 'password');
  await envDialog.getByLabel('Pre-connect secret').fill(VPN_SECRET);
  await envDialog.getByLabel('Pre-connect secret').scrollIntoViewIfNeeded();
  await lookAtWidths(page, testInfo, '02c-environment-pre-connect');
  await envDialog.getByLabel('Supported tools').press('Enter');
  await expect(envDialog).toBeHidden();
  const environment = page.getByRole('region', { name: 'Produktion' });
  await expect(environment.getByText('Cisco AnyConnect')).toBeVisible();
  await expect(environment.getByText('(Cisco Secure Client 5.1)')).toBeVisible();
  await expect(environment.getByText('Split tunnel', { exact: true })).toBeVisible();
  await expect(environment.getByText('Non-standard access')).toHaveCount(0);
  await expect(environment.getByText('vpn.vaxjo.se', { exact: true })).toBeVisible();
  await expect(environment.getByText('Pre-connect secret')).toBeVisible();
  await expect(environment.getByRole('definition').filter({ hasText: 'stored' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(VPN_SECRET);

  // The WAP server.
  await page.getByRole('button', { name: 'Add server to Produktion' }).click();
  const serverDialog = page.getByRole('dialog', { name: 'Add server to Produktion' });
  await serverDialog.getByLabel('Host').fill('wap01.vaxjo.se');
  await serverDialog.getByLabel('Role').selectOption({ label: 'WAP (Web Application Proxy)' });
  await serverDialog.getByLabel('Operating system').fill('Windows Server 2022');
  await serverDialog.getByLabel('Operating system').press('Enter');
  await expect(serverDialog).toBeHidden();
  await expect(environment.getByRole('row', { name: /wap01\.vaxjo\.se:22/ })).toContainText(
    'WAP (Web Application Proxy)',
  );

  // The support account with its secret: in through a password field, never back out.
  await page.getByRole('button', { name: 'Add support account to Produktion' }).click();
  const accountDialog = page.getByRole('dialog', { name: 'Add support account to Produktion' });
  await accountDialog.getByLabel('Username').fill('lev-support');
  await expect(accountDialog.getByLabel('Secret')).toHaveAttribute('type', 'password');
  await accountDialog.getByLabel('Secret').fill(SECRET);
  await accountDialog.getByLabel('Secret').press('Enter');
  await expect(accountDialog).toBeHidden();
  const accountRow = environment.getByRole('row', { name: /lev-support/ });
  await expect(accountRow).toContainText('••••••••');
  await expect(accountRow).toContainText('stored');
  expect(await page.content()).not.toContain(SECRET);

  // A named support contact who has done only the admin training is flagged.
  await page.getByRole('button', { name: 'Add contact' }).click();
  const contactDialog = page.getByRole('dialog', { name: 'Add support contact' });
  await contactDialog.getByLabel('Name', { exact: true }).fill('Åsa Öberg');
  await contactDialog.getByLabel('E-mail').fill('asa.oberg@vaxjo.se');
  await contactDialog.getByLabel('Phone').fill('0470-410 00');
  await contactDialog.getByLabel('Admin training done').check();
  await contactDialog.getByLabel('Phone').press('Enter');
  await expect(contactDialog).toBeHidden();
  await expect(page.getByRole('row', { name: /Åsa Öberg/ })).toContainText('Missing tool training');
  await snap(page, testInfo, '03-customer-page');

  // A second customer, so the search has something to leave out.
  await page.getByRole('link', { name: 'Customers' }).first().click();
  await page.getByRole('button', { name: 'Add customer' }).click();
  await addCustomer(page, MALMO);

  // `/` from anywhere (Ctrl+K is the command palette's), part of the host name, and the customer is the one result,
  // with why.
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search customers')).toBeFocused();
  await page.keyboard.type('wap0');
  const results = page.getByRole('list', { name: 'Customers' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results).toContainText(VAXJO.name);
  await expect(results).toContainText('matched on: host wap01.vaxjo.se');
  await expect(page.getByText('1 of 2 match “wap0”')).toBeVisible();
  await snap(page, testInfo, '04-search-by-host');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: VAXJO.name })).toBeVisible();

  // The search was not kept on the customer's page; Esc clears a search; one without results says so and offers to
  // clear it.
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search customers')).toBeFocused();
  await expect(page.getByLabel('Search customers')).toHaveValue('');
  await page.keyboard.type('malm');
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Search customers')).toHaveValue('');
  await expect(page.getByLabel('Search customers')).toBeFocused();
  await page.keyboard.type('göteborg');
  await expect(page.getByRole('heading', { name: 'No customer matches “göteborg”' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(page.getByRole('list', { name: 'Customers' }).getByRole('listitem')).toHaveCount(2);

  // Up/Down walk the results (sorted the Swedish way: Malmö before Växjö); Enter opens the highlighted one.
  await expect(page.getByLabel('Search customers')).toBeFocused();
  await page.keyboard.type('212000');
  await expect(page.getByText('2 of 2 match “212000”')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('link', { name: new RegExp(VAXJO.name) })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: VAXJO.name })).toBeVisible();

  // Reload: the cookie still authorises the page, and everything is read back from the encrypted store.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: VAXJO.name })).toBeVisible();
  expect(page.url()).not.toContain('token');
  const reloaded = page.getByRole('region', { name: 'Produktion' });
  await expect(reloaded.getByRole('row', { name: /wap01\.vaxjo\.se:22/ })).toBeVisible();
  await expect(reloaded.getByRole('row', { name: /lev-support/ })).toContainText('••••••••');
  expect(await page.content()).not.toContain(SECRET);
  await snap(page, testInfo, '05-after-reload');

  // `?` lists the shortcuts.
  await page.locator('body').press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await snap(page, testInfo, '06-shortcuts');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
});

test('locking closes the registry and ends the browser session; a new link shows the lock screen, which refuses a wrong passphrase inline and opens with the right one', async ({
  page,
  lotsen,
}, testInfo) => {
  await page.goto(lotsen.url);
  await page.getByRole('button', { name: 'Add customer' }).click();
  await addCustomer(page, VAXJO);

  await page.getByRole('button', { name: 'Lock' }).click();
  // In browser mode locking also ends the session: the page says so, and what to do.
  await expect(page.getByRole('heading', { name: 'Your browser session has ended' })).toBeVisible();
  await expect(page.getByText('Your browser session ended because Lotsen was locked.')).toBeVisible();
  await expect(page.getByText('press Enter')).toBeVisible();
  // Nothing of the registry stays in the page.
  expect(await page.content()).not.toContain(VAXJO.name);
  await snap(page, testInfo, '00-session-ended');
  // A reload is refused with the same advice.
  const reloaded = await page.reload();
  expect(reloaded?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('because Lotsen was locked');

  await page.goto(await lotsen.newLink());
  await expect(page.getByRole('heading', { name: 'Lotsen is locked' })).toBeVisible();
  const passphrase = page.getByLabel('Passphrase');
  await expect(passphrase).toBeFocused();

  await passphrase.fill('fel lösenfras');
  await passphrase.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Wrong passphrase. Try again.');
  // The button waits out main's back-off (a second after the first wrong passphrase), then offers itself again.
  await expect(page.getByRole('button', { name: 'Try again in 1 s' })).toBeDisabled();
  await expect(passphrase).toBeFocused();
  await snap(page, testInfo, '01-wrong-passphrase');
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeEnabled();

  await passphrase.fill(PASSPHRASE);
  await passphrase.press('Enter');
  // The registry is back, read afresh from the store.
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: VAXJO.name }).click();
  await expect(page.getByText(VAXJO.orgNumber)).toBeVisible();
  await snap(page, testInfo, '02-unlocked-again');
});

test('a browser without a link is refused and never sees the app', async ({ browser, lotsen }, testInfo) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(`${lotsen.origin}/`);
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText(
    'Lotsen opens only from a link that `lotsen serve` prints',
  );
  await expect(page.getByRole('heading', { name: 'Customers' })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('01-refused.png') });

  // A wrong token is refused too, and sets no cookie.
  const wrong = await page.goto(`${lotsen.origin}/?token=not-the-token`);
  expect(wrong?.status()).toBe(401);
  expect(await context.cookies()).toEqual([]);
  await context.close();
});
