import { orgNumber } from '../support/orgNumbers.ts';
import { sshdProduction } from '../support/readyCustomerFile.ts';
import { startSshd, type SshdFixture } from '../support/sshd/sshdFixture.ts';
import { callStore, expect, test } from './support/lotsenServer.ts';
import { importReadyCustomer } from './support/readyCustomer.ts';

const KALMAR = { name: 'Kalmar kommun', orgNumber: orgNumber('212000', 81) };

let sshd: SshdFixture;
test.beforeAll(async () => {
  sshd = await startSshd();
});
test.afterAll(async () => sshd?.stop());

test('an SSH session from the UI for a new ticket: trust the key, run a command, close; time and audit follow', async ({
  page,
  lotsen,
}, testInfo) => {
  await importReadyCustomer(lotsen, {
    customer: KALMAR,
    // Its WAP server is the fixture sshd, with the password stored for its account.
    production: sshdProduction(sshd),
  });
  // The DOM renderer, so the test can read the screen as text (a WebGL canvas has none).
  await page.addInitScript(() => localStorage.setItem('lotsen.terminal.gpuAcceleration', 'off'));
  // What the page sends on its WebSocket: the methods it calls, and its binary frames (terminal acknowledgements).
  const sent = { methods: new Set<string>(), binaryFrames: 0 };
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      if (typeof payload === 'string') sent.methods.add((JSON.parse(payload) as { method: string }).method);
      else sent.binaryFrames += 1;
    }),
  );
  await page.goto(lotsen.url);
  await page.getByRole('link', { name: KALMAR.name }).click();
  await page.getByRole('button', { name: `Connect to ${sshd.host}` }).click();

  const dialog = page.getByRole('dialog', { name: `Connect to ${sshd.host}` });
  await expect(dialog.getByLabel('Ticket')).toHaveValue('new');
  await dialog.getByLabel('Subject').fill('WAP svarar inte på port 443');
  await expect(dialog.getByRole('status')).toHaveText('Eligible: agreement and DPA in force.');
  await page.screenshot({ path: testInfo.outputPath('01-open-session.png') });
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();

  const trust = page.getByRole('dialog', { name: 'Trust this server?' });
  await expect(trust).toBeVisible();
  const fingerprint = await trust.getByTestId('hostkey-fingerprint').textContent();
  expect(Object.values(sshd.hostKeyFingerprints)).toContain(fingerprint);
  // The whole fingerprint is on screen, wrapped if need be: neither it nor the dialog scrolls sideways.
  const shown = trust.getByTestId('hostkey-fingerprint');
  expect(await shown.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  expect(await trust.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('02-host-key.png') });
  await trust.getByRole('button', { name: 'Trust and connect' }).click();

  // Named by the customer and the server's role, not user@host.
  const tab = page.getByRole('tab', { name: new RegExp(`^${KALMAR.name} · WAP`) });
  await expect(tab).toContainText('Open');
  const terminal = page.getByRole('region', { name: /^Terminal:/ });
  await terminal.click();
  // Typed in ASCII; the output is UTF-8 (å ä ö as octal escapes), which must reach the screen as whole characters.
  await page.keyboard.type("printf 'svar-%s-\\303\\245\\303\\244\\303\\266\\n' $((6*7))");
  await page.keyboard.press('Enter');
  await expect(terminal).toContainText('svar-42-åäö');
  await page.screenshot({ path: testInfo.outputPath('03-terminal.png') });

  // Lock would end the session: it asks first, naming how many; Cancel keeps it open.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  const lockWarning = page.getByRole('dialog', { name: 'Lock and end 1 open session?' });
  await expect(lockWarning.getByRole('button', { name: 'Lock and end the session' })).toBeVisible();
  await lockWarning.getByRole('button', { name: 'Cancel' }).click();
  await expect(lockWarning).toBeHidden();
  await expect(tab).toContainText('Open');

  // Another page and back: the terminal was kept, scrollback and all, and still takes keystrokes.
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(terminal).toHaveCount(0);
  await page.getByRole('link', { name: /^Sessions/ }).click();
  await expect(terminal).toContainText('svar-42-åäö');
  await terminal.click();
  await page.keyboard.type('echo tillbaka-$((6*7))');
  await page.keyboard.press('Enter');
  await expect(terminal).toContainText('tillbaka-42');

  await page.getByRole('button', { name: 'Close session' }).click();
  await expect(tab).toContainText('Closed');

  // The ticket carries the session's time entry, closed when the session closed.
  const entries = await callStore(lotsen.home, 'time.list', {});
  expect(entries).toEqual([
    expect.objectContaining({
      source: 'session',
      ticketSubject: 'WAP svarar inte på port 443',
      endedAt: expect.any(Number),
    }),
  ]);

  await page.getByRole('link', { name: 'Audit log' }).click();
  const events = page.getByTestId('audit-row');
  await expect(events.filter({ hasText: 'Session closed' })).toHaveCount(1);
  await expect(events.filter({ hasText: 'Session opened' })).toHaveCount(1);
  await expect(events.filter({ hasText: 'Host key trusted' })).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('04-audit.png'), fullPage: true });

  await page.getByRole('link', { name: /^Sessions/ }).click();
  await page.getByRole('link', { name: 'Recordings' }).click();
  // Named as its tab was.
  await page.getByRole('button', { name: `Play recording of ${KALMAR.name} · WAP` }).click();
  const player = page.getByRole('dialog', { name: /^Recording:/ });
  await player.getByRole('button', { name: 'Show all' }).click();
  await expect(player.getByRole('region', { name: 'Recording playback' })).toContainText('svar-42-åäö');
  await page.screenshot({ path: testInfo.outputPath('05-playback.png') });
  await page.keyboard.press('Escape');

  // The DPA is withdrawn after the session: a reconnect is refused with the blocker, and only a written reason
  // (checked as main checks it, then audited) gets past it.
  const [customer] = await callStore(lotsen.home, 'registry.listCustomers', {});
  const { dpas } = await callStore(lotsen.home, 'agreements.list', { customerId: customer!.id });
  await callStore(lotsen.home, 'dpas.delete', { id: dpas[0]!.id });
  await page.getByRole('link', { name: /^Sessions/ }).click();
  await page.getByRole('button', { name: 'Reconnect', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Reconnect refused' })).toContainText(
    'No signed data-processing agreement',
  );
  await page.getByRole('button', { name: 'Override and reconnect…' }).click();
  const override = page.getByRole('dialog', { name: 'Override eligibility and reconnect' });
  const reason = override.getByLabel('Why must the session go ahead despite the blockers?');
  await reason.fill('kort');
  await override.getByRole('button', { name: 'Override and reconnect' }).click();
  await expect(override).toContainText(/10 characters/);
  await reason.fill('WAP nere för hela kommunen, nytt PUB-avtal är under signering');
  await page.screenshot({ path: testInfo.outputPath('06-override.png') });
  await override.getByRole('button', { name: 'Override and reconnect' }).click();
  await expect(override).toHaveCount(0);
  await expect(tab).toContainText('Open');
  // Four times flow control's window: the rest reaches the screen only as the terminal's acknowledgements let it,
  // and the page sends those one way, as binary frames, never as calls.
  await terminal.click();
  await page.keyboard.type("head -c 400000 /dev/zero | tr '\\0' x; echo; echo slut-$((6*7))");
  await page.keyboard.press('Enter');
  await expect(terminal).toContainText('slut-42');
  expect(sent.binaryFrames).toBeGreaterThan(0);
  expect(sent.methods).toContain('sessions.input');
  expect(sent.methods).not.toContain('sessions.ack');
  await page.getByRole('button', { name: 'Close session' }).click();
  await expect(tab).toContainText('Closed');

  // A new session for the blocked customer asks for the same reason, checked beside the field before anything is sent.
  await page.getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: KALMAR.name }).click();
  await page.getByRole('button', { name: `Connect to ${sshd.host}` }).click();
  const blockedDialog = page.getByRole('dialog', { name: `Connect to ${sshd.host}` });
  await blockedDialog.getByRole('button', { name: 'Override and connect' }).click();
  await expect(blockedDialog.getByLabel('Override reason (audited)')).toBeFocused();
  await expect(blockedDialog).toContainText('Explain the override in at least 10 characters');
  await blockedDialog.getByRole('button', { name: 'Cancel' }).click();

  const overrides = await callStore(lotsen.home, 'audit.list', { event: 'eligibility.overridden' });
  expect(overrides).toEqual([
    expect.objectContaining({
      details: expect.objectContaining({
        blockers: ['NO_DPA'],
        reason: 'WAP nere för hela kommunen, nytt PUB-avtal är under signering',
      }),
    }),
  ]);
});
