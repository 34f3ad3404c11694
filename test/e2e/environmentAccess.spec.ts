import { orgNumber } from '../support/orgNumbers.ts';
import { handOffTool } from './support/handOffTool.ts';
import { lookAtWidths } from './support/layout.ts';
import { callStore, expect, test } from './support/lotsenServer.ts';
import { importReadyCustomer } from './support/readyCustomer.ts';

const LUND = { name: 'Lunds kommun', orgNumber: orgNumber('212000', 85) };

/*
 * An environment reached only by TeamViewer, behind Windows' PPTP VPN, with no servers registered (issue 16): its
 * access facts name the VPN client and warn that PPTP is weak, and offer TeamViewer's launch for the environment
 * itself; so do the ticket page's Connect list and the command palette ("teamviewer lund"). The customer's DPA is
 * withdrawn, so each launch is blocked: the button says it overrides and, the first time, approves the template, and
 * the approval's audit event says it came with the override. TeamViewer is not on this machine: the tool is a small
 * script that writes its arguments and ends at once, as TeamViewer's launcher does when it hands over.
 */
test("an environment without servers: its access facts show the VPN client and PPTP's weakness, and launch its tool from there, the ticket page and the palette", async ({
  page,
  lotsen,
}, testInfo) => {
  test.setTimeout(120_000);
  const tool = await handOffTool(lotsen.home);
  const template = `'${tool.program}' -i {teamviewerId}`;
  await importReadyCustomer(lotsen, {
    customer: LUND,
    production: {
      access: {
        vpnType: 'windows_pptp',
        vpnGateway: 'vpn.lund.se',
        vpnClient: 'rasdial',
        method: 'teamviewer',
        teamViewerId: '987 654 321',
        supportedTools: ['TeamViewer'],
        toolTemplates: [{ tool: 'TeamViewer', template }],
      },
      servers: [],
    },
    withTicket: true,
  });
  const [customer] = await callStore(lotsen.home, 'registry.listCustomers', {});
  const { dpas } = await callStore(lotsen.home, 'agreements.list', { customerId: customer!.id });
  await callStore(lotsen.home, 'dpas.delete', { id: dpas[0]!.id });

  await page.goto(lotsen.url);
  await page.getByRole('link', { name: LUND.name }).click();
  const facts = page.locator('.env__block').filter({ has: page.getByRole('heading', { name: 'Access' }) });
  await expect(facts.locator('dt', { hasText: 'VPN client' }).locator('+ dd')).toHaveText(
    'Windows built-in VPN (rasdial)',
  );
  await expect(facts.getByTestId('weak-vpn')).toContainText('PPTP is weak');
  const launch = facts.getByRole('button', { name: 'Launch TeamViewer for Produktion' });
  await expect(launch).toHaveText('Launch TeamViewer');
  await lookAtWidths(page, testInfo, '01-access-facts');

  // Blocked and not approved: the one button overrides, approves the template shown in full, and launches.
  await launch.click();
  const dialog = page.getByRole('dialog', { name: 'Launch TeamViewer for Produktion' });
  await expect(dialog.getByTestId('tool-template')).toHaveText(template);
  await expect(dialog).toContainText('No signed data-processing agreement');
  await dialog
    .getByLabel('Override reason (audited)')
    .fill('Kommunens inloggning ligger nere, PUB-avtal på väg');
  const overrideApprove = dialog.getByRole('button', {
    name: 'Override, approve and launch on this machine',
  });
  await lookAtWidths(page, testInfo, '02-override-approve');
  await overrideApprove.click();
  const handedOff = page.getByTestId('tool-handed-off');
  await expect(handedOff).toContainText('TeamViewer handed the connection over and ended at once');
  // Launched for the environment: its TeamViewer id, no server.
  expect(await tool.lastArguments()).toEqual(['-i', '987654321', '']);
  await handedOff.getByRole('button', { name: 'Done' }).click();
  const [approval] = await callStore(lotsen.home, 'audit.list', { event: 'tool.approved' });
  expect(approval).toMatchObject({ details: { withOverride: true } });
  expect(await callStore(lotsen.home, 'audit.list', { event: 'eligibility.overridden' })).toHaveLength(1);

  // The ticket page's Connect list offers it too; approved now, still blocked.
  await page.getByRole('link', { name: /^Tickets/ }).click();
  await page.getByTestId('ticket-row').getByRole('link', { name: 'WAP svarar inte' }).click();
  const fromTicket = page.getByRole('button', { name: 'Launch TeamViewer for Produktion' });
  await expect(fromTicket).toBeVisible();
  // Reached by its tool, the environment needs no servers: the list does not say it lacks them.
  await expect(page.getByText('The customer has no servers on record.')).toHaveCount(0);
  await lookAtWidths(page, testInfo, '03-ticket-connect');
  await fromTicket.click();
  await expect(dialog.getByLabel('Ticket').locator('option:checked')).toContainText('WAP svarar inte');
  await expect(dialog.getByText('Approved on this machine')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Override and launch TeamViewer' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // And the palette: "teamviewer lund", then Enter, opens the same launch dialog.
  await page.getByRole('link', { name: /^Tickets/ }).focus();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Go to or connect' });
  await page.keyboard.type('teamviewer lund');
  const first = palette.getByRole('option').first();
  await expect(first).toContainText(`${LUND.name}: TeamViewer`);
  await expect(first).toContainText('Produktion');
  await lookAtWidths(page, testInfo, '04-palette');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Override and launch TeamViewer' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});
