import { orgNumber } from '../support/orgNumbers.ts';
import { adfsOnRecord, standardAccess } from '../support/readyCustomerFile.ts';
import { startSshd, type SshdFixture } from '../support/sshd/sshdFixture.ts';
import { lookAtWidths } from './support/layout.ts';
import { openOnReadyTicket } from './support/readyTicket.ts';
import { callStore, expect, test, USER } from './support/lotsenServer.ts';
import { importReadyCustomer } from './support/readyCustomer.ts';

const VAXJO = { name: 'Växjö kommun', orgNumber: orgNumber('212000', 82) };
/** The smallest PNG: a 1×1 transparent pixel. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let sshd: SshdFixture;
test.beforeAll(async () => {
  sshd = await startSshd();
});
test.afterAll(async () => sshd?.stop());

test('a ticket page: connect from it, and its session, recording and time show in its timeline', async ({
  page,
  lotsen,
}, testInfo) => {
  await openOnReadyTicket(page, lotsen, sshd, VAXJO);

  // The subject in the list is the way to the ticket's page; so is the customer page's list of its tickets.
  await page.getByRole('link', { name: VAXJO.name }).click();
  const customerTickets = page.getByRole('table', { name: `Tickets of ${VAXJO.name}` });
  await expect(customerTickets.getByRole('link', { name: 'WAP svarar inte' })).toBeVisible();
  await page.getByRole('link', { name: /^Tickets/ }).click();
  await page.getByTestId('ticket-row').getByRole('link', { name: 'WAP svarar inte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'WAP svarar inte' })).toBeVisible();
  await expect(page.getByTestId('first-response')).toContainText('No first response recorded yet');
  await expect(page.getByTestId('ticket-verdict')).toContainText('Eligible');

  // Assigned to a member: in the embedded store, its one user.
  await page.getByLabel('Assign the ticket').selectOption({ label: USER.name });
  await expect(page.getByLabel('Assign the ticket').locator('option:checked')).toHaveText(USER.name);

  // Connect from the ticket: the connect dialog opens with this ticket chosen.
  await page.getByRole('button', { name: `Connect to WAP ${sshd.host}` }).click();
  const dialog = page.getByRole('dialog', { name: `Connect to ${sshd.host}` });
  await expect(dialog.getByLabel('Ticket').locator('option:checked')).toContainText('WAP svarar inte');
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  const trust = page.getByRole('dialog', { name: 'Trust this server?' });
  await trust.getByRole('button', { name: 'Trust and connect' }).click();
  // Tabs are named by customer and server role.
  const tab = page.getByRole('tab', { name: new RegExp(`^${VAXJO.name} · WAP`) });
  await expect(tab).toContainText('Open');
  const terminal = page.getByRole('region', { name: /^Terminal:/ });
  await terminal.click();
  await page.keyboard.type('echo ticket-$((6*7))');
  await page.keyboard.press('Enter');
  await expect(terminal).toContainText('ticket-42');
  await page.getByRole('button', { name: 'Close session' }).click();
  await expect(tab).toContainText('Closed');

  // Back on the ticket: the session opened it, so it is the first response; the session, its recording and its time
  // are in the timeline, with the ticket's time.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'WAP svarar inte' })).toBeVisible();
  await expect(page.getByTestId('first-response')).toContainText('when session');
  const timeline = page.getByRole('list', { name: 'Timeline' });
  const sessionItem = timeline.locator('[data-kind="session"]');
  // Named as its tab was, by customer and server role, not by the user@host it connected to.
  await expect(sessionItem).toContainText(`Session ${VAXJO.name} · WAP`);
  await expect(sessionItem).toContainText('closed');
  await expect(sessionItem.getByRole('link', { name: 'Play the recording' })).toBeVisible();
  const [entry] = await callStore(lotsen.home, 'time.list', {});
  expect(entry).toMatchObject({ source: 'session', endedAt: expect.any(Number) });
  await expect(timeline.locator('[data-kind="time"]')).toContainText(`Time logged by ${USER.name} (session)`);
  await expect(page.getByTestId('ticket-time')).toContainText('Time on the ticket:');
  await expect(timeline.locator('[data-kind="status"]').first()).toContainText('Ticket recorded as Open');

  // A note, kept with the ticket.
  await page.getByLabel('New note').fill('Startade om WAP-tjänsten; inloggningen fungerar igen.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(timeline.locator('[data-kind="note"]')).toContainText('Startade om WAP-tjänsten');
  await expect(page.getByLabel('New note')).toHaveValue('');

  // A screenshot: a text file is refused before it is sent; a PNG is attached and shown.
  const fileInput = page.locator('input[type="file"]');
  await fileInput.setInputFiles({
    name: 'fel.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('inte en bild'),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'Only PNG and JPEG images' })).toBeVisible();
  await fileInput.setInputFiles({ name: 'fel.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByRole('img', { name: /^Screenshot attached/ })).toBeVisible();
  await expect(page.getByTestId('ticket-completeness')).not.toContainText('a screenshot of the error');

  await lookAtWidths(page, testInfo, 'ticket-page');
});

test('"Record first response" is an explicit action that says what it did', async ({ page, lotsen }) => {
  await importReadyCustomer(lotsen, {
    customer: VAXJO,
    production: { access: standardAccess, servers: [adfsOnRecord] },
    withTicket: true,
  });
  await page.goto(lotsen.url);
  await page.getByRole('link', { name: /^Tickets/ }).click();
  await page.getByRole('link', { name: 'WAP svarar inte' }).click();
  await page.getByRole('button', { name: 'Record first response' }).click();
  await expect(page.getByRole('status')).toContainText('First response recorded for “WAP svarar inte” at');
  await expect(page.getByTestId('first-response')).toContainText('First response:');
  await expect(page.getByRole('button', { name: 'Record first response' })).toHaveCount(0);
});
