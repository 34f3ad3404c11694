import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { orgNumber } from '../support/orgNumbers.ts';
import { callStore, expect, test } from './support/lotsenServer.ts';
import { openCustomerWithPreConnect } from './support/readyCustomer.ts';

const KALMAR = { name: 'Kalmar kommun', orgNumber: orgNumber('212000', 82) };

/** Every character of the command is on screen: the block has no scrollbar of its own and nothing spills out. */
async function expectWhollyShown(page: Page) {
  const block = page.getByTestId('pre-connect-command');
  const box = await block.evaluate((el) => ({
    overflowsX: el.scrollWidth > el.clientWidth,
    overflowsY: el.scrollHeight > el.clientHeight,
    right: el.getBoundingClientRect().right,
    dialogRight: el.closest('dialog')!.getBoundingClientRect().right,
  }));
  expect(box).toMatchObject({ overflowsX: false, overflowsY: false });
  expect(box.right).toBeLessThanOrEqual(box.dialogRight);
}

test('an imported pre-connect command is shown in full, refused until approved, and runs once approved here', async ({
  page,
  lotsen,
}, testInfo) => {
  const marker = join(lotsen.home, 'vpn-körd');
  // Long, with a path and no spaces for a stretch, as real VPN command lines are.
  const command =
    `touch '${marker}' && echo "vpn: ansluten" && ` +
    'true --profile=/opt/cisco/anyconnect/profile/Kalmar_kommun_skolnat_AD_FS_och_WAP_fjarrsupport_leverantor.xml ' +
    '--gateway vpn.kalmar.se --group Leverantorssupport --banner-accept --no-dtls --reconnect-timeout 30 ' +
    '# det här är en lång kommentar som bara finns för att raden ska bli lång nog att behöva brytas flera gånger';
  // The environment came, by import, with a long pre-connect command.
  await openCustomerWithPreConnect(page, lotsen, KALMAR, command);
  await expect(page.getByText('Not approved on this machine')).toBeVisible();

  await page.getByRole('button', { name: 'Local terminal for Produktion' }).click();
  const dialog = page.getByRole('dialog', { name: 'Local terminal for Produktion' });
  await expect(dialog.getByTestId('pre-connect-command')).toHaveText(command);
  for (const width of [1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await expectWhollyShown(page);
    await page.screenshot({ path: testInfo.outputPath(`01-pending-command-${width}.png`) });
  }

  // Connect asks for the choice first; nothing has run.
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(dialog).toContainText('Approve the command to run it on this machine, or connect without it.');
  await expect(dialog.getByLabel('Approve and run on this machine')).toBeFocused();
  expect(existsSync(marker)).toBe(false);

  await dialog.getByLabel('Approve and run on this machine').check();
  await page.screenshot({ path: testInfo.outputPath('02-approve-chosen.png') });
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();

  const tab = page.getByRole('tab', { name: /· Local terminal/ });
  await expect(tab).toContainText('Open');
  await expect(page.getByRole('region', { name: /^Terminal:/ })).toContainText('vpn: ansluten');
  expect(existsSync(marker)).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('03-ran.png') });
  await page.getByRole('button', { name: 'Close session' }).click();
  await expect(tab).toContainText('Closed');

  await page.getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: KALMAR.name }).click();
  await expect(page.getByText('Approved on this machine')).toBeVisible();
  await page.getByRole('link', { name: /^Sessions/ }).click();

  // The command is changed (as by an edit or another import): a reconnect shows the new one in full, to approve or
  // to leave out; left out, the session opens without it.
  const [customer] = await callStore(lotsen.home, 'registry.listCustomers', {});
  const [environment] = (await callStore(lotsen.home, 'registry.getCustomer', { id: customer!.id }))
    .environments;
  const changed = `${command} && touch '${marker}-igen'`;
  await callStore(lotsen.home, 'registry.saveEnvironment', {
    customerId: customer!.id,
    id: environment!.id,
    rowVersion: environment!.rowVersion,
    environment: {
      name: 'Produktion',
      access: { vpnType: 'none', method: 'ssh', preConnectCommand: changed },
    },
  });
  await page.getByRole('button', { name: 'Reconnect', exact: true }).click();
  const review = page.getByRole('dialog', { name: 'Reconnect: pre-connect command not approved' });
  await expect(review.getByTestId('pre-connect-command')).toHaveText(changed);
  for (const width of [1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await expectWhollyShown(page);
    await page.screenshot({ path: testInfo.outputPath(`04-reconnect-command-${width}.png`) });
  }
  await review.getByRole('button', { name: 'Reconnect without running it' }).click();
  await expect(review).toHaveCount(0);
  await expect(tab).toContainText('Open');
  expect(existsSync(`${marker}-igen`)).toBe(false);
  await page.getByRole('button', { name: 'Close session' }).click();
  await expect(tab).toContainText('Closed');

  const approved = await callStore(lotsen.home, 'audit.list', { event: 'preconnect.approved' });
  const ran = await callStore(lotsen.home, 'audit.list', { event: 'preconnect.ran' });
  expect(approved).toHaveLength(1);
  expect(ran).toEqual([expect.objectContaining({ details: expect.objectContaining({ exitCode: 0 }) })]);

  // Back on the customer, the environment says its changed command may not run here.
  await page.getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: KALMAR.name }).click();
  await expect(page.getByText('Not approved on this machine')).toBeVisible();
});
