import { orgNumber } from '../support/orgNumbers.ts';
import { adfsOnRecord, standardAccess } from '../support/readyCustomerFile.ts';
import { expect, test } from './support/lotsenServer.ts';
import { importReadyCustomer } from './support/readyCustomer.ts';

const KALMAR = { name: 'Kalmar kommun', orgNumber: orgNumber('212000', 83) };

test('a VPN profile writes the commands from the gateway, and the open dialog shows both to approve', async ({
  page,
  lotsen,
}, testInfo) => {
  await importReadyCustomer(lotsen, {
    customer: KALMAR,
    production: {
      access: { ...standardAccess, vpnGateway: 'vpn.kalmar-kommun-skolnat-fjarrsupport.se:4443' },
      servers: [{ host: 'wap.kalmar.se', role: 'wap' }, adfsOnRecord],
      supportAccounts: [{ username: 'lev-support' }],
    },
    withTicket: true,
  });
  await page.goto(lotsen.url);
  await page.getByRole('link', { name: KALMAR.name }).click();
  await page.getByRole('button', { name: 'Edit environment Produktion' }).click();
  const form = page.getByRole('dialog', { name: /Edit environment Produktion/ });

  // Cisco AnyConnect's terms: its own client or OpenConnect.
  await form.getByLabel('VPN client').selectOption({ label: 'OpenConnect' });
  await form.getByLabel('VPN user name').fill('lev-support');
  await form.getByRole('button', { name: 'Write the commands' }).click();
  await expect(form.getByText('Commands written for this machine.')).toBeVisible();
  // OpenConnect is installed here, and can tell whether the tunnel is split (Linux).
  await expect(form.getByText(/is not installed on this machine/)).toHaveCount(0);
  await expect(form.getByText(/asks the client whether the tunnel is split/)).toBeVisible();
  await expect(form.getByLabel('Pre-connect command')).toHaveValue(
    /openconnect' --background .*--user='lev-support' --passwd-on-stdin 'vpn\.kalmar-kommun-skolnat-fjarrsupport\.se:4443'$/,
  );
  await expect(form.getByLabel('Disconnect command')).toHaveValue(/kill -INT "\$pid"/);
  for (const width of [1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: testInfo.outputPath(`01-profile-written-${width}.png`), fullPage: true });
  }

  // PPTP is marked as weak as soon as it is chosen, and offers rasdial.
  await form.getByLabel('VPN type').selectOption({ label: 'Windows built-in VPN (PPTP)' });
  await expect(form.getByText(/PPTP is weak/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('02-pptp-weak.png'), fullPage: true });
  await form.getByLabel('VPN type').selectOption({ label: 'Cisco AnyConnect' });
  await expect(form.getByText(/PPTP is weak/)).toHaveCount(0);
  await form.getByRole('button', { name: 'Save environment' }).click();
  await expect(form).toBeHidden();

  await page.getByRole('button', { name: 'Local terminal for Produktion' }).click();
  const dialog = page.getByRole('dialog', { name: 'Local terminal for Produktion' });
  await expect(dialog.getByTestId('vpn-summary')).toHaveText(
    'VPN: OpenConnect, disconnected after the session',
  );
  await expect(dialog.getByTestId('pre-connect-command')).toContainText("--user='lev-support'");
  await expect(dialog.getByTestId('disconnect-command')).toContainText('kill -INT "$pid"');
  for (const width of [1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: testInfo.outputPath(`03-open-dialog-${width}.png`) });
  }
});
