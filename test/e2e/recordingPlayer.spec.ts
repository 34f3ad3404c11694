import { readFile } from 'node:fs/promises';
import { asciinemaCat } from '../support/asciinema.ts';
import { orgNumber } from '../support/orgNumbers.ts';
import { startSshd, type SshdFixture } from '../support/sshd/sshdFixture.ts';
import type { Locator } from '@playwright/test';
import { callStore, expect, test } from './support/lotsenServer.ts';
import { openOnReadyTicket } from './support/readyTicket.ts';

const VAXJO = { name: 'Växjö kommun', orgNumber: orgNumber('212000', 82) };
/** Seconds the recorded command sits quiet between its two lines. */
const QUIET = 12;

let sshd: SshdFixture;
test.beforeAll(async () => {
  sshd = await startSshd();
});
test.afterAll(async () => sshd?.stop());

/** `0:01:05` as seconds. */
const seconds = (clock: string) => clock.split(':').reduce((total, part) => total * 60 + Number(part), 0);
/** The player's position and the recording's duration, in seconds, as it shows them ("0:00:05 / 0:00:14"). */
async function shownTime(player: Locator): Promise<{ at: number; duration: number }> {
  const text = (await player.getByTestId('player-time').textContent()) ?? '';
  const [at, duration] = text.split('/').map((part) => seconds(part.trim()));
  return { at: at!, duration: duration! };
}

test('the recording player: reached from the ticket timeline, it pauses, seeks, shows the duration and exports, audited', async ({
  page,
  lotsen,
}, testInfo) => {
  test.setTimeout(120_000);
  await openOnReadyTicket(page, lotsen, sshd, VAXJO);

  // A session for the ticket that prints a line, sits quiet, and prints another. The shell computes the numbers, so
  // the command line it echoes does not hold the lines it prints.
  await page.getByRole('link', { name: /^Tickets/ }).click();
  await page.getByTestId('ticket-row').getByRole('link', { name: 'WAP svarar inte' }).click();
  await page.getByRole('button', { name: `Connect to WAP ${sshd.host}` }).click();
  await page
    .getByRole('dialog', { name: `Connect to ${sshd.host}` })
    .getByRole('button', { name: 'Connect', exact: true })
    .click();
  await page
    .getByRole('dialog', { name: 'Trust this server?' })
    .getByRole('button', { name: 'Trust and connect' })
    .click();
  const terminal = page.getByRole('region', { name: /^Terminal:/ });
  // Typed once the shell's prompt is there, so no keystroke goes before the shell reads them.
  await expect(terminal).toContainText(/\$\s*$/);
  await terminal.click();
  await page.keyboard.type(`echo first-$((6*7)); sleep ${QUIET}; echo last-$((6*7))`);
  await page.keyboard.press('Enter');
  await expect(terminal).toContainText('last-42', { timeout: (QUIET + 10) * 1000 });
  await page.getByRole('button', { name: 'Close session' }).click();
  await expect(page.getByRole('tab', { name: new RegExp(`^${VAXJO.name} · WAP`) })).toContainText('Closed');

  // The ticket's timeline names the session as its tab was, and its link opens that very recording.
  await page.goBack();
  const sessionItem = page.getByRole('list', { name: 'Timeline' }).locator('[data-kind="session"]');
  await expect(sessionItem).toContainText(`Session ${VAXJO.name} · WAP`);
  await sessionItem.getByRole('link', { name: 'Play the recording' }).click();
  const [recording] = await callStore(lotsen.home, 'recordings.list', {});
  await expect(page).toHaveURL(new RegExp(`#/recordings/${recording!.id}$`));
  const player = page.getByRole('dialog', { name: `Recording: ${VAXJO.name} · WAP` });
  const screen = player.getByRole('region', { name: 'Recording playback' });

  // It plays at once; the duration is the recording's whole length, quiet stretch included.
  await expect(player.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(screen).toContainText('first-42');
  const { duration } = await shownTime(player);
  expect(duration).toBeGreaterThanOrEqual(QUIET);
  expect(duration).toBeLessThan(QUIET + 30);

  // Paused, time stands still.
  await player.getByRole('button', { name: 'Pause' }).click();
  await expect(player.getByRole('button', { name: 'Play' })).toBeVisible();
  const paused = await shownTime(player);
  await page.waitForTimeout(1_500);
  expect(await shownTime(player)).toEqual(paused);
  await page.screenshot({ path: testInfo.outputPath('01-paused.png') });

  // Seeking: Home and End on the slider go to either end; ← and → move 5 seconds; the screen follows both ways.
  const slider = player.getByRole('slider', { name: 'Position in the recording' });
  await slider.focus();
  await page.keyboard.press('End');
  await expect(player.getByTestId('player-time')).toHaveText(`${clock(duration)} / ${clock(duration)}`);
  await expect(screen).toContainText('last-42');
  await expect(player).toContainText('End of recording');
  await page.keyboard.press('ArrowLeft');
  expect(await shownTime(player)).toEqual({ at: duration - 5, duration });
  // Five seconds before the end is inside the quiet stretch: the last line is not written yet.
  await expect(screen).toContainText('first-42');
  await expect(screen).not.toContainText('last-42');
  await page.keyboard.press('Home');
  await expect(player.getByTestId('player-time')).toHaveText(`0:00:00 / ${clock(duration)}`);
  await expect(screen).not.toContainText('first-42');
  await page.keyboard.press('ArrowRight');
  expect(await shownTime(player)).toEqual({ at: 5, duration });

  // Space plays and pauses (from the screen as well as from the slider).
  await screen.focus();
  await page.keyboard.press(' ');
  await expect(player.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(async () => (await shownTime(player)).at).toBeGreaterThan(5);
  await page.keyboard.press(' ');
  await expect(player.getByRole('button', { name: 'Play' })).toBeVisible();
  const pausedAgain = await shownTime(player);
  await page.waitForTimeout(1_200);
  expect(await shownTime(player)).toEqual(pausedAgain);

  // Faster: at 8× the quiet stretch (cut to 2 s) and the rest play through well within the time a 1× run takes.
  await player.getByLabel('Speed').selectOption('8');
  await player.getByRole('button', { name: 'Play' }).click();
  await expect(player).toContainText('End of recording', { timeout: 5_000 });
  await expect(screen).toContainText('last-42');
  await expect(player.getByRole('button', { name: 'Play again' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('02-ended.png') });

  // Export: a .cast file the real asciinema plays, and the export in the audit log, naming the file.
  const downloading = page.waitForEvent('download');
  await player.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^lotsen-recording-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.cast$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const cast = await readFile(file, 'utf8');
  expect(JSON.parse(cast.split('\n')[0]!)).toMatchObject({ version: 2 });
  expect(await asciinemaCat(file)).toContain('last-42');
  await expect(player.getByRole('status')).toContainText(`Exported ${download.suggestedFilename()}`);
  const audited = await callStore(lotsen.home, 'audit.list', { event: 'recording.exported' });
  expect(audited).toEqual([
    expect.objectContaining({
      subjectId: recording!.id,
      details: expect.objectContaining({
        file: download.suggestedFilename(),
        bytes: Buffer.byteLength(cast),
        sessionId: recording!.sessionId,
      }),
    }),
  ]);

  // Esc closes the player and leaves the deep link for the list.
  await page.keyboard.press('Escape');
  await expect(player).toHaveCount(0);
  await expect(page).toHaveURL(/#\/recordings$/);
  await expect(page.getByRole('button', { name: `Play recording of ${VAXJO.name} · WAP` })).toBeVisible();
});

/** Seconds as the player writes them: `0:00:14`. */
function clock(s: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}
