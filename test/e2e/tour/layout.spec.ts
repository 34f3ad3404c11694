import { describeOverflow, findOverflows } from '../support/overflow.ts';
import { expect, test } from '../support/lotsenServer.ts';
import { tour, where } from './stops.ts';

/*
 * Issue 15 item 5: no broken layouts, checked by machine. Every page and every dialog (stops.ts) with long data
 * (seed.ts), at a 1280×800 laptop and a 1440×900 desktop: the overflow detector (support/overflow.ts) runs at each
 * stop and a screenshot `<nn>-<page>[-<dialog>]-<width>.png` is kept under test-results/ to be looked at. It fails
 * once, at the end, naming every page, dialog, element and overflow in px, so one run shows all there is to fix.
 * One server and one browser page per size.
 */

for (const size of [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
]) {
  test(`every page and dialog fits at ${size.width}×${size.height} with long data`, async ({
    page,
    lotsen,
  }, testInfo) => {
    test.setTimeout(300_000);
    const overflows: string[] = [];
    let n = 0;
    const lost = await tour(page, lotsen, size, async (stop) => {
      overflows.push(...(await findOverflows(page)).map((o) => `${where(stop)}: ${describeOverflow(o)}`));
      const file = `${String(++n).padStart(2, '0')}-${where(stop).replace(/\W+/g, '-')}-${size.width}.png`;
      // The window as a person sees it first (a whole page of 1,000 customers is too tall for one picture); what is
      // further down is the detector's to find.
      await page.screenshot({ path: testInfo.outputPath(file) });
    });
    const failures = [...lost, ...overflows];
    expect(failures, `at ${size.width}×${size.height}:\n${failures.join('\n')}`).toEqual([]);
  });
}
