import { expect, type Page, type TestInfo } from '@playwright/test';

/** The widths the app is checked at: a 1280 laptop and a 1440 desktop screen. */
export const WIDTHS = [1440, 1280] as const;

/**
 * Looks at the page as a person would at each width: a screenshot `<name>-<width>.png` to open and read, after
 * checking that neither the page nor an open dialog scrolls sideways (a row too wide must scroll inside its card, or
 * wrap). Ends at 1280 wide, where the tests run.
 */
export async function lookAtWidths(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const height = page.viewportSize()?.height ?? 860;
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height });
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      dialogs: [...document.querySelectorAll('dialog[open]')].map((d) => d.scrollWidth - d.clientWidth),
    }));
    expect(overflow.page, `${name} at ${width} wide: the page scrolls sideways`).toBeLessThanOrEqual(0);
    expect(
      overflow.dialogs.filter((d) => d > 0),
      `${name} at ${width} wide: a dialog scrolls sideways`,
    ).toEqual([]);
    // From the top: a full-page shot of a scrolled window draws the fixed header across its middle.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`), fullPage: true });
  }
}
