import { writeFile } from 'node:fs/promises';
import { orgNumber } from '../support/orgNumbers.ts';
import { adfsOnRecord, standardAccess } from '../support/readyCustomerFile.ts';
import { startX, type XDisplay } from '../support/rdp/xDisplay.ts';
import { encodePng, readXwd, showsColour } from '../support/rdp/xwdImage.ts';
import { SERVER_DESKTOP_RGB, startXrdp, type RdpServerFixture } from '../support/rdp/xrdpFixture.ts';
import { lookAtWidths } from './support/layout.ts';
import { callStore, expect, test } from './support/lotsenServer.ts';
import { describeOverflow, findOverflows } from './support/overflow.ts';
import { importReadyCustomer } from './support/readyCustomer.ts';

const LONG_HOST = 'wap02-dmz.skolplattform.vaxjo-kommun.example.se';
const KALMAR = { name: 'Kalmar kommun', orgNumber: orgNumber('212000', 83) };

/**
 * In browser mode the RDP client runs where Lotsen's backend runs: here xfreerdp on an Xvfb display of its own, which
 * `lotsen serve` gets as its DISPLAY. The server is xrdp in front of Xvnc on a loopback port (test/support/rdp).
 */
let server: RdpServerFixture;
let client: XDisplay;
let displayBefore: string | undefined;
test.beforeAll(async () => {
  server = await startXrdp();
  client = await startX('Xvfb', ['-screen', '0', '1280x800x24']);
  displayBefore = process.env.DISPLAY;
  process.env.DISPLAY = client.display;
});
test.afterAll(async () => {
  if (displayBefore === undefined) delete process.env.DISPLAY;
  else process.env.DISPLAY = displayBefore;
  await client?.stop();
  await server?.stop();
});

test('RDP from a Windows server’s row: trust the certificate, the session shows in Sessions with its ticket and running time', async ({
  page,
  lotsen,
}, testInfo) => {
  await importReadyCustomer(lotsen, {
    customer: KALMAR,
    production: {
      // Reached by RDP: the row offers RDP first.
      access: { ...standardAccess, method: 'rdp' },
      servers: [
        { host: server.host, port: server.port, role: 'wap', os: 'Windows Server 2022' },
        adfsOnRecord,
        // Long data: the row's three connect and two edit actions beside a long host and operating system.
        {
          host: LONG_HOST,
          port: 3389,
          role: 'wap',
          os: 'Microsoft Windows Server 2022 Datacenter: Azure Edition',
        },
      ],
      supportAccounts: [{ username: server.username, secret: server.password }],
    },
  });
  await page.goto(lotsen.url);
  await page.getByRole('link', { name: KALMAR.name }).click();
  const rdpButton = page.getByRole('button', { name: `Remote desktop (RDP) to ${server.host}` });
  const sshButton = page.getByRole('button', { name: `Connect to ${server.host}` });
  await expect(rdpButton).toHaveText('RDP');
  await expect(rdpButton).toHaveClass(/button--primary/);
  await expect(sshButton).not.toHaveClass(/button--primary/);
  // The environment's access method first.
  const row = page.getByRole('row').filter({ has: rdpButton });
  await expect(row.getByRole('button')).toHaveText(['RDP', 'Connect', 'Edit', 'Delete']);
  await lookAtWidths(page, testInfo, '01-customer-page');
  expect((await findOverflows(page)).map(describeOverflow)).toEqual([]);
  // An AD FS server with no operating system on record, in the same RDP environment: RDP first there too.
  await expect(
    page.getByRole('button', { name: `Remote desktop (RDP) to ${adfsOnRecord.host}` }),
  ).toBeVisible();

  await rdpButton.click();
  const dialog = page.getByRole('dialog', { name: `Remote desktop (RDP) to ${server.host}` });
  await expect(dialog.getByLabel('Ticket')).toHaveValue('new');
  await dialog.getByLabel('Subject').fill('WAP svarar inte efter omstart');
  // RDP signs in with the stored password: no sign-in choice, no jump hosts.
  await expect(dialog.getByLabel('Sign in with')).toHaveCount(0);
  await expect(dialog.getByRole('status')).toHaveText('Eligible: agreement and DPA in force.');
  await page.screenshot({ path: testInfo.outputPath('02-open-rdp.png') });
  await dialog.getByRole('button', { name: 'Open remote desktop' }).click();

  const trust = page.getByRole('dialog', { name: 'Trust this server?' });
  await expect(trust.getByTestId('hostkey-fingerprint')).toHaveText(await server.fingerprint());
  await page.screenshot({ path: testInfo.outputPath('03-certificate.png') });
  await trust.getByRole('button', { name: 'Trust and connect' }).click();

  const tab = page.getByRole('tab', { name: new RegExp(`^${KALMAR.name} · WAP`) });
  await expect(tab).toContainText('Open');
  await expect(page.getByText('Ticket WAP svarar inte efter omstart')).toBeVisible();
  const duration = page.getByTestId('session-duration');
  await expect(duration).toHaveText(/^Duration 0:00:0\d$/);
  const first = await duration.textContent();
  await expect(duration).not.toHaveText(first!, { timeout: 5_000 });
  await page.screenshot({ path: testInfo.outputPath('04-session.png') });
  // The client's window on its display, drawn from the server's desktop.
  await expect
    .poll(async () => showsColour(readXwd(await client.screenshot()), 400, 400, SERVER_DESKTOP_RGB), {
      timeout: 20_000,
    })
    .toBe(true);
  await writeFile(
    testInfo.outputPath('05-client-display.png'),
    encodePng(readXwd(await client.screenshot())),
  );

  // Closing it in Lotsen ends the client; its time stops where it ended.
  await page.getByRole('button', { name: 'Close session' }).click();
  await expect(tab).toContainText('Closed');
  const final = await duration.textContent();
  await page.waitForTimeout(1_500);
  await expect(duration).toHaveText(final!);
  const [entry] = await callStore(lotsen.home, 'time.list', {});
  expect(entry).toMatchObject({ source: 'session', endedAt: expect.any(Number) });

  // From the ticket's page the server opens as RDP too: the environment's access method is the default there.
  await page.getByRole('link', { name: /^Tickets/ }).click();
  await page.getByTestId('ticket-row').getByRole('link', { name: 'WAP svarar inte efter omstart' }).click();
  await page.getByRole('button', { name: `Connect to WAP ${server.host}` }).click();
  const fromTicket = page.getByRole('dialog', { name: `Remote desktop (RDP) to ${server.host}` });
  await expect(fromTicket.getByRole('button', { name: 'Open remote desktop' })).toBeVisible();
  await fromTicket.getByRole('button', { name: 'Cancel' }).click();
});
