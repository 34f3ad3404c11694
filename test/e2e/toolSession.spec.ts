import { existsSync } from 'node:fs';
import { orgNumber } from '../support/orgNumbers.ts';
import { adfsOnRecord, standardAccess } from '../support/readyCustomerFile.ts';
import { handOffTool } from './support/handOffTool.ts';
import { lookAtWidths } from './support/layout.ts';
import { callStore, expect, test } from './support/lotsenServer.ts';
import { importReadyCustomer } from './support/readyCustomer.ts';

const KALMAR = { name: 'Kalmar kommun', orgNumber: orgNumber('212000', 84) };
const WAP = 'wap01.kalmar.se';
const WINDOWS = 'wap02-dmz.skolplattform.kalmar-kommun.example.se';

/*
 * An external tool's session from its launch template (issue 16, item 3). TeamViewer is not on this machine, so the
 * tool is a small script, as in the backend's test: it writes the arguments it was given to a file and ends at once,
 * as TeamViewer's launcher does when it hands the connection to the running TeamViewer. In browser mode the tool
 * runs where Lotsen's backend runs, which is this machine.
 */
test('a tool launched from its template runs only once approved, shows in Sessions with its ticket, and is timed and audited', async ({
  page,
  lotsen,
}, testInfo) => {
  const tool = await handOffTool(lotsen.home);
  const template = `'${tool.program}' -i {teamviewerId} --host {host}:{port} --user {username}`;

  await importReadyCustomer(lotsen, {
    customer: KALMAR,
    production: {
      access: {
        ...standardAccess,
        method: 'teamviewer',
        teamViewerId: '123 456 789',
        supportedTools: ['TeamViewer'],
      },
      servers: [
        { host: WAP, port: 22, role: 'wap' },
        adfsOnRecord,
        // A Windows server whose OpenSSH login runs PowerShell: its SSH button says so.
        { host: WINDOWS, port: 22, role: 'wap', os: 'Windows Server 2022', shell: 'powershell' },
      ],
      supportAccounts: [{ username: 'lev support' }],
    },
    withTicket: true,
  });
  await page.goto(lotsen.url);
  await page.getByRole('link', { name: KALMAR.name }).click();

  // The template is written in the environment's form, one line per tool.
  await page.getByRole('button', { name: 'Edit environment Produktion' }).click();
  const form = page.getByRole('dialog', { name: /Edit environment Produktion/ });
  await form.getByLabel(/^Launch templates/).fill(`TeamViewer: ${template}`);
  await form.getByRole('button', { name: 'Save environment' }).click();
  await expect(form).toBeHidden();

  // TeamViewer is the environment's access method: its launch comes first in each server row.
  const launch = page.getByRole('button', { name: `Launch TeamViewer for ${WAP}` });
  await expect(launch).toHaveText('Launch TeamViewer');
  await expect(launch).toHaveClass(/button--primary/);
  await expect(page.getByRole('row').filter({ has: launch }).getByRole('button')).toHaveText([
    'Launch TeamViewer',
    'Connect',
    'Edit',
    'Delete',
  ]);
  const powerShell = page.getByRole('button', { name: `PowerShell on ${WINDOWS}` });
  await expect(page.getByRole('row').filter({ has: powerShell }).getByRole('button')).toHaveText([
    'Launch TeamViewer',
    'PowerShell',
    'RDP',
    'Edit',
    'Delete',
  ]);
  await lookAtWidths(page, testInfo, '01-customer-page');

  // Not approved here: the whole template is shown, and leaving the dialog runs nothing.
  await launch.click();
  const dialog = page.getByRole('dialog', { name: 'Launch TeamViewer for Produktion' });
  await expect(dialog.getByTestId('tool-template')).toHaveText(template);
  await expect(dialog).toContainText('This launch template has not been approved on this machine.');
  await expect(dialog.getByLabel('Sign in with')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('02-not-approved.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(existsSync(tool.argumentsFile)).toBe(false);
  expect(await callStore(lotsen.home, 'audit.list', { event: 'tool.approved' })).toEqual([]);

  await launch.click();
  await expect(dialog.getByLabel('Ticket')).toHaveValue(/.+/);
  await expect(dialog.getByLabel('Ticket')).not.toHaveValue('new');
  await dialog.getByRole('button', { name: 'Approve and launch on this machine' }).click();

  // The session: its ticket, running until Done since the tool handed over and ended at once.
  const tab = page.getByRole('tab', { name: new RegExp(`^${KALMAR.name}`) });
  await expect(tab).toContainText('Open');
  await expect(page.getByText('Ticket HD-4711')).toBeVisible();
  const handedOff = page.getByTestId('tool-handed-off');
  await expect(handedOff).toContainText('TeamViewer handed the connection over and ended at once');
  expect(await tool.lastArguments()).toEqual([
    '-i',
    '123456789',
    '--host',
    `${WAP}:22`,
    '--user',
    'lev support',
    '',
  ]);
  await page.screenshot({ path: testInfo.outputPath('03-handed-off.png') });
  await handedOff.getByRole('button', { name: 'Done' }).click();
  await expect(tab).toContainText('Closed');
  await expect(handedOff).toHaveCount(0);

  const [entry] = await callStore(lotsen.home, 'time.list', {});
  expect(entry).toMatchObject({ source: 'session', endedAt: expect.any(Number) });
  const [approval] = await callStore(lotsen.home, 'audit.list', { event: 'tool.approved' });
  expect(approval).toMatchObject({ details: { templateSha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
  const [run] = await callStore(lotsen.home, 'audit.list', { event: 'tool.ran' });
  expect(run).toMatchObject({ details: { exitCode: 0, handedOff: true } });

  // Approved now: the next launch says so and runs without asking.
  await page.getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: KALMAR.name }).click();
  await launch.click();
  await expect(dialog.getByText('Approved on this machine')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Launch TeamViewer' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test("a support account's one-time code seed: revealed only by an audited reveal, and cleared in its form", async ({
  page,
  lotsen,
}, testInfo) => {
  // RFC 6238's test seed ("12345678901234567890" in base32).
  const seed = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  await importReadyCustomer(lotsen, {
    customer: KALMAR,
    production: {
      access: standardAccess,
      servers: [{ host: WAP, port: 22, role: 'wap' }, adfsOnRecord],
      supportAccounts: [{ username: 'lev-support' }],
    },
  });
  await page.goto(lotsen.url);
  await page.getByRole('link', { name: KALMAR.name }).click();
  const revealSeed = page.getByRole('button', { name: 'Reveal the one-time code seed for lev-support' });
  await expect(revealSeed).toHaveCount(0);

  await page.getByRole('button', { name: 'Edit support account lev-support' }).click();
  const form = page.getByRole('dialog', { name: 'Edit support account lev-support' });
  await expect(form.getByLabel('Clear the stored seed')).toHaveCount(0);
  await form.getByLabel(/^One-time code seed/).fill(seed);
  await form.getByRole('button', { name: 'Save account' }).click();
  await expect(form).toHaveCount(0);

  // The seed is never on the page until revealed, and the reveal is audited first.
  await expect(page.getByText(seed)).toHaveCount(0);
  await revealSeed.click();
  const reveal = page.getByRole('dialog', { name: 'Reveal one-time code seed for lev-support' });
  await reveal.getByLabel('Purpose').fill('HD-4711: ny telefon för engångskoder');
  await reveal.getByRole('button', { name: 'Reveal' }).click();
  await expect(reveal.getByTestId('revealed-secret')).toHaveText(seed);
  await page.screenshot({ path: testInfo.outputPath('01-seed-revealed.png') });
  await reveal.getByRole('button', { name: 'Hide' }).click();
  const [revealed] = await callStore(lotsen.home, 'audit.list', { event: 'secret.totp_revealed' });
  expect(revealed).toBeDefined();
  expect(JSON.stringify(revealed)).not.toContain(seed);

  // Cleared in the account's form: no seed, no reveal, no one-time code; the change is in the audit log.
  await page.getByRole('button', { name: 'Edit support account lev-support' }).click();
  await form.getByLabel('Clear the stored seed').check();
  await page.screenshot({ path: testInfo.outputPath('02-clear-seed.png') });
  await form.getByRole('button', { name: 'Save account' }).click();
  await expect(form).toHaveCount(0);
  await expect(revealSeed).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Copy the one-time code for lev-support' })).toHaveCount(0);
  const changes = await callStore(lotsen.home, 'audit.list', { event: 'registry.record_changed' });
  expect(changes.filter((change) => JSON.stringify(change).includes('totpSeed'))).toHaveLength(2);
});
