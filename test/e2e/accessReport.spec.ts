import { readFile } from 'node:fs/promises';
import type { EventName, EventPayload } from '../../common/api/contract.ts';
import { createApi } from '../../main/api/createApi.node.ts';
import { Backend } from '../../main/app/backend.node.ts';
import { parseCsv } from '../support/csvParse.ts';
import { orgNumber } from '../support/orgNumbers.ts';
import { callStore, expect, PASSPHRASE, test, USER } from './support/lotsenServer.ts';
import { importReadyCustomer } from './support/readyCustomer.ts';

const KALMAR = { name: 'Kalmar kommun', orgNumber: orgNumber('212000', 83) };
/** Host names as long as real ones get in a municipality's identity platform. */
const HOSTS = [
  'adfs01-produktion.identitet.skolplattform.kalmar.kommun.se',
  'wap01-dmz-extern-publicering.identitet.skolplattform.kalmar.kommun.se',
  'sync02-elevregister-och-personalkatalog.integration.kalmar.kommun.se',
];
const ACCOUNT = 'svc_leverantor_fjarrsupport_identitet';
/** Stands in for a VPN client that does not come up: each SSH session fails there, before any host is looked up. */
const FAILING_VPN = 'echo "vpn: ingen anslutning till vpn.kalmar.se"; exit 3';

/**
 * Sessions as technicians leave them, opened through the real API beside the running server: local terminals that
 * open and close, and SSH sessions whose VPN command fails (so no DNS lookup of the long names is ever made).
 */
async function workOnCustomer(home: string, localSessions: number, failedPerHost: number) {
  const backend = await Backend.open({ dataDir: home });
  try {
    const api = createApi(backend, () => undefined, { shell: '/bin/sh' });
    await backend.unlock(PASSPHRASE);
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const result = await api.dispatch(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
      return result.value as T;
    };
    const next = <E extends EventName>(event: E, matches: (p: EventPayload<E>) => boolean) =>
      new Promise<EventPayload<E>>((resolve) => {
        const stop = backend.on(event, (payload) => {
          if (matches(payload)) {
            stop();
            resolve(payload);
          }
        });
      });
    const [customer] = await call<{ id: string }[]>('registry.listCustomers', {});
    const detail = await call<{
      environments: { id: string; servers: { id: string }[]; supportAccounts: { id: string }[] }[];
    }>('registry.getCustomer', { id: customer!.id });
    const environment = detail.environments[0]!;
    const [ticket] = await call<{ id: string }[]>('tickets.list', { customerId: customer!.id });
    await call('sessions.approvePreConnect', { environmentId: environment.id, command: FAILING_VPN });
    const account = environment.supportAccounts[0]!.id;

    for (let i = 0; i < localSessions; i++) {
      const session = await call<{ id: string }>('sessions.open', {
        ticketId: ticket!.id,
        environmentId: environment.id,
        kind: 'local',
        runPreConnect: false,
      });
      await next('sessions.changed', (s) => s.id === session.id && s.state === 'open');
      await call('sessions.close', { sessionId: session.id });
    }
    for (const server of environment.servers) {
      for (let i = 0; i < failedPerHost; i++) {
        const failed = next('sessions.changed', (s) => s.state === 'failed');
        await call('sessions.open', {
          ticketId: ticket!.id,
          environmentId: environment.id,
          kind: 'ssh',
          serverId: server.id,
          accountId: account,
        });
        await failed;
      }
    }
    await call('registry.revealSecret', { accountId: account, purpose: '' });
    return { customerId: customer!.id };
  } finally {
    await backend.close();
  }
}

test('the access report on the customer page lists a session of the month and downloads it as CSV, audited', async ({
  page,
  lotsen,
}, testInfo) => {
  test.setTimeout(180_000);
  await importReadyCustomer(lotsen, {
    customer: KALMAR,
    production: {
      access: { vpnType: 'none', method: 'ssh', preConnectCommand: FAILING_VPN },
      servers: HOSTS.map((host, i) => ({ host, role: (['adfs', 'wap', 'sync'] as const)[i]! })),
      supportAccounts: [{ username: ACCOUNT, secret: 'x-hemligt' }],
    },
    withTicket: true,
  });
  const { customerId } = await workOnCustomer(lotsen.home, 3, 6);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(lotsen.url);
  await page.getByRole('link', { name: KALMAR.name }).click();
  const section = page.getByRole('region', { name: 'Access report' });
  await section.scrollIntoViewIfNeeded();
  const sessions = section.getByRole('table', { name: 'Sessions' });
  await expect(sessions.getByRole('row')).toHaveCount(1 + 3 + 3 * 6);
  // A local terminal that was opened and closed for the ticket, by this technician.
  const local = sessions.getByRole('row').filter({ hasText: 'Local terminal' }).first();
  await expect(local).toContainText(USER.name);
  await expect(local).toContainText('HD-4711');
  await expect(local).toContainText('Closed');
  await expect(sessions.getByRole('row').filter({ hasText: HOSTS[1]! })).toHaveCount(6);
  await expect(sessions).toContainText('PRECONNECT_FAILED');
  // The ticket is named by its reference, never by its subject.
  await expect(section).not.toContainText('WAP svarar inte');
  const exportsTable = section.getByRole('table', { name: 'Exports and reveals' });
  await expect(exportsTable.getByRole('row').filter({ hasText: 'Secret revealed' })).toContainText(ACCOUNT);

  // At 1280 wide nothing makes the page scroll sideways, and no cell spills over the next.
  const layout = await page.evaluate(() => {
    const overlaps: string[] = [];
    for (const row of document.querySelectorAll('.access-report__table tr')) {
      const cells = [...row.children].map((c) => c.getBoundingClientRect());
      cells.slice(1).forEach((cell, i) => {
        if (cell.left < cells[i]!.right - 0.5) overlaps.push(row.textContent ?? '');
      });
    }
    return {
      pageScrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      overlaps,
    };
  });
  expect(layout).toEqual({ pageScrollsSideways: false, overlaps: [] });
  await page.screenshot({ path: testInfo.outputPath('01-access-report.png'), fullPage: true });

  // Download CSV: the same rows, by the browser, and the export is audited and listed at once.
  const downloading = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^access-report-${KALMAR.orgNumber}-.*\\.csv$`));
  const [header, ...rows] = parseCsv(await readFile(await download.path(), 'utf8'));
  expect(header![0]).toBe('Record');
  const sessionRows = rows.filter((r) => r[0] === 'session');
  expect(sessionRows).toHaveLength(3 + 3 * 6);
  expect(sessionRows.filter((r) => r[6] === 'local terminal' && r[10] === 'HD-4711')).toHaveLength(3);
  expect(sessionRows.filter((r) => r[6] === HOSTS[0] && r[7] === 'adfs')).toHaveLength(6);
  expect(rows.filter((r) => r[0] === 'export').map((r) => r[14])).toEqual(['Secret revealed']);
  await expect(exportsTable.getByRole('row').filter({ hasText: 'Access report exported' })).toHaveCount(1);
  const [audited] = await callStore(lotsen.home, 'audit.list', { event: 'report.access_exported' });
  expect(audited).toMatchObject({ subjectId: customerId, details: { sessions: 21, exports: 1 } });
});
