import { DateTime } from 'luxon';
import { orgNumber } from '../support/orgNumbers.ts';
import { readyCustomerFile } from '../support/readyCustomerFile.ts';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lookAtWidths } from './support/layout.ts';
import { expect, importRegistry, test, withStore } from './support/lotsenServer.ts';

/** Names as long as real ones get: the pages must wrap them at 1280 and at 1440 wide. */
const KALMAR = {
  name: 'Upplands Väsby kommun – Utbildningsförvaltningen',
  orgNumber: orgNumber('212000', 83),
};
const ADFS = 'adfs01-produktion.identitet.skolplattform.upplandsvasby.kommun.se';
const WAP = 'wap01-dmz-extern-publicering.identitet.skolplattform.upplandsvasby.kommun.se';
const HOUR = 3_600_000;
const stockholmDate = (ms: number) => DateTime.fromMillis(ms, { zone: 'Europe/Stockholm' }).toISODate()!;
const typedTime = (ms: number) =>
  DateTime.fromMillis(ms, { zone: 'Europe/Stockholm' }).toFormat("yyyy-MM-dd'T'HH:mm");

test('maintenance notices show before a session opens; certificates warn; the first session records the first response', async ({
  page,
  lotsen,
}, testInfo) => {
  const file = readyCustomerFile({
    customer: KALMAR,
    production: {
      access: { vpnType: 'none', method: 'ssh' },
      servers: [
        { host: ADFS, role: 'adfs' },
        { host: WAP, role: 'wap' },
      ],
      supportAccounts: [{ username: 'lev-support' }],
    },
    withTicket: true,
  });
  Object.assign(file.customers[0]!, {
    responsibleName: 'Nils Leverantör',
    responsiblePhone: '+46 70 123 45 67',
    responsibleEmail: 'nils@leverantor.se',
  });
  const path = join(lotsen.home, 'registry.json');
  await writeFile(path, JSON.stringify(file));
  await importRegistry(lotsen.home, path);

  const now = Date.now();
  await withStore(lotsen.home, async (call) => {
    const [customer] = await call('registry.listCustomers', {});
    const [environment] = (await call('registry.getCustomer', { id: customer!.id })).environments;
    const wap = environment!.servers.find((s) => s.role === 'wap')!;
    await call('notices.save', {
      environmentId: environment!.id,
      notice: { startsAt: now - HOUR, endsAt: now + 2 * HOUR, summary: 'WAP01 is being patched' },
    });
    await call('notices.save', {
      environmentId: environment!.id,
      notice: {
        startsAt: now + 5 * 24 * HOUR,
        endsAt: now + 5 * 24 * HOUR + 4 * HOUR,
        summary:
          'Byte av tokensigneringscertifikat i AD FS-farmen och omstart av båda WAP-servrarna i DMZ; ' +
          'inloggning till Skolportalen, Unikum och Google Workspace kan avbrytas under arbetet',
      },
    });
    await call('certificates.save', {
      environmentId: environment!.id,
      certificate: {
        kind: 'token_signing',
        subject: 'CN=ADFS Signing - sts.kalmar.se',
        expiresOn: stockholmDate(now - 48 * HOUR),
      },
    });
    await call('certificates.save', {
      environmentId: environment!.id,
      certificate: {
        kind: 'ssl',
        subject: 'CN=sts.kalmar.se',
        thumbprint: '3B7E0A129F44C2D1558EAA0123456789ABCDEF01',
        serverId: wap.id,
        expiresOn: stockholmDate(now + 12 * 24 * HOUR),
      },
    });
    await call('certificates.save', {
      environmentId: environment!.id,
      certificate: {
        kind: 'token_decrypting',
        subject:
          'CN=ADFS Encryption - sts.identitet.skolplattform.upplandsvasby.kommun.se, OU=Utbildningsförvaltningen, ' +
          'O=Upplands Väsby kommun, L=Upplands Väsby, C=SE',
        serverId: environment!.servers.find((s) => s.role === 'adfs')!.id,
        expiresOn: stockholmDate(now + 400 * 24 * HOUR),
      },
    });
  });

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.addInitScript(() => localStorage.setItem('lotsen.terminal.gpuAcceleration', 'off'));
  await page.goto(lotsen.url);
  await page.getByRole('link', { name: KALMAR.name }).click();
  await expect(page.getByTestId('responsible-person')).toContainText('Acute calls: Nils Leverantör');
  await expect(page.getByTestId('responsible-person')).toContainText('+46 70 123 45 67');

  // A notice typed in, beside the one the customer sent earlier.
  await page.getByRole('button', { name: 'Add notice for Produktion' }).click();
  const form = page.getByRole('dialog', { name: 'Notice of maintenance in Produktion' });
  await expect(form.getByLabel('What the customer will do')).toBeFocused();
  await form.getByLabel('What the customer will do').fill('AD FS farm gets new hardware');
  await form.getByLabel('From (Swedish time)').fill(typedTime(now + 3 * 24 * HOUR));
  await form.getByLabel('To (Swedish time)').fill('sometime');
  await form.getByRole('button', { name: 'Add notice' }).click();
  await expect(form).toContainText('To must be a time, e.g. 2026-12-07T10:00');
  await lookAtWidths(page, testInfo, '01-notice-form');
  await form.getByLabel('To (Swedish time)').fill('');
  await form.getByRole('button', { name: 'Add notice' }).click();
  await expect(form).toHaveCount(0);

  const card = page.getByRole('region', { name: 'Produktion' });
  await expect(card.getByRole('heading', { name: 'Maintenance notices (3)' })).toBeVisible();
  await expect(card.getByRole('row', { name: /WAP01 is being patched/ })).toContainText('in progress');
  await expect(card.getByRole('row', { name: /AD FS farm gets new hardware/ })).toContainText(
    'until further notice',
  );
  await expect(card.getByRole('alert')).toHaveText(
    'AD FS can no longer sign tokens, so sign-in through AD FS and WAP is down.',
  );
  await expect(card.getByRole('row', { name: /CN=sts.kalmar.se/ })).toContainText(/in 1[23] days/);
  await expect(card.getByRole('row', { name: /Token-decrypting/ })).toContainText('O=Upplands Väsby kommun');
  await lookAtWidths(page, testInfo, '02-environment-notices-certificates');

  // The certificate form: the cursor starts in Subject; Esc leaves it without saving.
  await card.getByRole('button', { name: 'Add certificate to Produktion' }).click();
  const certificateForm = page.getByRole('dialog', { name: 'Add certificate to Produktion' });
  await expect(certificateForm.getByLabel('Subject')).toBeFocused();
  await certificateForm.getByLabel('Server').selectOption({ label: WAP });
  await lookAtWidths(page, testInfo, '03-certificate-form');
  await page.keyboard.press('Escape');
  await expect(certificateForm).toHaveCount(0);
  await expect(card.getByRole('heading', { name: 'Certificates (3)' })).toBeVisible();

  // Before connecting: the notices in their own panel, the expired certificate among the warnings.
  await page.getByRole('button', { name: 'Local terminal for Produktion' }).click();
  const dialog = page.getByRole('dialog', { name: 'Local terminal for Produktion' });
  const notices = dialog.getByRole('status', { name: 'Maintenance notices' });
  await expect(notices).toContainText('WAP01 is being patched');
  await expect(notices).toContainText('in progress');
  await expect(notices).toContainText('AD FS farm gets new hardware');
  await expect(dialog).toContainText('Certificate expired');
  await lookAtWidths(page, testInfo, '04-session-dialog-notices');
  // A warning, not a blocker: the session opens.
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  const tab = page.getByRole('tab', { name: /· Local terminal/ });
  await expect(tab).toContainText('Open');
  await page.getByRole('button', { name: 'Close session' }).click();
  await expect(tab).toContainText('Closed');

  await page.getByRole('link', { name: /^Tickets/ }).click();
  const row = page.getByRole('row', { name: /WAP svarar inte/ });
  await expect(row.getByTestId('first-response')).toContainText(
    /First response: .*, when session .* opened \(response time kept\)/,
  );
  await expect(row.getByTestId('ticket-responsible')).toContainText('Acute calls: Nils Leverantör');
  await lookAtWidths(page, testInfo, '05-ticket-first-response');
});
