import type { Locator, Page, TestInfo } from '@playwright/test';
import { orgNumber, personalIdentityNumber } from '../support/orgNumbers.ts';
import { adfsOnRecord, sshdProduction, standardAccess } from '../support/readyCustomerFile.ts';
import { startSshd, type SshdFixture } from '../support/sshd/sshdFixture.ts';
import { expect, test } from './support/lotsenServer.ts';
import { importReadyCustomer } from './support/readyCustomer.ts';

/*
 * Long, realistic data on a laptop's screen (1280x800) and a desktop's (1440x900): what must stay in view does. Each
 * step keeps a screenshot per width, to be looked at.
 */

/** A joint board's full name, as its agreement gives it: longer than a tab or a dialog's title has room for. */
const JOINT_BOARD = {
  name: 'Gemensamma nämnden för IT-drift i Kronobergs, Blekinge och Kalmar läns kommuner och regioner',
  orgNumber: orgNumber('222000', 17),
};

const SCREENS = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
] as const;

async function atEachScreen(page: Page, look: (screen: (typeof SCREENS)[number]) => Promise<void>) {
  for (const screen of SCREENS) {
    await page.setViewportSize(screen);
    await look(screen);
  }
}

/**
 * An open dialog's buttons are on screen and not covered, wherever its body is scrolled to: the top (where a field
 * error is read) and the bottom.
 */
async function expectButtonsInView(
  page: Page,
  dialog: Locator,
  button: Locator,
  testInfo: TestInfo,
  name: string,
) {
  for (const end of ['top', 'bottom'] as const) {
    await dialog.evaluate((el, to) => el.scrollTo(0, to === 'top' ? 0 : el.scrollHeight), end);
    const viewport = page.viewportSize()!;
    const box = (await button.boundingBox())!;
    expect(box.y, `${name}: the button's top is on screen (${end})`).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, `${name}: the button's bottom is on screen (${end})`).toBeLessThanOrEqual(
      viewport.height,
    );
    // Not under the fields scrolled beneath it: the button is what a click at its middle reaches.
    const reached = await button.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
    });
    expect(reached, `${name}: the button is not covered (${end})`).toBe(true);
    await page.screenshot({ path: testInfo.outputPath(`${name}-${viewport.width}-${end}.png`) });
  }
}

test('Add customer with long field errors at 1280x800: the fields scroll, Cancel and Add customer stay in view', async ({
  page,
  lotsen,
}, testInfo) => {
  await page.setViewportSize(SCREENS[0]);
  await page.goto(lotsen.url);
  await page.getByRole('button', { name: 'Add customer' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add customer' });
  await dialog.getByLabel('Name', { exact: true }).first().fill(JOINT_BOARD.name);
  // A person's identity number where the organisation's belongs: the longest of the form's field errors.
  await dialog.getByLabel('Organisation number').fill(personalIdentityNumber('811228', 987));
  const responsible = dialog.getByRole('group', { name: /Responsible person/ });
  await responsible.getByLabel('Name').fill('Karin Lindqvist-Abrahamsson');
  await responsible.getByLabel('E-mail').fill('karin.lindqvist-abrahamsson at kronoberg');
  await dialog
    .getByLabel(/^Notes/)
    .fill(
      Array.from(
        { length: 8 },
        (_, n) =>
          `Avtal ${n + 1}: ${JOINT_BOARD.name} tecknar för kommunerna i samverkan; kontakta IT-driften först.`,
      ).join('\n'),
    );
  const add = dialog.getByRole('button', { name: 'Add customer' });
  await add.click();
  await expect(dialog.getByText(/looks like a person's identity number/)).toBeVisible();
  await expect(dialog.getByText('Responsible person’s e-mail must be an address like')).toBeVisible();

  // The case this is about: the dialog is taller than the screen, so something must scroll.
  const scrolls = await dialog.evaluate((el) => {
    const scroller = [el, ...el.querySelectorAll('*')].find((e) => e.scrollHeight > e.clientHeight + 1);
    return scroller !== undefined;
  });
  expect(scrolls, 'the dialog with its errors is taller than an 800 px screen').toBe(true);
  await atEachScreen(page, async () => {
    await expectButtonsInView(page, dialog, add, testInfo, 'add-customer');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeInViewport();
  });

  // Tabbing down from the top brings each field above the buttons, not beneath them.
  await page.setViewportSize(SCREENS[0]);
  await dialog.evaluate((el) => el.scrollTo(0, 0));
  await responsible.getByLabel('E-mail').focus();
  await page.keyboard.press('Tab');
  const notes = dialog.getByLabel(/^Notes/);
  await expect(notes).toBeFocused();
  const actionsTop = (await add.boundingBox())!.y;
  const notesBox = (await notes.boundingBox())!;
  expect(notesBox.y + notesBox.height, 'the focused field ends above the buttons').toBeLessThanOrEqual(
    actionsTop,
  );

  // The errors are fixed and the customer saved: the buttons did what they say.
  await page.setViewportSize(SCREENS[0]);
  await dialog.getByLabel('Organisation number').fill(JOINT_BOARD.orgNumber);
  await responsible.getByLabel('Phone').fill('0470-41 000');
  await responsible.getByLabel('E-mail').fill('karin.lindqvist-abrahamsson@kronoberg.se');
  await add.click();
  await expect(page.getByRole('heading', { level: 1, name: JOINT_BOARD.name })).toBeVisible();

  // The other forms on the same dialog: adding an environment, whose access fields make it the longest.
  await page.getByRole('button', { name: 'Add environment' }).first().click();
  const environment = page.getByRole('dialog', { name: 'Add environment' });
  await environment.getByRole('button', { name: 'Add environment' }).click();
  await atEachScreen(page, async () => {
    await expectButtonsInView(
      page,
      environment,
      environment.getByRole('button', { name: 'Add environment' }),
      testInfo,
      'add-environment',
    );
  });
});

/** A promise the test settles when it chooses: the moment a held answer may go on. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

test('the palette says servers are still loading while registry.listCustomerServers has not answered, in both languages', async ({
  page,
  lotsen,
}, testInfo) => {
  await importReadyCustomer(lotsen, {
    customer: JOINT_BOARD,
    production: {
      access: standardAccess,
      servers: [{ host: 'wap01.itdrift.kronoberg.se', role: 'wap' }, adfsOnRecord],
    },
  });
  // The page's own socket to Lotsen, every message passed on but the servers' call, held until the test lets it go.
  let servers = gate();
  await page.routeWebSocket(/\/api$/, (socket) => {
    const lotsenSide = socket.connectToServer();
    socket.onMessage(async (message) => {
      if (typeof message === 'string' && JSON.parse(message).method === 'registry.listCustomerServers')
        await servers.opened;
      lotsenSide.send(message);
    });
  });
  await page.setViewportSize(SCREENS[0]);
  await page.goto(lotsen.url);

  const looks = [
    {
      count: '1 customer',
      dialog: 'Go to or connect',
      note: 'Servers are still loading: matches on a server follow in a moment.',
      connect: 'Connect',
      customer: 'Customer',
    },
    {
      count: '1 kund',
      dialog: 'Gå till eller anslut',
      note: 'Servrarna laddas fortfarande: träffar på en server kommer strax.',
      connect: 'Anslut',
      customer: 'Kund',
    },
  ];
  for (const [i, look] of looks.entries()) {
    await expect(page.getByText(look.count, { exact: true })).toBeVisible();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: look.dialog });
    await page.keyboard.type('wap gemensamma');
    // The customer is found; its WAP server is not yet, and the palette says why.
    await expect(palette.getByRole('status')).toHaveText(look.note);
    await expect(palette.getByRole('option')).toHaveCount(0);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('gemensamma');
    await expect(palette.getByRole('option').first()).toContainText(look.customer);
    await expect(palette.getByRole('status')).toHaveText(look.note);
    await atEachScreen(page, async ({ width }) => {
      await page.screenshot({ path: testInfo.outputPath(`palette-servers-loading-${i}-${width}.png`) });
    });
    await page.setViewportSize(SCREENS[0]);

    // The servers come: the note goes, and the server is found.
    servers.open();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('wap gemensamma');
    const server = palette.getByRole('option').first();
    await expect(server).toContainText(`${look.connect}${JOINT_BOARD.name}: WAP`);
    await expect(palette.getByRole('status')).toHaveCount(0);
    // The row shortens the customer's name, not the role after it.
    expect(
      await server.evaluate((row) => {
        const fits = (e: Element | null) => e !== null && e.scrollWidth <= e.clientWidth;
        return {
          kept: row.querySelector('.yielding-name__kept')?.textContent,
          keptWhole: fits(row.querySelector('.yielding-name__kept')),
          customerShortened: !fits(row.querySelector('.yielding-name__yielding')),
        };
      }),
    ).toEqual({ kept: ': WAP', keptWhole: true, customerShortened: true });
    await page.screenshot({ path: testInfo.outputPath(`palette-servers-in-${i}.png`) });
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();

    // Again in Swedish, from a reload whose servers' call is held anew.
    if (i === 0) {
      servers = gate();
      await page.getByRole('combobox', { name: 'Language' }).selectOption('sv');
      await page.reload();
    }
  }
});

let sshd: SshdFixture;
test.describe('session tabs', () => {
  test.beforeAll(async () => {
    sshd = await startSshd();
  });
  test.afterAll(async () => sshd?.stop());

  test('two sessions to a long-named customer’s WAP: each tab shortens the customer and keeps "· WAP" and its number', async ({
    page,
    lotsen,
  }, testInfo) => {
    await importReadyCustomer(lotsen, { customer: JOINT_BOARD, production: sshdProduction(sshd) });
    await page.addInitScript(() => localStorage.setItem('lotsen.terminal.gpuAcceleration', 'off'));
    await page.setViewportSize(SCREENS[0]);
    await page.goto(lotsen.url);
    for (const n of [1, 2]) {
      await page.getByRole('link', { name: /^Customers/ }).click();
      await page.getByRole('link', { name: JOINT_BOARD.name }).click();
      await page.getByRole('button', { name: `Connect to ${sshd.host}` }).click();
      const connect = page.getByRole('dialog', { name: `Connect to ${sshd.host}` });
      // The first opens a new ticket; the second works on it too.
      if (n === 1) await connect.getByLabel('Subject').fill('Elever kan inte logga in via WAP');
      await connect.getByRole('button', { name: 'Connect', exact: true }).click();
      if (n === 1)
        await page
          .getByRole('dialog', { name: 'Trust this server?' })
          .getByRole('button', { name: 'Trust and connect' })
          .click();
      await expect(page.getByRole('tab')).toHaveCount(n);
      await expect(page.getByRole('tab').nth(n - 1)).toContainText('Open');
    }

    const tabs = page.getByRole('tab');
    await atEachScreen(page, async ({ width }) => {
      for (const [i, after] of [' · WAP', ' · WAP (2)'].entries()) {
        const tab = tabs.nth(i);
        const whole = `${JOINT_BOARD.name}${after}`;
        // Whole in the tooltip, with what the session reached.
        expect(await tab.getAttribute('title')).toMatch(new RegExp(`^${escapeRegExp(whole)} \\(.+@`));
        const runs = await tab.evaluate((el) => {
          const fits = (e: Element | null) => e !== null && e.scrollWidth <= e.clientWidth;
          const tabBox = el.getBoundingClientRect();
          const kept = el.querySelector('.yielding-name__kept');
          const keptBox = kept?.getBoundingClientRect();
          return {
            kept: kept?.textContent,
            keptWhole: fits(kept),
            keptInsideTab: keptBox !== undefined && keptBox.right <= tabBox.right,
            customerShortened: !fits(el.querySelector('.yielding-name__yielding')),
            badgeWhole: fits(el.querySelector('.badge')),
          };
        });
        expect(runs, `tab ${i + 1} at ${width}`).toEqual({
          kept: after,
          keptWhole: true,
          keptInsideTab: true,
          customerShortened: true,
          badgeWhole: true,
        });
      }
      // The row itself does not scroll sideways: the GPU toggle and Recordings are in view beside the tabs.
      await expect(page.getByRole('link', { name: 'Recordings', exact: true })).toBeInViewport();
      await page.screenshot({ path: testInfo.outputPath(`session-tabs-${width}.png`) });
    });
    // The name as one text to a screen reader: the tab is found by it.
    await expect(page.getByRole('tab', { name: `${JOINT_BOARD.name} · WAP (2)` })).toHaveCount(1);
  });
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
