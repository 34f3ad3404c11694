import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { repoRoot } from '../support/lotsenServer.ts';
import { describeOverflow, findOverflows } from '../support/overflow.ts';

/*
 * The overflow detector the tours rely on, tried on the two dialogs issue 15 found broken, as they were at b2fd497:
 * the host-key trust dialog (the fingerprint cut off behind a scrollbar) and the replace dialog (the stored and the
 * presented fingerprints drawn over each other). The markup is theirs (SessionPrompts.tsx, ReplaceHostKeyDialog.tsx,
 * Dialog.tsx); the style sheets are read from that commit in the repository's history, so this stays the proof that the check
 * catches that breakage after the dialogs themselves are fixed. The same markup with the fix a person would make
 * must pass, or the check would only ever say no.
 */

const BROKEN_AT = 'b2fd497c27cd16264c1a869652c70b6c9dafbcd8';
const STYLES = [
  'renderer/styles/tokens.css',
  'renderer/styles/base.css',
  'renderer/components/dialog.css',
  'renderer/features/customer/customer.css',
].map((path) => execFileSync('git', ['show', `${BROKEN_AT}:${path}`], { cwd: repoRoot, encoding: 'utf8' }));

const HOST = 'wap01.utbildningsforvaltningen.vaxjo.se';
// Real SHA256 fingerprints are 50 characters with no place to break.
const STORED = 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s';
const PRESENTED = 'SHA256:Y2ZGnQz8f0hDk7r1qWbXn4sVtL9aPjE3cM6uKoR5iH0';

const trustDialog = `
  <dialog class="dialog dialog--normal" aria-labelledby="t">
    <div class="dialog__body">
      <h2 class="dialog__title" id="t">Trust this server?</h2>
      <p>Lotsen has not connected to <strong class="mono">${HOST}</strong> (port 22) before. Compare the fingerprint
        with the one the customer gave you; once trusted, a different key will be refused.</p>
      <dl class="facts">
        <div><dt>Key type</dt><dd class="mono">ssh-ed25519</dd></div>
        <div><dt>Fingerprint</dt><dd class="mono" data-testid="hostkey-fingerprint">${PRESENTED}</dd></div>
      </dl>
      <div class="dialog__actions">
        <button type="button" class="button">Cancel</button>
        <button type="button" class="button button--primary">Trust and connect</button>
      </div>
    </div>
  </dialog>`;

const replaceDialog = `
  <dialog class="dialog dialog--normal" aria-labelledby="t">
    <div class="dialog__body">
      <h2 class="dialog__title" id="t">Replace the host key of ${HOST}</h2>
      <form class="form">
        <div class="callout callout--danger"><strong>The server presented a different key than before.</strong>
          Someone may be intercepting the connection. Replace the stored key only after the customer has confirmed
          the new fingerprint.</div>
        <dl class="facts">
          <div><dt>Stored (ssh-ed25519)</dt><dd class="mono">${STORED}</dd></div>
          <div><dt>Presented now</dt><dd class="mono">${PRESENTED}</dd></div>
        </dl>
        <div class="field">
          <label class="field__label" for="hostkey-reason">How was the new key confirmed?</label>
          <textarea id="hostkey-reason" class="input input--area"></textarea>
        </div>
        <div class="dialog__actions">
          <button type="button" class="button">Cancel</button>
          <button type="submit" class="button button--danger">Replace stored key</button>
        </div>
      </form>
    </div>
  </dialog>`;

/** The fix either dialog needs: one fact a line, and a fingerprint that may break anywhere rather than overflow. */
const FIX = `
  .dialog .facts { grid-template-columns: 1fr; }
  .dialog .facts dd.mono { overflow-wrap: anywhere; }`;

async function show(page: Page, dialog: string, width: number, fix = ''): Promise<void> {
  await page.setViewportSize({ width, height: 800 });
  await page.setContent(`<!doctype html><html lang="en"><body><div id="root"></div>${dialog}</body></html>`);
  for (const content of STYLES) await page.addStyleTag({ content });
  if (fix) await page.addStyleTag({ content: fix });
  await page.evaluate(() => document.querySelector('dialog')!.showModal());
}

for (const width of [1280, 1440]) {
  test(`the detector finds the trust dialog's fingerprint overflowing at b2fd497 (${width} wide)`, async ({
    page,
  }, testInfo) => {
    await show(page, trustDialog, width);
    await page.screenshot({ path: testInfo.outputPath(`trust-b2fd497-${width}.png`) });
    const overflows = await findOverflows(page);
    const lines = overflows.map(describeOverflow);
    expect(lines.join('\n')).toContain('dd.mono[data-testid=hostkey-fingerprint]');
    expect(overflows).toContainEqual(
      expect.objectContaining({ kind: 'content sticks out', element: expect.stringContaining(PRESENTED) }),
    );
    // The dialog itself then scrolls sideways: the fingerprint's end is behind its scrollbar.
    expect(overflows).toContainEqual(
      expect.objectContaining({
        kind: 'scrolls sideways',
        element: expect.stringMatching(/^dialog\.dialog/),
      }),
    );
  });

  test(`the detector finds the replace dialog's fingerprints drawn over each other at b2fd497 (${width} wide)`, async ({
    page,
  }, testInfo) => {
    await show(page, replaceDialog, width);
    await page.screenshot({ path: testInfo.outputPath(`replace-b2fd497-${width}.png`) });
    const overflows = await findOverflows(page);
    for (const fingerprint of [STORED, PRESENTED]) {
      expect(overflows).toContainEqual(
        expect.objectContaining({
          kind: 'content sticks out',
          element: expect.stringContaining(fingerprint),
        }),
      );
    }
  });

  test(`the detector passes both dialogs once fixed (${width} wide)`, async ({ page }, testInfo) => {
    for (const [name, dialog] of [
      ['trust', trustDialog],
      ['replace', replaceDialog],
    ] as const) {
      await show(page, dialog, width, FIX);
      await page.screenshot({ path: testInfo.outputPath(`${name}-fixed-${width}.png`) });
      expect((await findOverflows(page)).map(describeOverflow), `${name} dialog, fixed`).toEqual([]);
    }
  });
}
