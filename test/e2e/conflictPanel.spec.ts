import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { orgNumber } from '../support/orgNumbers.ts';
import { lookAtWidths } from './support/layout.ts';
import { expect, test } from './support/teamLotsen.ts';

/*
 * Colliding edits (issue 14), as two members see them: each on their own `lotsen serve` and browser, one team
 * PostgreSQL. Both open the same customer; the first saves; the second's save is refused and shows, field by field,
 * what they opened, what is stored now and what they typed; they keep one field of theirs, take the other's, and
 * save; both pages show the merged customer.
 */

const codeIn = (text: string) => /LOTSEN-[0-9a-f]{8}-[0-9A-Z-]+/.exec(text)?.[0] ?? '';

async function openEditor(page: Page, url: string) {
  await page.goto(url);
  await page
    .getByRole('list', { name: 'Customers' })
    .getByRole('link', { name: /Kungälvs kommun/ })
    .click();
  await page.getByRole('button', { name: 'Edit customer' }).click();
  return page.getByRole('dialog', { name: 'Edit Kungälvs kommun' });
}

test('a save made against a customer another member saved meanwhile shows the conflict panel and saves the choices', async ({
  page,
  browser,
  teamLotsen,
}, testInfo) => {
  test.setTimeout(180_000);
  const org = orgNumber('212000', 51);
  const file = join(teamLotsen.home, 'registry-conflict.json');
  await writeFile(
    file,
    JSON.stringify({
      format: 'lotsen-registry',
      version: 1,
      customers: [
        { name: 'Kungälvs kommun', orgNumber: org, kind: 'municipality', notes: 'Call before noon.' },
      ],
    }),
  );
  await teamLotsen.cli(['registry', 'import', file]);
  const invited = await teamLotsen.cli([
    'team',
    'add-member',
    '--name',
    'Tekla Åkesson',
    '--email',
    'tekla.akesson@leverantor.se',
    '--role',
    'support_lead',
  ]);
  const tekla = await teamLotsen.enrolElsewhere(codeIn(invited.stdout));
  const teklaContext = await browser.newContext();
  const teklaPage = await teklaContext.newPage();

  // Both open the same customer's form.
  const adaDialog = await openEditor(page, teamLotsen.url);
  const teklaDialog = await openEditor(teklaPage, await tekla.serve());

  // Ada saves first.
  await adaDialog.getByLabel('Name', { exact: true }).fill('Kungälvs kommun – Barn- och utbildning');
  await adaDialog.getByLabel('Notes').fill('Ring växeln först: 0303-23 80 00.');
  await adaDialog.getByRole('button', { name: 'Save customer' }).click();
  await expect(adaDialog).toBeHidden();

  // Tekla, still on the version she opened, types over both fields and saves.
  const teklaNotes =
    'Skolornas IT-samordnare vill bli uppringd före varje ändring i Active Directory; ' +
    'https://kungalv.se/kontakt/it-samordnare-for-barn-och-utbildningsforvaltningen-och-gymnasieskolan ' +
    'har namn och nummer.';
  await teklaDialog.getByLabel('Name', { exact: true }).fill('Kungälvs kommun (BoU)');
  await teklaDialog.getByLabel('Notes').fill(teklaNotes);
  await teklaDialog.getByRole('button', { name: 'Save customer' }).click();

  const panel = teklaDialog.getByRole('region', { name: 'Changed while you had it open' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('alert')).toContainText('Ada Admin changed this customer');
  await expect(panel.getByRole('alert')).toContainText('Nothing was saved');
  // The fields Ada changed, each with the three values; the untouched ones are not asked about.
  await expect(panel.getByRole('group')).toHaveCount(2);
  const name = panel.getByRole('group', { name: 'Name' });
  const notes = panel.getByRole('group', { name: 'Notes' });
  await expect(name).toContainText('You openedKungälvs kommun');
  await expect(name).toContainText(
    /Stored now \(Ada Admin, [0-9/]+, [0-9:]+\)Kungälvs kommun – Barn- och utbildning/,
  );
  await expect(name).toContainText('You typedKungälvs kommun (BoU)');
  await expect(notes).toContainText('Call before noon.');
  await expect(notes).toContainText('Ring växeln först');
  await expect(notes).toContainText(teklaNotes);

  // Nothing of Tekla's reached the database: another process, the admin's CLI, reads Ada's values.
  const exported = JSON.parse((await teamLotsen.cli(['registry', 'export'])).stdout) as {
    customers: { orgNumber: string; name: string; notes: string }[];
  };
  expect(exported.customers.find((c) => c.orgNumber === org)).toMatchObject({
    name: 'Kungälvs kommun – Barn- och utbildning',
    notes: 'Ring växeln först: 0303-23 80 00.',
  });

  // Long values wrap inside their column: nothing wider than its box, nothing scrolls sideways.
  const cut = await teklaPage.evaluate(
    () =>
      [...document.querySelectorAll('.conflict__value dd')].filter((dd) => dd.scrollWidth > dd.clientWidth)
        .length,
  );
  expect(cut).toBe(0);
  await lookAtWidths(teklaPage, testInfo, '01-conflict-panel');

  // By keyboard: the cursor starts on the first field's choice (keep mine, as she typed it); Tab goes to the notes,
  // the arrow key takes Ada's notes, Ctrl+Enter saves.
  await expect(name.getByRole('radio', { name: 'Keep mine' })).toBeFocused();
  await expect(notes.getByRole('radio', { name: 'Keep mine' })).toBeChecked();
  await teklaPage.keyboard.press('Tab');
  await expect(notes.getByRole('radio', { name: 'Keep mine' })).toBeFocused();
  await teklaPage.keyboard.press('ArrowDown');
  await expect(notes.getByRole('radio', { name: 'Use theirs' })).toBeChecked();
  await teklaPage.keyboard.press('Control+Enter');
  await expect(teklaDialog).toBeHidden();

  // Both see the merged customer: Tekla's name, Ada's notes.
  for (const each of [teklaPage, page]) {
    await expect(each.getByRole('heading', { name: 'Kungälvs kommun (BoU)' })).toBeVisible();
    await expect(each.getByText('Ring växeln först: 0303-23 80 00.')).toBeVisible();
    await expect(each.getByText(/Skolornas IT-samordnare/)).toHaveCount(0);
  }
  await lookAtWidths(page, testInfo, '02-merged-ada');

  // Again, the other way round, and Ada drops her typing: "Reload theirs" puts the stored customer in the form and
  // saves nothing; her next save goes through against the stored version.
  await page.getByRole('button', { name: 'Edit customer' }).click();
  const adaAgain = page.getByRole('dialog', { name: /^Edit Kungälvs kommun/ });
  await teklaPage.getByRole('button', { name: 'Edit customer' }).click();
  const teklaAgain = teklaPage.getByRole('dialog', { name: /^Edit Kungälvs kommun/ });
  await teklaAgain.getByLabel('Kind').selectOption('school_chain');
  await teklaAgain.getByRole('button', { name: 'Save customer' }).click();
  await expect(teklaAgain).toBeHidden();
  await adaAgain.getByLabel('Notes').fill('Ada typed this and will drop it.');
  await adaAgain.getByRole('button', { name: 'Save customer' }).click();
  const adaPanel = adaAgain.getByRole('region', { name: 'Changed while you had it open' });
  await expect(adaPanel.getByRole('alert')).toContainText('Tekla Åkesson changed this customer');
  await expect(adaPanel.getByRole('group', { name: 'Kind' })).toContainText('School chain (friskolekedja)');
  await adaPanel.getByRole('button', { name: 'Reload theirs' }).click();
  await expect(adaPanel).toBeHidden();
  await expect(adaAgain.getByLabel('Kind')).toHaveValue('school_chain');
  await expect(adaAgain.getByLabel('Notes')).toHaveValue('Ring växeln först: 0303-23 80 00.');
  await adaAgain.getByLabel('Notes').fill('Ring växeln först.');
  await adaAgain.getByRole('button', { name: 'Save customer' }).click();
  await expect(adaAgain).toBeHidden();
  const final = JSON.parse((await teamLotsen.cli(['registry', 'export'])).stdout) as {
    customers: { orgNumber: string; name: string; kind: string; notes: string }[];
  };
  expect(final.customers.find((c) => c.orgNumber === org)).toMatchObject({
    name: 'Kungälvs kommun (BoU)',
    kind: 'school_chain',
    notes: 'Ring växeln först.',
  });
  await teklaContext.close();
});
