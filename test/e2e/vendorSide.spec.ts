import { DateTime } from 'luxon';
import { orgNumber } from '../support/orgNumbers.ts';
import { readyCustomerFile } from '../support/readyCustomerFile.ts';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { callStore, expect, importRegistry, test } from './support/lotsenServer.ts';

const KALMAR = { name: 'Kalmar kommun', orgNumber: orgNumber('212000', 83) };
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
        { host: 'adfs01.kalmar.se', role: 'adfs' },
        { host: 'wap01.kalmar.se', role: 'wap' },
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

  const [customer] = await callStore(lotsen.home, 'registry.listCustomers', {});
  const [environment] = (await callStore(lotsen.home, 'registry.getCustomer', { id: customer!.id }))
    .environments;
  const wap = environment!.servers.find((s) => s.role === 'wap')!;
  const now = Date.now();
  await callStore(lotsen.home, 'notices.save', {
    environmentId: environment!.id,
    notice: { startsAt: now - HOUR, endsAt: now + 2 * HOUR, summary: 'WAP01 is being patched' },
  });
  await callStore(lotsen.home, 'certificates.save', {
    environmentId: environment!.id,
    certificate: {
      kind: 'token_signing',
      subject: 'CN=ADFS Signing - sts.kalmar.se',
      expiresOn: stockholmDate(now - 48 * HOUR),
    },
  });
  await callStore(lotsen.home, 'certificates.save', {
    environmentId: environment!.id,
    certificate: {
      kind: 'ssl',
      subject: 'CN=sts.kalmar.se',
      thumbprint: '3B7E0A129F44C2D1558EAA0123456789ABCDEF01',
      serverId: wap.id,
      expiresOn: stockholmDate(now + 12 * 24 * HOUR),
    },
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
  await form.getByLabel('What the customer will do').fill('AD FS farm gets new hardware');
  await form.getByLabel('From (Swedish time)').fill(typedTime(now + 3 * 24 * HOUR));
  await form.getByLabel('To (Swedish time)').fill('sometime');
  await form.getByRole('button', { name: 'Add notice' }).click();
  await expect(form).toContainText('To must be a time, e.g. 2026-12-07T10:00');
  await form.getByLabel('To (Swedish time)').fill('');
  await form.getByRole('button', { name: 'Add notice' }).click();
  await expect(form).toHaveCount(0);

  const card = page.getByRole('region', { name: 'Produktion' });
  await expect(card.getByRole('heading', { name: 'Maintenance notices (2)' })).toBeVisible();
  await expect(card.getByRole('row', { name: /WAP01 is being patched/ })).toContainText('in progress');
  await expect(card.getByRole('row', { name: /AD FS farm gets new hardware/ })).toContainText(
    'until further notice',
  );
  await expect(card.getByRole('alert')).toHaveText(
    'AD FS can no longer sign tokens, so sign-in through AD FS and WAP is down.',
  );
  await expect(card.getByRole('row', { name: /CN=sts.kalmar.se/ })).toContainText(/in 1[23] days/);
  await card.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await card.screenshot({ path: testInfo.outputPath('01-environment-notices-certificates-1280.png') });

  // Before connecting: the notices in their own panel, the expired certificate among the warnings.
  await page.getByRole('button', { name: 'Local terminal for Produktion' }).click();
  const dialog = page.getByRole('dialog', { name: 'Local terminal for Produktion' });
  const notices = dialog.getByRole('status', { name: 'Maintenance notices' });
  await expect(notices).toContainText('WAP01 is being patched');
  await expect(notices).toContainText('in progress');
  await expect(notices).toContainText('AD FS farm gets new hardware');
  await expect(dialog).toContainText('CERTIFICATE_EXPIRED');
  await page.screenshot({ path: testInfo.outputPath('02-session-dialog-notices-1280.png') });
  // A warning, not a blocker: the session opens.
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  const tab = page.getByRole('tab', { name: /^Local:/ });
  await expect(tab).toContainText('Open');
  await page.getByRole('button', { name: 'Close session' }).click();
  await expect(tab).toContainText('Closed');

  await page.getByRole('link', { name: /^Tickets/ }).click();
  const row = page.getByRole('row', { name: /WAP svarar inte/ });
  await expect(row.getByTestId('first-response')).toContainText(
    /First response: .*, when session .* opened \(response time kept\)/,
  );
  await expect(row.getByTestId('ticket-responsible')).toContainText('Acute calls: Nils Leverantör');
  await page.screenshot({ path: testInfo.outputPath('03-ticket-first-response-1280.png') });
});
