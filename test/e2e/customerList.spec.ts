import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { orgNumber } from '../support/orgNumbers.ts';
import { expect, importRegistry, test } from './support/lotsenServer.ts';

/*
 * A registry of a thousand customers: the list renders the first hundred rows and more as the person scrolls, and a
 * search renders its first hundred matches, not all of them (issue 17: the list at the size of big vendors).
 */
const CUSTOMERS = 1_000;

test('a thousand customers: a hundred rows at first, more on scrolling, a search starts over', async ({
  page,
  lotsen,
}, testInfo) => {
  const file = join(lotsen.home, 'thousand.json');
  await writeFile(
    file,
    JSON.stringify({
      format: 'lotsen-registry',
      version: 1,
      customers: Array.from({ length: CUSTOMERS }, (_, i) => ({
        name: `${['Växjö', 'Örebro', 'Luleå', 'Skövde'][i % 4]} skola ${i}`,
        orgNumber: orgNumber(String(556000 + Math.floor(i / 1000)), i % 1000),
        kind: 'school_chain',
      })),
    }),
  );
  await importRegistry(lotsen.home, file);
  await page.goto(lotsen.url);

  const list = page.getByRole('list', { name: 'Customers' });
  const rows = list.getByRole('link');
  await expect(rows).toHaveCount(100);
  await expect(page.getByText(`${CUSTOMERS} customers`, { exact: true })).toBeVisible();
  await expect(list.getByText('900 more customers…')).toBeAttached();

  await rows.last().scrollIntoViewIfNeeded();
  await expect(rows).toHaveCount(300);
  await page.screenshot({ path: testInfo.outputPath('scrolled.png') });

  // "skola" matches everyone: the search renders a hundred again. "skövde" matches a quarter, a hundred shown.
  const search = page.getByLabel('Search customers');
  await search.fill('skola');
  await expect(rows).toHaveCount(100);
  await search.fill('skövde');
  await expect(rows).toHaveCount(100);
  await expect(list.getByText('150 more customers…')).toBeAttached();
  await expect(rows.first()).toContainText('Skövde skola 3');
});
