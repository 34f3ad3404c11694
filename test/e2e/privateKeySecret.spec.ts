import { orgNumber } from '../support/orgNumbers.ts';
import { sshdProduction } from '../support/readyCustomerFile.ts';
import {
  authorizedKeyPair,
  startSshd,
  type SshdFixture,
  type UserKeyPair,
} from '../support/sshd/sshdFixture.ts';
import { callStore, expect, test } from './support/lotsenServer.ts';
import { importReadyCustomer } from './support/readyCustomer.ts';

/*
 * Issue 15: a private key could not be stored from the UI (a one-line field dropped its line breaks, and the session
 * then failed with "could not be read"). Here a key made by ssh-keygen and authorized by the fixture sshd is pasted
 * into the account's secret field through the clipboard, and the session signs in with it.
 */

const KALMAR = { name: 'Kalmar kommun', orgNumber: orgNumber('212000', 81) };

let sshd: SshdFixture;
let pair: UserKeyPair;
test.beforeAll(async () => {
  sshd = await startSshd();
  pair = await authorizedKeyPair(sshd);
});
test.afterAll(async () => {
  await pair?.cleanup();
  await sshd?.stop();
});

test('a private key pasted in the UI is stored with its line breaks and signs in against sshd', async ({
  page,
  context,
  lotsen,
}, testInfo) => {
  await importReadyCustomer(lotsen, {
    customer: KALMAR,
    // The fixture's account, with no secret stored yet.
    production: sshdProduction(sshd, { storePassword: false }),
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => localStorage.setItem('lotsen.terminal.gpuAcceleration', 'off'));
  await page.goto(lotsen.url);
  await page.getByRole('link', { name: KALMAR.name }).click();
  await page.getByRole('button', { name: `Set secret for ${sshd.username}` }).click();

  const dialog = page.getByRole('dialog', { name: `Edit support account ${sshd.username}` });
  await dialog.getByLabel('Sign in with').selectOption({ label: 'Private key' });
  const key = dialog.getByRole('textbox', { name: 'Private key' });
  // Its line breaks lost, as a one-line field left them: refused beside the field, before anything is sent.
  await key.fill(pair.privateKey.replace(/\n/g, ' '));
  await dialog.getByRole('button', { name: 'Save account' }).click();
  await expect(dialog).toContainText(
    'This key has lost its line breaks; paste it again as it is in its file',
  );
  // Pasted as it is in the file.
  await key.fill('');
  await page.evaluate((text) => navigator.clipboard.writeText(text), pair.privateKey);
  await key.focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(key).toHaveValue(pair.privateKey);
  await page.screenshot({ path: testInfo.outputPath('01-private-key.png') });
  await dialog.getByRole('button', { name: 'Save account' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('secret-state')).toContainText('stored');

  await page.getByRole('button', { name: `Connect to ${sshd.host}` }).click();
  const connect = page.getByRole('dialog', { name: `Connect to ${sshd.host}` });
  await connect.getByLabel('Subject').fill('WAP svarar inte, inloggning med nyckel');
  await connect.getByRole('button', { name: 'Connect', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Trust this server?' })
    .getByRole('button', { name: 'Trust and connect' })
    .click();
  const terminal = page.getByRole('region', { name: /^Terminal:/ });
  // Signed in: the shell's prompt is there before anything is typed.
  await expect(terminal).toContainText(`${sshd.username}@`);
  await terminal.click();
  await page.keyboard.type('echo nyckel-$((6*7))');
  await page.keyboard.press('Enter');
  await expect(terminal).toContainText('nyckel-42');
  await page.screenshot({ path: testInfo.outputPath('02-signed-in-with-key.png') });
  await page.getByRole('button', { name: 'Close session' }).click();

  // The audit log names the secret as changed, never its value.
  const changes = await callStore(lotsen.home, 'audit.list', { event: 'registry.record_changed' });
  expect(changes).toEqual([
    expect.objectContaining({
      subjectType: 'support_account',
      details: expect.objectContaining({
        fields: ['hasSecret', 'secret'],
        changes: { hasSecret: [false, true] },
      }),
    }),
  ]);
  expect(JSON.stringify(changes)).not.toContain('PRIVATE KEY');
});
