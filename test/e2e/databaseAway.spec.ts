import { startDatabaseOutage } from '../support/postgres/databaseOutage.ts';
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
