import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TicketView } from '../../../common/tickets/model.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import { dataFiles } from '../../../main/app/dataDir.node.ts';
import { recordingChunksFile } from '../../../main/store/recordingChunksFile.node.ts';
import { recordingsWithoutOutput } from '../../../main/sessions/recording/recordingRepository.ts';
import { PURGED_TEXT } from '../../../main/personalData/personalDataKeys.ts';
import { exportRecordingAudited } from '../../../main/sessions/recording/auditedExport.node.ts';
import { loadDatabaseKey } from '../../../main/vault/databaseKey.node.ts';
import { keychain } from '../../../main/vault/keychain.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { prepareBillingCustomer } from '../../support/billingCustomer.ts';
import { parseCsv } from '../../support/csvParse.ts';
import { decryptedStorePages } from '../../support/decryptedStorePages.ts';
import { openPassphraseBackend, TEST_PASSPHRASE } from '../../support/passphraseBackend.ts';
import { fileTicket, setTicketStatus } from '../../support/ticketLife.ts';

/*
 * The summer purge end to end, as issue 11 asks: a year of tickets for two customers with agreements, local terminal
 * sessions with recordings, time, approved months and their exports. Every requester's name, e-mail and ticket text
 * is first found where it should be (the API, each month's export, each recording), then the purge runs as of
 * 1 July, and none of it is left: not in the decrypted pages of the store file (free pages included), not in any
 * re-export, not in any recording. The audit chain still verifies and each month's export totals are unchanged.
 *
 * The file-level and re-export checks need the personal fields sealed under their tickets' keys (the tickets and
 * books parts of issue 11); they are soft assertions, so a run lists every one that does not hold yet.
 */

const at = (iso: string) => Date.parse(iso);
const clock = { now: at('2026-07-05T09:00:00+02:00') };
const months = [
  '2026-08',
  '2026-09',
  '2026-10',
  '2026-11',
  '2026-12',
  '2027-01',
  '2027-02',
  '2027-03',
  '2027-04',
  '2027-05',
];

interface Person {
  tag: string;
  ticket: TicketView;
  /** Every personal text of the ticket, each unique to it. */
  name: string;
  email: string;
  subject: string;
  description: string;
  note: string;
  /** What was typed in its session, when it had one. */
  typed: string | null;
  month: string;
}

let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
let call: ReturnType<typeof apiCaller>;
const output = new Map<string, string>();
const people: Person[] = [];
const kept: Person[] = [];
const recordingIds: string[] = [];
const exportsBefore = new Map<string, string>();

async function waitForOutput(sessionId: string, text: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(output.get(sessionId) ?? '').includes(text)) {
    if (Date.now() > deadline) throw new Error(`the session never printed ${text}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function csvExport(month: string): Promise<string> {
  const result = await call.ok('billing.export', { month, format: 'csv' });
  return Buffer.from(result.contentBase64, 'base64').toString('utf8');
}

/** Total billed minutes and öre of an export's detail rows. */
function totals(csv: string) {
  const [header, ...rows] = parseCsv(csv);
  const minutes = header!.indexOf('Billed minutes');
  const amount = header!.indexOf('Amount (SEK)');
  return {
    rows: rows.length,
    billedMinutes: rows.reduce((sum, r) => sum + Number(r[minutes]), 0),
    amountOre: rows.reduce((sum, r) => sum + Math.round(Number(r[amount]) * 100), 0),
  };
}

async function storePages(): Promise<string> {
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(opened.backend.registryContext().db);
  const key = await loadDatabaseKey(opened.dataDir, {
    keyStore: 'passphrase',
    passphrase: TEST_PASSPHRASE,
    keychain,
  });
  return (await decryptedStorePages(dataFiles.database(opened.dataDir), key)).toString('utf8');
}

const texts = (p: Person) => [
  p.name,
  p.email,
  p.subject,
  p.description,
  p.note,
  ...(p.typed ? [p.typed] : []),
];

beforeAll(async () => {
  opened = await openPassphraseBackend({ now: () => clock.now });
  call = apiCaller(createApi(opened.backend, () => undefined, { shell: '/bin/sh' }));
  const decoders = new Map<string, TextDecoder>();
  opened.backend.on('terminal.output', ({ sessionId, data }) => {
    const decoder = decoders.get(sessionId) ?? new TextDecoder();
    decoders.set(sessionId, decoder);
    output.set(sessionId, (output.get(sessionId) ?? '') + decoder.decode(data, { stream: true }));
    void call.ok('sessions.ack', { sessionId, bytes: data.length });
  });
  const receivedAt = at('2026-07-06T08:00:00+02:00');
  const customers = [
    { letter: 'V', prepared: await prepareBillingCustomer(call, { receivedAt }) },
    {
      letter: 'L',
      prepared: await prepareBillingCustomer(call, { name: 'Lunds kommun', serial: 121, receivedAt }),
    },
  ];

  const file = async (
    letter: string,
    prepared: (typeof customers)[number]['prepared'],
    month: string,
    day: string,
  ) => {
    const tag = `${letter}${month.replace('-', '')}${day}`;
    clock.now = at(`${month}-${day}T09:00:00+01:00`);
    const person = {
      tag,
      month,
      name: `Greta Lindholm-${tag}`,
      email: `greta.lindholm.${tag.toLowerCase()}@skola.se`,
      subject: `Elev ${tag} i klass 5B når inte Skolportalen`,
      description: `Personnummer 20150312-${tag}, Norrskolan, grupp Ma5B`,
      note: `Ringde Greta om eleven ${tag}`,
      typed: null as string | null,
    };
    const ticket = await fileTicket(call, {
      customerId: prepared.customer.id,
      environmentId: prepared.environment.id,
      requesterName: person.name,
      requesterEmail: person.email,
      subject: person.subject,
      description: person.description,
      externalRef: `HD-${tag}`,
      receivedAt: clock.now,
    });
    clock.now += 3600_000;
    const entry = await call.ok('time.addManual', {
      ticketId: ticket.id,
      startedAt: clock.now,
      endedAt: clock.now + 45 * 60_000,
      note: person.note,
    });
    await call.ok('time.classify', {
      entryId: entry.id,
      rowVersion: entry.rowVersion,
      classification: 'billable',
      workType: 'configuration_change',
    });
    return { ...person, ticket };
  };

  for (const { letter, prepared } of customers) {
    for (const month of months) {
      const person = await file(letter, prepared, month, '10');
      if (month === '2026-09') {
        // A local terminal session on the ticket: what is typed there is recorded.
        person.typed = `skrev-${person.tag}-till-${person.name.split(' ')[0]}`;
        clock.now = at('2026-09-10T13:00:00+02:00');
        const session = await call.ok('sessions.open', {
          ticketId: person.ticket.id,
          environmentId: prepared.environment.id,
          kind: 'local',
          overrideReason: 'Lokal terminal för felsökning av inloggningen i testet.',
        });
        await call.ok('sessions.input', { sessionId: session.id, data: `echo ${person.typed}\n` });
        await waitForOutput(session.id, `${person.typed}\r\n`);
        clock.now += 20 * 60_000;
        const closed = await call.ok('sessions.close', { sessionId: session.id });
        recordingIds.push(closed.recordingId!);
        const [sessionEntry] = (await call.ok('time.list', { ticketId: person.ticket.id })).filter(
          (e) => e.sessionId === session.id,
        );
        await call.ok('time.classify', {
          entryId: sessionEntry!.id,
          rowVersion: sessionEntry!.rowVersion,
          classification: 'included',
        });
      }
      clock.now = at(`${month}-12T15:00:00+01:00`);
      people.push({
        ...person,
        // As stored now: a session on it recorded the first response, which moved its version.
        ticket: await setTicketStatus(
          call,
          await call.ok('tickets.get', { id: person.ticket.id }),
          month === '2026-10' ? 'resolved' : 'closed',
        ),
      });
    }
    // Closed in the last 30 days before the purge, and still open: both stay.
    const recent = await file(letter, prepared, '2027-06', '05');
    clock.now = at('2027-06-10T15:00:00+02:00');
    kept.push({ ...recent, ticket: await setTicketStatus(call, recent.ticket, 'closed') });
    kept.push(await file(letter, prepared, '2027-03', '20'));
  }

  clock.now = at('2027-06-20T10:00:00+02:00');
  for (const { prepared } of customers) {
    for (const month of months)
      await call.ok('billing.approveMonth', { month, customerId: prepared.customer.id });
  }
  for (const month of months) exportsBefore.set(month, await csvExport(month));
}, 120_000);
afterAll(async () => opened?.cleanup());

describe('the summer purge, end to end', () => {
  test('on 1 July the purge removes every purged requester from the store file, the exports and the recordings', async () => {
    // First, everything is found where it should be.
    for (const p of people) {
      const view = await call.ok('tickets.get', { id: p.ticket.id });
      expect([view.requesterName, view.requesterEmail, view.subject, view.description]).toEqual([
        p.name,
        p.email,
        p.subject,
        p.description,
      ]);
      const csv = exportsBefore.get(p.month)!;
      expect(csv).toContain(p.subject);
      expect(csv).toContain(p.note);
    }
    const castsBefore = [];
    for (const [i, id] of recordingIds.entries()) {
      const out = join(opened.dataDir, `before-${i}.cast`);
      await exportRecordingAudited(opened.backend, id, out);
      castsBefore.push(await readFile(out, 'utf8'));
    }
    for (const p of people.filter((q) => q.typed)) expect(castsBefore.join('')).toContain(p.typed);
    const recordingKeysBefore = await opened.backend
      .registryContext()
      .db.selectFrom('secret_data_keys')
      .select('owner_id')
      .where('owner_kind', '=', 'recording')
      .execute();
    expect(recordingKeysBefore.map((k) => k.owner_id).sort()).toEqual([...recordingIds].sort());

    clock.now = at('2027-07-01T09:00:00+02:00');
    const preview = await call.ok('retention.preview', { date: '2027-07-01' });
    expect(preview.tickets.map((t) => t.ticketId).sort()).toEqual(people.map((p) => p.ticket.id).sort());
    expect(preview.customers.map((c) => c.tickets)).toEqual([10, 10]);
    const run = await call.ok('retention.purge', {});
    expect(run).toMatchObject({ purgeDate: '2027-07-01', tickets: 20, recordings: 2 });
    expect((await stat(`${dataFiles.database(opened.dataDir)}-wal`)).size).toBe(0);
    expect((await stat(`${recordingChunksFile(dataFiles.database(opened.dataDir))}-wal`)).size).toBe(0);
    const sealedChunksLeft = await opened.backend
      .registryContext()
      .db.selectFrom('recording_chunks')
      .select('recording_id')
      .where('recording_id', 'in', recordingIds)
      .execute();
    expect(sealedChunksLeft).toEqual([]);
    // A purge's emptied recordings are not taken for a lost recordings' file (`lotsen doctor`'s question).
    expect(await recordingsWithoutOutput(opened.backend.registryContext().db)).toEqual([]);

    // The audit chain and the books are as they were.
    expect(await call.ok('audit.verify', {})).toMatchObject({ intact: true });
    for (const month of months) {
      const after = await csvExport(month);
      expect(totals(after)).toEqual(totals(exportsBefore.get(month)!));
      for (const p of people.filter((q) => q.month === month)) {
        expect.soft(after, `re-export of ${month} still holds ${p.tag}'s subject`).not.toContain(p.subject);
        expect.soft(after, `re-export of ${month} still holds ${p.tag}'s note`).not.toContain(p.note);
      }
      expect.soft(after.includes(PURGED_TEXT), `re-export of ${month} reads ${PURGED_TEXT}`).toBe(true);
    }

    // The recordings hold no output any more, and their data keys are gone with it (a copy of a batch opens nowhere).
    const recordingKeys = await opened.backend
      .registryContext()
      .db.selectFrom('secret_data_keys')
      .select('owner_id')
      .where('owner_kind', '=', 'recording')
      .where('owner_id', 'in', recordingIds)
      .execute();
    expect(recordingKeys).toEqual([]);
    for (const [i, id] of recordingIds.entries()) {
      const out = join(opened.dataDir, `after-${i}.cast`);
      await exportRecordingAudited(opened.backend, id, out);
      const cast = await readFile(out, 'utf8');
      for (const p of people) if (p.typed) expect(cast).not.toContain(p.typed);
    }

    // Tickets kept by the rule read as before; purged ones read as purged through the API.
    for (const p of kept) {
      expect((await call.ok('tickets.get', { id: p.ticket.id })).requesterName).toBe(p.name);
    }
    for (const p of people) {
      const view = await call.ok('tickets.get', { id: p.ticket.id });
      expect.soft(view.requesterName, `the API still shows ${p.tag}'s requester`).toBe(PURGED_TEXT);
    }

    // Nothing of a purged ticket is left anywhere in the store file, free pages included.
    const pagesAfter = await storePages();
    for (const p of people) {
      const left = texts(p).filter((text) => pagesAfter.includes(text));
      expect.soft(left, `the store file still holds ${p.tag}'s personal data`).toEqual([]);
    }
  }, 60_000);
});
