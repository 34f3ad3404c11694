import type { Page } from '@playwright/test';
import { describeOverflow, findOverflows } from '../support/overflow.ts';
import { expect, test } from '../support/lotsenServer.ts';
import { REFUSAL_TEXT, REFUSALS, tour, where, type Refusal, type TourContext } from './stops.ts';

/*
 * Issue 15, the last English: the refusals people meet most (stops.ts' REFUSALS: an organisation number or an
 * environment name taken, a customer deleted in another window, a sign-in the sshd refuses, a closed port, a change in
 * an approved month), provoked through the UI in Swedish at 1280×800 and 1440×900. Each refusal's detail is worded in
 * Swedish with its data (the customer, the environment, the account, the host: `Refusal.shows`), has no English
 * sentence in it, and nothing in its dialog is cut or sticks out (support/overflow.ts). The screenshots
 * `<nn>-<page>-<dialog>-<width>.png` are kept to be looked at.
 */

/** Words only an English sentence has: none may be left once the data is cut out of a Swedish refusal. */
const ENGLISH = /\b(the|is|has|have|already|such|could|was|been|this|used|another|no|not|refused|closed)\b/i;

/** What the open dialog (or the page, for a session's tab) says of its refusal. */
const refusalTexts = async (page: Page) => {
  const dialog = page.locator('dialog[open]').last();
  const scope = (await dialog.count()) > 0 ? dialog : page.locator('body');
  return scope.locator(REFUSAL_TEXT).allInnerTexts();
};

for (const size of [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
]) {
  test(`the common refusals in Swedish name their data, hold no English and fit at ${size.width}×${size.height}`, async ({
    page,
    lotsen,
  }, testInfo) => {
    test.setTimeout(240_000);
    const problems: string[] = [];
    let n = 0;
    const look = async (stop: Refusal, ctx: TourContext) => {
      const texts = (await refusalTexts(page)).join(' ');
      const data = stop.shows(ctx);
      if (data !== null && !texts.includes(data))
        problems.push(`${where(stop)}: does not name ${data}: ${texts}`);
      const words = ctx.data.values.reduce((left, value) => left.split(value).join(' '), texts);
      if (ENGLISH.test(words)) problems.push(`${where(stop)}: English in ${texts}`);
      problems.push(...(await findOverflows(page)).map((o) => `${where(stop)}: ${describeOverflow(o)}`));
      const file = `${String(++n).padStart(2, '0')}-${where(stop).replace(/\W+/g, '-')}-${size.width}.png`;
      await page.screenshot({ path: testInfo.outputPath(file) });
    };
    const lost = await tour(page, lotsen, size, look, 'sv', REFUSALS);
    const failures = [...lost, ...problems];
    expect(failures, `in Swedish at ${size.width}×${size.height}:\n${failures.join('\n')}`).toEqual([]);
  });
}
