import { startDatabaseOutage } from '../support/postgres/databaseOutage.ts';
import { VAXJO, writeContractFixture } from './support/contractFixture.ts';
import { lookAtWidths } from './support/layout.ts';
import { expect, test } from './support/teamLotsen.ts';

/*
 * The top bar of a member's Lotsen when the team database goes away and comes back: a technician's machine reaches
 * the team's PostgreSQL through a loopback proxy that can refuse it, as a server restart or a VPN that takes all
 * traffic would, and their page says so, since when and what still works, then that it is back.
 */

const codeIn = (text: string) => /LOTSEN-[0-9a-f]{8}-[0-9A-Z-]+/.exec(text)?.[0] ?? '';

test('the top bar says the team database cannot be reached, what still works, and that it is back', async ({
  page,
  postgres,
  teamLotsen,
}, testInfo) => {
  const outage = await startDatabaseOutage({ port: postgres.port });
  try {
    const invited = await teamLotsen.cli([
      'team',
      'add-member',
      '--name',
      'Tekla Åkesson Wennerholm',
      '--email',
      'tekla.akesson-wennerholm@barn-och-utbildningsforvaltningen.ostersund.se',
      '--role',
      'technician',
    ]);
    // Her machine knows the team database by the proxy's port: everything it sends goes through it.
    const viaProxy = teamLotsen.teamUrl.replace(`:${postgres.port}/`, `:${outage.port}/`);
    const tekla = await teamLotsen.runElsewhere([
      'init',
      '--team',
      viaProxy,
      '--enrol',
      codeIn(invited.stdout),
    ]);
    await page.goto(await tekla.serve());
    await expect(page.getByTestId('user-role')).toHaveText('Technician');
    await expect(page.getByRole('status', { name: 'Team database' })).toHaveCount(0);

    outage.cut('refuse');
    // The next call finds it out: here, listing the closed tickets too.
    await page.getByRole('link', { name: /Tickets/ }).click();
    await page.getByLabel('Show resolved and closed tickets too').check();
    const away = page.getByRole('status', { name: 'Team database' });
    await expect(away).toContainText('The team database cannot be reached since', { timeout: 10_000 });
    await expect(away).toContainText('Open sessions keep running');
    await expect(away).toContainText('within the last hour');
    await expect(away).toContainText('Everything else');
    await expect(away.getByRole('list', { name: 'What still works' }).getByRole('listitem')).toHaveCount(3);
    // The call that failed says why, in words, without the database's address.
    await expect(
      page.getByRole('main').getByText('The team database cannot be reached, so this may not have been done'),
    ).toBeVisible();
    expect(await page.content()).not.toContain(`127.0.0.1:${outage.port}`);
    await lookAtWidths(page, testInfo, '01-database-away');

    outage.restore();
    const back = page.getByRole('status', { name: 'Team database' });
    await expect(back).toContainText('The team database is back', { timeout: 20_000 });
    // What failed while it was away loads again by itself.
    await expect(page.getByRole('main').getByText('The team database cannot be reached')).toHaveCount(0);
    await lookAtWidths(page, testInfo, '02-database-back');
    await expect(back).toHaveCount(0, { timeout: 20_000 });
  } finally {
    await outage.close();
  }
});

test('with the database away, a session is reconnected on the verdict checked within the hour; its books arrive when it is back', async ({
  page,
  postgres,
  teamLotsen,
}, testInfo) => {
  const outage = await startDatabaseOutage({ port: postgres.port });
  try {
    // The admin sets up an eligible customer with an open ticket, and invites Tekla, whose machine goes by the proxy.
    const registry = await writeContractFixture(teamLotsen.home, {
      withDpa: true,
      ticket: {
        externalRef: 'HD-4711',
        subject: 'WAP svarar inte',
        receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      },
    });
    const [invited] = await Promise.all([
      teamLotsen.cli([
        'team',
        'add-member',
        '--name',
        'Tekla Tekniker',
        '--email',
        'tekla@leverantor.se',
        '--role',
        'technician',
      ]),
      teamLotsen.cli(['registry', 'import', registry]),
    ]);
    const viaProxy = teamLotsen.teamUrl.replace(`:${postgres.port}/`, `:${outage.port}/`);
    const tekla = await teamLotsen.runElsewhere([
      'init',
      '--team',
      viaProxy,
      '--enrol',
      codeIn(invited.stdout),
    ]);
    // Her local terminals run sh: the test machine's own ~/.bashrc is no part of the test.
    await page.addInitScript(() => localStorage.setItem('lotsen.terminal.gpuAcceleration', 'off'));
    await page.goto(await tekla.serve({ env: { SHELL: '/bin/sh' } }));
    await expect(page.getByTestId('user-role')).toHaveText('Technician');

    // With the database there, she works on the ticket in a local terminal, and closes it: the verdict is checked.
    await page.getByRole('link', { name: VAXJO.name }).click();
    await page.getByRole('button', { name: 'Local terminal for Produktion' }).click();
    const connect = page.getByRole('dialog', { name: 'Local terminal for Produktion' });
    await expect(connect.getByRole('status')).toHaveText('Eligible: agreement and DPA in force.');
    await connect.getByRole('button', { name: 'Connect', exact: true }).click();
    const first = page.getByRole('tab', { name: /· Local terminal/ });
    await expect(first).toContainText('Open');
    await page.getByRole('button', { name: 'Close session' }).click();
    await expect(first).toContainText('Closed');

    // The database goes; the page finds out at its next call.
    outage.cut('refuse');
    await page.getByRole('link', { name: /Tickets/ }).click();
    const away = page.getByRole('status', { name: 'Team database' });
    await expect(away).toContainText('The team database cannot be reached since', { timeout: 10_000 });
    await expect(away).toContainText('within the last hour');

    // What the banner promises: the ticket's verdict is from within the hour, so a new session starts, and says so.
    await page.getByRole('link', { name: /Sessions/ }).click();
    await page.getByRole('button', { name: 'Reconnect', exact: true }).click();
    // The new session's own event may show its tab before the reconnect answers (on a loaded machine, seconds later);
    // the answer then puts it in the ended one's place.
    const again = page.getByRole('tab', { name: /· Local terminal/ });
    await expect(again.filter({ hasText: 'Open' })).toHaveCount(1, { timeout: 30_000 });
    await expect(again).toHaveCount(1, { timeout: 30_000 });
    await expect(again).toContainText('Open');
    await expect(
      page.getByText(/^Cached eligibility verdict from \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}$/),
    ).toBeVisible();
    const terminal = page.getByRole('region', { name: /^Terminal:/ });
    await terminal.click();
    await page.keyboard.type("printf 'utan-%s\\n' databas");
    await page.keyboard.press('Enter');
    await expect(terminal).toContainText('utan-databas');
    // The navigation sticks below the banner, not under it, however far the page scrolls.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const firstLink = page.getByRole('navigation').getByRole('link').first();
    const hidden = await firstLink.evaluate((link) => {
      const box = link.getBoundingClientRect();
      return !link.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
    });
    expect(hidden).toBe(false);
    // The banner says the database is away; nothing in the top bar says it a second time (the timer's load failed too).
    await expect(page.getByRole('banner').getByRole('alert')).toHaveCount(0);
    // At the width the tests run only: a live terminal takes a moment to fit a narrower window (xterm's fit runs on
    // its resize observer), so lookAtWidths, which measures at once after going from 1440 to 1280, finds it wider.
    await page.screenshot({ path: testInfo.outputPath('03-session-on-cached-verdict-1280.png') });
    await page.getByRole('button', { name: 'Close session' }).click();
    await expect(again).toContainText('Closed');

    outage.restore();
    await expect(page.getByRole('status', { name: 'Team database' })).toContainText(
      'The team database is back',
      {
        timeout: 20_000,
      },
    );
    // Her books reach the team database: the admin sees both sessions' openings, the second on a cached verdict, and
    // the log verifies.
    await expect(async () => {
      const log = await teamLotsen.cli(['audit', 'list', '--json']);
      const events = (JSON.parse(log.stdout) as { event: string }[]).map((e) => e.event);
      expect(events.filter((e) => e === 'session.opened')).toHaveLength(2);
      expect(events.filter((e) => e === 'session.cached_verdict')).toHaveLength(1);
      expect(events.filter((e) => e === 'session.closed')).toHaveLength(2);
    }).toPass({ timeout: 30_000 });
    const verified = await teamLotsen.cli(['audit', 'verify']);
    expect(verified.stdout).toMatch(/intact/i);
  } finally {
    await outage.close();
  }
});
