import { writeContractFixture } from './support/contractFixture.ts';
import { lookAtWidths } from './support/layout.ts';
import { test as embedded } from './support/lotsenServer.ts';
import { expect, test } from './support/teamLotsen.ts';

/*
 * The Team page on a real team database: `lotsen team create`, the admin enrolled with `lotsen init --team URL
 * --enrol CODE`, then `lotsen serve` in the admin's data folder. Long Swedish names and municipal addresses, so the
 * table is looked at as it will be used.
 */

const ADMIN = {
  name: 'Ann-Sofie Bergström-Lindqvist',
  email: 'ann-sofie.bergstrom-lindqvist@utbildningsforvaltningen.kungalv.se',
  role: 'support_lead',
} as const;
const TEKLA = {
  name: 'Tekla Åkesson Wennerholm',
  email: 'tekla.akesson-wennerholm@barn-och-utbildningsforvaltningen.ostersund.se',
};
const KARL = {
  name: 'Karl-Johan Öhrström Fredriksson',
  email: 'karl-johan.ohrstrom-fredriksson@kommunledningsforvaltningen.sundsvall.se',
};
/** The words of a shown `lotsen …` command as a shell would pass them (it quotes only the URL). */
const commandArguments = (command: string) =>
  [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!).slice(1);
const codeIn = (text: string) => /LOTSEN-[0-9a-f]{8}-[0-9A-Z-]+/.exec(text)?.[0] ?? '';

test.use({ teamAdmin: ADMIN });

test('an admin lists, adds (the code shown once works), changes a role, removes a member (the keys rotate, with progress), reissues a code and reads a departing list', async ({
  page,
  context,
  teamLotsen,
}, testInfo) => {
  // Three machines, two rotations and a grant against one PostgreSQL, on CPUs shared with other runs.
  test.setTimeout(300_000);
  // A customer with a support account and a contact: data keys in both of the vault's trees, for rotations to move.
  await teamLotsen.cli([
    'registry',
    'import',
    await writeContractFixture(teamLotsen.home, { withDpa: true }),
  ]);
  // Tekla is invited and enrolled on her own machine; Greta is invited and has not enrolled yet.
  const invited = await teamLotsen.cli([
    'team',
    'add-member',
    '--name',
    TEKLA.name,
    '--email',
    TEKLA.email,
    '--role',
    'technician',
  ]);
  const tekla = await teamLotsen.enrolElsewhere(codeIn(invited.stdout));
  await teamLotsen.cli([
    'team',
    'add-member',
    '--name',
    'Greta Lindholm',
    '--email',
    'greta.lindholm@leverantor.se',
    '--role',
    'finance',
  ]);

  // Tekla's own Lotsen: a technician is offered no Team page, and main refuses it if she types its address.
  const teklaPage = await context.newPage();
  await teklaPage.goto(await tekla.serve());
  await expect(teklaPage.getByTestId('user-role')).toHaveText('Technician');
  await expect(teklaPage.getByRole('link', { name: 'Customers' })).toBeVisible();
  await expect(teklaPage.getByRole('link', { name: 'Team' })).toHaveCount(0);
  await teklaPage.evaluate(() => (window.location.hash = '#/team'));
  await expect(teklaPage.getByRole('alert')).toContainText('admin right');
  await expect(teklaPage.getByRole('button', { name: 'Add member' })).toHaveCount(0);

  await page.goto(teamLotsen.url);
  await expect(page.getByTestId('user-role')).toHaveText('Support lead · admin');
  await page.getByRole('link', { name: 'Team' }).click();
  const table = page.getByRole('table', { name: 'Team members' });
  await expect(table.getByTestId('team-member')).toHaveCount(3);
  const row = (name: string) => table.getByTestId('team-member').filter({ hasText: name });
  await expect(row(ADMIN.name)).toContainText(ADMIN.email);
  await expect(row(ADMIN.name)).toContainText('(you)');
  await expect(row(ADMIN.name)).toContainText('Admin');
  await expect(row(ADMIN.name)).toContainText('Enrolled');
  await expect(row(TEKLA.name)).toContainText('Technician');
  await expect(row(TEKLA.name)).toContainText('Enrolled');
  await expect(row(TEKLA.name)).toContainText(/lotsen_e2e_[0-9a-f]+_m_[0-9a-f]{8}/);
  await expect(row('Greta Lindholm')).toContainText('Invited');
  await expect(page.getByText('3 members, 1 not enrolled yet')).toBeVisible();
  // Nobody removes themselves.
  await expect(page.getByRole('button', { name: `Remove ${ADMIN.name}` })).toBeDisabled();
  await lookAtWidths(page, testInfo, '01-members');

  // The only enrolled admin keeps the admin right: the box says so instead of failing.
  await page.getByRole('button', { name: `Change role of ${ADMIN.name}` }).click();
  let dialog = page.getByRole('dialog', { name: `Change role of ${ADMIN.name}` });
  await expect(dialog.getByLabel('Admin right: may manage the team’s members')).toBeDisabled();
  await expect(dialog).toContainText('the team’s only enrolled admin and keeps the admin right');
  await expect(dialog.getByRole('button', { name: 'Change role' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Add a member: the code is shown once, with the command that uses it.
  await page.getByRole('button', { name: 'Add member' }).click();
  dialog = page.getByRole('dialog', { name: 'Add member' });
  await dialog.getByLabel('Name').fill(KARL.name);
  await dialog.getByLabel('E-mail').fill('karl-johan');
  await dialog.getByLabel('Work role').selectOption({ label: 'Finance' });
  await dialog.getByLabel('Admin right: may manage the team’s members').check();
  await dialog.getByRole('button', { name: 'Add member' }).click();
  await expect(dialog).toContainText('E-mail must be an address like namn@leverantor.se');
  await dialog.getByLabel('E-mail').fill(KARL.email);
  await dialog.getByLabel('E-mail').press('Enter');
  dialog = page.getByRole('dialog', { name: `Enrolment code for ${KARL.name}` });
  const code = (await dialog.getByTestId('enrolment-code').textContent()) ?? '';
  expect(code).toMatch(/^LOTSEN-[0-9a-f]{8}-/);
  await expect(dialog).toContainText('It works once, for 24 hours');
  await expect(dialog).toContainText('shown only now');
  const command = (await dialog.getByTestId('enrol-command').textContent()) ?? '';
  expect(command).toBe(`lotsen init --team "${teamLotsen.teamUrl}" --enrol CODE`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: teamLotsen.origin });
  await dialog.getByRole('button', { name: 'Copy code' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  await lookAtWidths(page, testInfo, '02-enrolment-code');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  // Gone from the page once the dialog closes.
  expect(await page.content()).not.toContain(code);
  await expect(row(KARL.name)).toContainText('Finance');
  await expect(row(KARL.name)).toContainText('Invited');

  // The command shown is the real one: Karl-Johan's machine runs it as printed with his code, and he is enrolled.
  await teamLotsen.runElsewhere(commandArguments(command.replace('CODE', code)));
  await page.reload();
  await expect(row(KARL.name)).toContainText('Enrolled');
  await expect(row(KARL.name)).toContainText('Admin');

  // Change Tekla's role: the dialog says what changes before anything does.
  await page.getByRole('button', { name: `Change role of ${TEKLA.name}` }).click();
  dialog = page.getByRole('dialog', { name: `Change role of ${TEKLA.name}` });
  await expect(dialog.getByRole('button', { name: 'Change role' })).toBeDisabled();
  // Finance holds no key to customers' secrets: the dialog says that key rotates.
  await dialog.getByLabel('Work role').selectOption({ label: 'Finance' });
  await expect(dialog.getByTestId('role-change-keys')).toContainText(
    'Finance holds no key to customers’ secrets: that key is rotated',
  );
  await dialog.getByLabel('Work role').selectOption({ label: 'Support lead' });
  await expect(dialog.getByTestId('role-change-keys')).toHaveCount(0);
  await expect(dialog.getByTestId('role-change')).toContainText(
    `${TEKLA.name} changes from Technician to Support lead.`,
  );
  await lookAtWidths(page, testInfo, '03-change-role');
  await dialog.getByRole('button', { name: 'Change role' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toHaveText(`${TEKLA.name} is now Support lead.`);
  await expect(row(TEKLA.name)).toContainText('Support lead');
  const listed = JSON.parse((await teamLotsen.cli(['team', 'members', '--json'])).stdout) as {
    name: string;
    role: string;
  }[];
  expect(listed.find((m) => m.name === TEKLA.name)?.role).toBe('support_lead');

  // Remove Tekla: the confirmation names her, says her connections end, which keys rotate and that her departing
  // list is to be reviewed; Cancel has the focus.
  await page.getByRole('button', { name: `Remove ${TEKLA.name}` }).click();
  dialog = page.getByRole('dialog', { name: `Remove ${TEKLA.name} from the team?` });
  await expect(dialog).toContainText(TEKLA.email);
  await expect(dialog).toContainText('every connection they have open now ends');
  await expect(dialog).toContainText(
    'The keys they held, to personal data and customers’ secrets, are rotated',
  );
  await expect(dialog).toContainText('review their departing list');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await lookAtWidths(page, testInfo, '04-remove');
  // Tekla is at work: her Lotsen has just read the team database, so its connections are open.
  // She reveals the customer's support account's password: her departing list will name it.
  await teklaPage.getByRole('link', { name: 'Customers' }).click();
  await teklaPage.reload();
  await teklaPage.getByRole('link', { name: 'Växjö kommun' }).click();
  await teklaPage.getByRole('button', { name: 'Reveal secret for svc_lotsen' }).click();
  const reveal = teklaPage.getByRole('dialog', { name: 'Reveal secret for svc_lotsen' });
  await reveal.getByLabel('Purpose').fill('ärende HD-4711');
  await reveal.getByRole('button', { name: 'Reveal' }).click();
  await expect(reveal.getByTestId('revealed-secret')).toHaveText('x-hemligt');
  await reveal.getByRole('button', { name: 'Hide' }).click();
  await dialog.getByRole('button', { name: `Remove ${TEKLA.name}` }).click();
  // The rotation's progress, per tree, to its end; then what rotated, and her departing list.
  dialog = page.getByRole('dialog', { name: `Removing ${TEKLA.name}` });
  await expect(dialog.getByTestId('rotation-result')).toContainText(
    /The key to customers’ secrets is rotated \(generation 1 → 2, 1 data key re-wrapped\)/,
  );
  await expect(dialog.getByTestId('rotation-result')).toContainText(/The key to personal data is rotated/);
  await expect(dialog.getByTestId('rotation-count-secrets')).toHaveText('1 of 1 data keys re-wrapped');
  await expect(dialog.getByTestId('rotation-count-personal')).toHaveText(
    /^(\d+) of \1 data keys re-wrapped$/,
  );
  await expect(
    dialog.getByRole('progressbar', { name: 'Rotation of the key to customers’ secrets' }),
  ).toHaveJSProperty('value', 1);
  await expect(dialog).toContainText(
    new RegExp(`${TEKLA.name} is removed; [1-9]\\d* open connections? ended\\.`),
  );
  const departing = dialog.getByRole('table', { name: 'Secrets they saw or used' }).getByRole('row');
  await expect(departing).toHaveCount(2);
  await expect(departing.nth(1)).toContainText(/Växjö kommun\s*Produktion\s*svc_lotsen\s*1×\s*–/);
  await expect(dialog.getByTestId('departing-list')).toContainText('have them changed at the customers');
  await expect(dialog.getByRole('button', { name: 'Done' })).toBeFocused();
  await lookAtWidths(page, testInfo, '05-removed-rotated');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toHaveText(
    new RegExp(`^${TEKLA.name} is removed; [1-9]\\d* open connections? ended\\.$`),
  );
  await expect(row(TEKLA.name)).toHaveCount(0);
  // Her Lotsen can no longer open the team database.
  await expect(tekla.cli(['customers', 'list'])).rejects.toThrow(/refused|removed|login/i);
  // The rotations are audited, as the CLI's are.
  const rotated = JSON.parse(
    (await teamLotsen.cli(['audit', 'list', '--event', 'vault.rotated', '--json'])).stdout,
  ) as { details: { tree: string } }[];
  expect(rotated.map((e) => e.details.tree).sort()).toEqual(['personal', 'secrets']);

  // Her row among the removed members opens her departing list again.
  const removedRow = page.getByRole('table', { name: 'Removed members' }).getByTestId('removed-member');
  await expect(removedRow).toHaveCount(1);
  await expect(removedRow).toContainText(TEKLA.name);
  await removedRow.getByRole('button', { name: `What ${TEKLA.name} saw or used` }).click();
  dialog = page.getByRole('dialog', { name: `What ${TEKLA.name} saw or used` });
  await expect(dialog.getByTestId('departing-list')).toContainText('svc_lotsen');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Greta is removed meanwhile by another admin (the CLI): changing her role says so plainly, and the list follows.
  await teamLotsen.cli(['team', 'remove-member', '--member', 'greta.lindholm@leverantor.se', '--yes']);
  await page.getByRole('button', { name: 'Change role of Greta Lindholm' }).click();
  dialog = page.getByRole('dialog', { name: 'Change role of Greta Lindholm' });
  await dialog.getByLabel('Work role').selectOption({ label: 'Technician' });
  await dialog.getByRole('button', { name: 'Change role' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Greta Lindholm is no longer a member of the team: another admin removed them meanwhile. The list is up to date now.',
  );
  await expect(row('Greta Lindholm')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Karl-Johan lost his laptop: a new code, confirmed, shown once; his old login goes.
  await page.getByRole('button', { name: `Reissue code of ${KARL.name}` }).click();
  dialog = page.getByRole('dialog', { name: `Reissue ${KARL.name}’s code?` });
  await expect(dialog).toContainText('dropped now');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Reissue code' }).click();
  dialog = page.getByRole('dialog', { name: `Enrolment code for ${KARL.name}` });
  const newCode = (await dialog.getByTestId('enrolment-code').textContent()) ?? '';
  expect(newCode).toMatch(/^LOTSEN-[0-9a-f]{8}-/);
  expect(newCode).not.toBe(code);
  await expect(dialog).toContainText('old login is dropped');
  await dialog.getByRole('button', { name: 'Copy code' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(newCode);
  await lookAtWidths(page, testInfo, '06-reissued-code');
  await dialog.getByRole('button', { name: 'Done' }).click();
  expect(await page.content()).not.toContain(newCode);
  await expect(row(KARL.name)).toContainText('Invited');

  // His old key pair is forgotten: the personal-data key he held is due, and the banner runs it with its progress.
  const banner = page.getByRole('region', { name: 'Key rotation due' });
  await expect(banner).toContainText(
    'The key to personal data, because a member who held it got a new code (their keychain may be lost, or stolen).',
  );
  await lookAtWidths(page, testInfo, '07-rotation-due');
  await banner.getByRole('button', { name: 'Rotate now' }).click();
  await expect(banner.getByTestId('rotation-result')).toContainText(
    /The key to personal data is rotated \(generation 2 → 3/,
  );
  await expect(banner.getByTestId('rotation-count-personal')).toHaveText(
    /^(\d+) of \1 data keys re-wrapped$/,
  );
  await expect(banner).toContainText('The vault’s keys are rotated.');
  await lookAtWidths(page, testInfo, '08-rotated');
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('keys-complete')).toBeVisible();

  // Karl-Johan enrols his new machine with the new code: the code carried no key, so he holds none yet, and the
  // page offers to give it (grant-keys).
  await teamLotsen.enrolElsewhere(newCode);
  await page.reload();
  await expect(page.getByTestId('keys-lacking')).toHaveText(`${KARL.name} holds no key to personal data.`);
  await page.getByRole('button', { name: 'Give them the keys' }).click();
  await expect(page.getByText('Keys given to one member.')).toBeVisible();
  await expect(page.getByTestId('keys-complete')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Give them the keys' })).toHaveCount(0);

  // Karl-Johan moves to technician work (and gets the secrets key), then back to finance: the secrets key rotates, the
  // dialog shows it to its end, and what he saw meanwhile.
  const changeKarl = async (label: string) => {
    await page.getByRole('button', { name: `Change role of ${KARL.name}` }).click();
    dialog = page.getByRole('dialog', { name: `Change role of ${KARL.name}` });
    await dialog.getByLabel('Work role').selectOption({ label });
    await dialog.getByRole('button', { name: 'Change role' }).click();
  };
  await changeKarl('Technician');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('keys-lacking')).toHaveText(
    `${KARL.name} holds no key to customers’ secrets.`,
  );
  await page.getByRole('button', { name: 'Give them the keys' }).click();
  await expect(page.getByTestId('keys-complete')).toBeVisible();
  await changeKarl('Finance');
  dialog = page.getByRole('dialog', { name: `${KARL.name} is now Finance` });
  await expect(dialog.getByTestId('rotation-result')).toHaveText(
    'The key to customers’ secrets is rotated (generation 2 → 3, 1 data key re-wrapped).',
  );
  await expect(dialog.getByTestId('rotation-count-secrets')).toHaveText('1 of 1 data keys re-wrapped');
  await expect(dialog.getByTestId('departing-list')).toHaveText(
    `${KARL.name} revealed no customer secret and used none in a session.`,
  );
  await expect(dialog.getByRole('button', { name: 'Done' })).toBeFocused();
  await lookAtWidths(page, testInfo, '09-changed-to-finance');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  // The recovery kit: a wrong one is refused and changes nothing; the field is emptied as it is sent, never echoed.
  await page.getByRole('button', { name: 'Recover from the kit…' }).click();
  dialog = page.getByRole('dialog', { name: 'Recover the vault’s keys from the kit' });
  const kitField = dialog.getByLabel('Recovery kit');
  await expect(kitField).toBeFocused();
  await expect(kitField).toHaveAttribute('type', 'password');
  await kitField.fill('LOTSEN-RECOVERY-nej');
  await kitField.press('Enter');
  await expect(dialog.getByRole('alert')).not.toBeEmpty();
  await expect(dialog.getByRole('alert')).not.toContainText('LOTSEN-RECOVERY-nej');
  await expect(kitField).toHaveValue('');
  await lookAtWidths(page, testInfo, '10-recover-refused');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const recovered = JSON.parse(
    (await teamLotsen.cli(['audit', 'list', '--event', 'vault.recovered', '--json'])).stdout,
  ) as unknown[];
  expect(recovered).toEqual([]);
});

embedded(
  'in the embedded default the Team page says there is no team, and how to set one up',
  async ({ page, lotsen }, testInfo) => {
    await page.goto(lotsen.url);
    await page.getByRole('link', { name: 'Team' }).click();
    await expect(page.getByRole('heading', { name: 'This Lotsen is not in a team' })).toBeVisible();
    await expect(page.getByText('Setting up a team')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Add member' })).toHaveCount(0);
    await lookAtWidths(page, testInfo, '11-no-team');
  },
);
