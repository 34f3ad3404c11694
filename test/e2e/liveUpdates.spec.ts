import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { orgNumber } from '../support/orgNumbers.ts';
import { expect as embeddedExpect, importRegistry, test as embedded } from './support/lotsenServer.ts';
import { expect, test } from './support/teamLotsen.ts';

/*
 * Live updates (issue 14): what one Lotsen writes shows in another's open page within 2 s, without a reload. Two
 * members, each with their own `lotsen serve` on their own data folder, on one real PostgreSQL; and the embedded
 * default, where the CLI writes the store the open page shows.
 */

const WITHIN = { timeout: 2_000 };
const codeIn = (text: string) => /LOTSEN-[0-9a-f]{8}-[0-9A-Z-]+/.exec(text)?.[0] ?? '';

async function registryFile(dir: string, customers: { name: string; orgNumber: string }[]) {
  const file = join(dir, `registry-${customers[0]!.orgNumber}.json`);
  await writeFile(
    file,
    JSON.stringify({
      format: 'lotsen-registry',
      version: 1,
      customers: customers.map((c) => ({ ...c, kind: 'municipality' })),
    }),
  );
  return file;
}

test('a customer renamed by one member appears in the other member’s list within 2 s, without a reload', async ({
  page,
  browser,
  teamLotsen,
}, testInfo) => {
  test.setTimeout(180_000);
  const kungalv = { name: 'Kungälvs kommun', orgNumber: orgNumber('212000', 41) };
  await teamLotsen.cli(['registry', 'import', await registryFile(teamLotsen.home, [kungalv])]);
  const invited = await teamLotsen.cli([
    'team',
    'add-member',
    '--name',
    'Tekla Åkesson',
    '--email',
    'tekla.akesson@leverantor.se',
    '--role',
    'technician',
  ]);
  const tekla = await teamLotsen.enrolElsewhere(codeIn(invited.stdout));

  // Tekla on her own machine: another browser, another `lotsen serve`, her own login.
  const teklaContext = await browser.newContext();
  const teklaPage = await teklaContext.newPage();
  await teklaPage.goto(await tekla.serve());
  const teklaList = teklaPage.getByRole('list', { name: 'Customers' });
  await expect(teklaList.getByRole('link', { name: /Kungälvs kommun/ })).toBeVisible();
  // Marks this page: a reload would lose the mark, so the end shows the list changed in place.
  await teklaPage.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  await page.goto(teamLotsen.url);
  await page
    .getByRole('list', { name: 'Customers' })
    .getByRole('link', { name: /Kungälvs kommun/ })
    .click();
  await page.getByRole('button', { name: 'Edit customer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit Kungälvs kommun' });
  await dialog.getByLabel('Name', { exact: true }).fill('Kungälvs kommun – Barn- och utbildning');
  await dialog.getByRole('button', { name: 'Save customer' }).click();
  await expect(dialog).toBeHidden();
  const saved = Date.now();

  await expect(teklaList.getByRole('link', { name: /Barn- och utbildning/ })).toBeVisible(WITHIN);
  expect(Date.now() - saved).toBeLessThan(2_000);
  await expect(teklaList.getByRole('link', { name: /^Kungälvs kommun\b(?! –)/ })).toHaveCount(0);

  // A customer the admin adds (through the CLI, on the team database) shows up too.
  await teamLotsen.cli([
    'registry',
    'import',
    await registryFile(teamLotsen.home, [{ name: 'Ale kommun', orgNumber: orgNumber('212000', 42) }]),
  ]);
  await expect(teklaList.getByRole('link', { name: /Ale kommun/ })).toBeVisible(WITHIN);
  expect(await teklaPage.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
    true,
  );
  await teklaPage.screenshot({ path: testInfo.outputPath('01-team-live-rename.png'), fullPage: true });
  await teklaContext.close();
});

embedded(
  'a CLI import into the embedded store shows in the open page within 2 s, without a reload',
  async ({ page, lotsen }, testInfo) => {
    embedded.setTimeout(120_000);
    await page.goto(lotsen.url);
    await embeddedExpect(page.getByRole('heading', { name: 'No customers yet' })).toBeVisible();
    const marker = await page.evaluate(
      () => ((window as unknown as { notReloaded: boolean }).notReloaded = true),
    );
    embeddedExpect(marker).toBe(true);

    await importRegistry(
      lotsen.home,
      await registryFile(lotsen.home, [{ name: 'Östersunds kommun', orgNumber: orgNumber('212000', 43) }]),
    );
    const imported = Date.now();
    await embeddedExpect(
      page.getByRole('list', { name: 'Customers' }).getByRole('link', { name: /Östersunds kommun/ }),
    ).toBeVisible(WITHIN);
    embeddedExpect(Date.now() - imported).toBeLessThan(2_000);
    // The same page: no reload happened in between.
    embeddedExpect(
      await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true);
    await page.screenshot({ path: testInfo.outputPath('02-embedded-cli-import.png'), fullPage: true });
  },
);
