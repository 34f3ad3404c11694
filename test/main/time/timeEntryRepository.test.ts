import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { openBrowserSession, type BrowserSessionClient } from '../../support/browserSession.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { testDataSource } from '../../support/postgres/testTeam.ts';
import { createCustomerWithEnvironment } from '../../support/preparedCustomer.ts';
import { cliEnv, runCli } from '../../support/runCli.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

describe('time entries', () => {
  let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
  let call: ReturnType<typeof apiCaller>;
  let now = Date.parse('2026-11-20T09:00:00+01:00');
  beforeEach(async () => {
    now = Date.parse('2026-11-20T09:00:00+01:00');
    opened = await openPassphraseBackend({ now: () => now });
    call = apiCaller(createApi(opened.backend));
  });
  afterEach(async () => opened.cleanup());

  async function twoTickets() {
    const { customer } = await createCustomerWithEnvironment(call);
    const ticket = (subject: string) =>
      call.ok('tickets.save', {
        ticket: {
          customerId: customer.id,
          requesterName: 'Åsa',
          requesterEmail: 'asa.oberg@vaxjo.se',
          subject,
          receivedAt: now - 3_600_000,
        },
      });
    return [await ticket('Inloggning'), await ticket('Synk')] as const;
  }

  test('a timer runs until stopped; starting another stops the first (one running timer per technician)', async () => {
    const [first, second] = await twoTickets();
    const started = await call.ok('time.startTimer', { ticketId: first.id, note: 'felsöker WAP' });
    expect(started).toMatchObject({
      ticketId: first.id,
      source: 'timer',
      startedAt: now,
      endedAt: null,
      actualSeconds: null,
      classification: 'unclassified',
    });
    expect(await call.ok('time.runningTimer', {})).toEqual(started);

    now += 45 * 60_000;
    const next = await call.ok('time.startTimer', { ticketId: second.id });
    expect(next.ticketId).toBe(second.id);
    now += 5 * 60_000;
    expect(await call.ok('time.stopTimer', {})).toMatchObject({ id: next.id, actualSeconds: 300 });
    expect(await call.ok('time.runningTimer', {})).toBeNull();
    expect(await call.ok('time.stopTimer', {})).toBeNull();

    const entries = await call.ok('time.list', {});
    expect(entries.map((e) => [e.ticketSubject, e.actualSeconds])).toEqual([
      ['Inloggning', 45 * 60],
      ['Synk', 5 * 60],
    ]);
  });

  test('manual entries are checked; a ticket with logged time cannot be deleted', async () => {
    const [ticket] = await twoTickets();
    const bad = await call.fails('time.addManual', { ticketId: ticket.id, startedAt: now, endedAt: now - 1 });
    expect(bad.details?.issues).toEqual([{ path: 'endedAt', message: 'The end must be after the start' }]);
    const entry = await call.ok('time.addManual', {
      ticketId: ticket.id,
      startedAt: now,
      endedAt: now + 30 * 60_000,
      note: 'telefon',
    });
    expect(entry).toMatchObject({ source: 'manual', actualSeconds: 1800, note: 'telefon' });
    const refused = await call.fails('tickets.delete', { id: ticket.id });
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('logged time') });
  });

  test('the list comes in pages: a full page goes on after its last entry; a page has a bound', async () => {
    const [first, second] = await twoTickets();
    // Two entries share a start, so the page boundary must fall between them by id.
    const starts = [0, 1, 1, 2, 3].map((h) => now - 10 * 3_600_000 + h * 3_600_000);
    for (const [i, start] of starts.entries()) {
      await call.ok('time.addManual', {
        ticketId: i % 2 === 0 ? first.id : second.id,
        startedAt: start,
        endedAt: start + 600_000,
        note: `entry ${i}`,
      });
    }
    const all = await call.ok('time.list', {});
    expect(all.map((e) => e.startedAt)).toEqual(starts);
    const pages: string[][] = [];
    let after: { startedAt: number; id: string } | undefined;
    for (;;) {
      const page = await call.ok('time.list', { limit: 2, ...(after ? { after } : {}) });
      if (page.length === 0) break;
      pages.push(page.map((e) => e.id));
      const last = page.at(-1)!;
      after = { startedAt: last.startedAt, id: last.id };
    }
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(all.map((e) => e.id));
    // Filters hold across pages.
    const firstOnly = await call.ok('time.list', {
      ticketId: first.id,
      limit: 2,
      after: { startedAt: starts[0]!, id: all[0]!.id },
    });
    expect(firstOnly.map((e) => e.note)).toEqual(['entry 2', 'entry 4']);

    const tooMany = await call.fails('time.list', { limit: 2_001 });
    expect(tooMany).toMatchObject({ code: 'VALIDATION' });
    expect(tooMany.details?.issues).toEqual([
      { path: 'limit', message: 'A page holds at most 2000 entries; ask for the next one with after' },
    ]);
    const backwards = await call.fails('time.list', { from: starts[1]!, to: starts[0]! });
    expect(backwards.details?.issues).toEqual([
      { path: 'to', message: 'The end of the period must come after its start' },
    ]);
  });
});

// The CLI's own store, embedded whatever the run's data source: the team project would only run it twice.
describe.skipIf(testDataSource() === 'team')('a running timer and a crash', () => {
  const bin = fileURLToPath(new URL('../../../bin/lotsen.js', import.meta.url));
  let home: Awaited<ReturnType<typeof makeTempDataDir>>;
  let server: ChildProcess | null = null;
  beforeEach(async () => {
    home = await makeTempDataDir('lotsen-timer-');
  });
  afterEach(async () => {
    server?.kill('SIGKILL');
    await home.cleanup();
  });

  async function serve(): Promise<BrowserSessionClient> {
    server = spawn(process.execPath, [bin, 'serve', '--port', '0'], { env: cliEnv(home.dir) });
    const url = await new Promise<string>((resolve, reject) => {
      let seen = '';
      server!.stdout!.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        const match = /Lotsen is running at (\S+)/.exec(seen);
        if (match) resolve(match[1]!);
      });
      server!.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    return openBrowserSession(url);
  }

  async function callOverWebSocket(
    at: BrowserSessionClient,
    method: string,
    input: unknown,
  ): Promise<unknown> {
    const socket = await at.connect();
    const answer = new Promise<unknown>((resolve) =>
      socket.on('message', (data) => {
        const message = JSON.parse(String(data));
        if (message.type === 'result') resolve(message.result);
      }),
    );
    socket.send(JSON.stringify({ type: 'call', id: 1, method, input }));
    const result = await answer;
    socket.close();
    return result;
  }

  test('SIGKILL of the backend while a timer runs keeps the timer and its start after a restart', async () => {
    const env = cliEnv(home.dir);
    expect(
      (await runCli(['init', '--name', 'Tekla', '--email', 't@l.se', '--role', 'technician'], env)).code,
    ).toBe(0);
    expect(
      (
        await runCli(
          [
            'customers',
            'add',
            '--name',
            'Växjö kommun',
            '--org-number',
            '212000-0704',
            '--kind',
            'municipality',
          ],
          env,
        )
      ).code,
    ).toBe(0);

    let at = await serve();
    const [customer] = (
      (await callOverWebSocket(at, 'registry.listCustomers', {})) as { value: { id: string }[] }
    ).value;
    const ticket = (await callOverWebSocket(at, 'tickets.save', {
      ticket: {
        customerId: customer!.id,
        requesterName: 'Åsa',
        requesterEmail: 'asa@vaxjo.se',
        subject: 'Nere',
        receivedAt: Date.now(),
      },
    })) as { value: { id: string } };
    const started = (await callOverWebSocket(at, 'time.startTimer', { ticketId: ticket.value.id })) as {
      ok: boolean;
      value: { startedAt: number };
    };
    expect(started.ok).toBe(true);

    const killed = new Promise((resolve) => server!.once('exit', resolve));
    server!.kill('SIGKILL');
    await killed;

    at = await serve();
    const running = (await callOverWebSocket(at, 'time.runningTimer', {})) as {
      value: { startedAt: number; endedAt: number | null };
    };
    expect(running.value).toMatchObject({ startedAt: started.value.startedAt, endedAt: null });
  });
});
