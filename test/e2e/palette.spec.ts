import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { orgNumber } from '../support/orgNumbers.ts';
import { contractRegistry, VAXJO } from './support/contractFixture.ts';
import { expect, importRegistry, test } from './support/lotsenServer.ts';

const TICKET = {
  externalRef: 'FD-4711',
  subject: 'Elever kan inte logga in via WAP',
  receivedAt: '2026-11-20T13:00:00+01:00',
};

/**
 * Växjö with its open ticket, among 1,200 other customers each with a WAP and an AD FS server, and a second Växjö
 * customer with only an AD FS server: "wap växjö" must find the one server among some 2,400.
 */
async function writeRegistry(dir: string): Promise<string> {
  const file = contractRegistry({ withDpa: true, ticket: TICKET });
  for (let n = 0; n < 1_200; n++) {
    const town = `Kommun${String(n).padStart(4, '0')}`;
    file.customers.push({
      name: `${town} utbildningsförvaltning`,
      orgNumber: orgNumber(`2140${String(10 + Math.floor(n / 1000))}`, n % 1000),
      kind: 'municipality',
      environments: [
        {
          name: 'Produktion',
          access: {
            vpnType: 'cisco_anyconnect',
            vpnGateway: `vpn.${town}.se`,
            splitTunnel: 'yes',
            method: 'ssh',
          },
          servers: [
            { host: `wap01.${town.toLowerCase()}.se`, role: 'wap' },
            { host: `adfs01.${town.toLowerCase()}.se`, role: 'adfs' },
          ],
        },
      ],
    });
  }
  file.customers.push({
    name: 'Växjö fria gymnasium',
    orgNumber: orgNumber('213000', 1),
    kind: 'school',
    environments: [{ name: 'Drift', servers: [{ host: 'adfs.vfg.se', role: 'adfs' }] }],
  });
  const path = join(dir, 'registry.json');
  await writeFile(path, JSON.stringify(file));
  return path;
}

test('Ctrl+K, "wap växjö", Enter: the connect dialog for Växjö\'s WAP server with its open ticket chosen', async ({
  page,
  lotsen,
}, testInfo) => {
  test.setTimeout(120_000);
  await importRegistry(lotsen.home, await writeRegistry(lotsen.home));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(lotsen.url);
  await expect(page.getByText(/^1\s?202 customers$/)).toBeVisible();

  const opener = page.getByRole('link', { name: /^Tickets/ });
  await opener.focus();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Go to or connect' });
  const input = palette.getByRole('combobox', { name: 'Search customers, servers, tickets and pages' });
  await expect(input).toBeFocused();
  // With nothing typed: the pages and actions.
  await expect(palette.getByRole('option', { name: /Timesheet/ })).toBeVisible();

  await page.keyboard.type('wap växjö');
  const first = palette.getByRole('option').first();
  await expect(first).toContainText(`${VAXJO.name}: WAP`);
  await expect(first).toContainText('Produktion · wap01.vaxjo.se');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: testInfo.outputPath('01-palette-1280.png') });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('02-palette-1440.png') });

  // One keystroke after the query.
  await page.keyboard.press('Enter');
  const connect = page.getByRole('dialog', { name: 'Connect to wap01.vaxjo.se' });
  await expect(connect).toBeVisible();
  await expect(palette).toBeHidden();
  await expect(connect.getByLabel('Ticket').locator('option:checked')).toHaveText(
    `${TICKET.externalRef}: ${TICKET.subject}`,
  );
  await expect(connect.getByRole('status')).toHaveText('Eligible: agreement and DPA in force.');
  await page.screenshot({ path: testInfo.outputPath('03-connect-1440.png') });
  await connect.getByRole('button', { name: 'Cancel' }).click();
  await expect(connect).toBeHidden();

  // Esc closes the palette and gives the focus back to where it was.
  await opener.focus();
  await page.keyboard.press('Control+k');
  await expect(input).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await expect(opener).toBeFocused();

  // A favourite (Alt+P) is offered first, before anything is typed, and stays after a reload.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('kommun0042 adfs');
  await expect(palette.getByRole('option').first()).toContainText('Kommun0042 utbildningsförvaltning: AD FS');
  await page.keyboard.press('Alt+p');
  await expect(palette.getByRole('button', { name: /^Unpin Kommun0042/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(page.getByText(/^1\s?202 customers$/)).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(palette.getByRole('option').first()).toContainText('Kommun0042 utbildningsförvaltning: AD FS');

  // A ticket by its reference, and a page by its name.
  await input.fill('fd-4711');
  await expect(palette.getByRole('option').first()).toContainText(`${TICKET.externalRef}: ${TICKET.subject}`);
  // The ticket's own page (#/tickets/:id); waited for as it is reached, whatever that page then shows.
  const toTicket = page.waitForURL(/#\/tickets\/[0-9a-f-]{36}$/);
  await page.keyboard.press('Enter');
  await toTicket;
  await page.keyboard.press('Control+k');
  await page.keyboard.type('timesh');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Timesheet' })).toBeVisible();
});
