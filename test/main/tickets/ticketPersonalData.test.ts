import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { SessionView } from '../../../common/sessions/model.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import {
  destroyDataKeys,
  openPersonalText,
  PURGED_TEXT,
} from '../../../main/personalData/personalDataKeys.ts';
import { isSealed } from '../../../main/vault/sealedText.ts';
import { destroySecretKeys } from '../../../main/vault/secretVault.ts';
import { stageCastExport } from '../../../main/sessions/recording/exportCast.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { asciinemaCat } from '../../support/asciinema.ts';
import { backendStorePages } from '../../support/backendStorePages.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { createCustomerWithEnvironment } from '../../support/preparedCustomer.ts';
import { localOpenInput, prepareSessionCustomer } from '../../support/sessionCustomer.ts';
import { ticketVersion } from '../../support/storedVersion.ts';

let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
let call: ReturnType<typeof apiCaller>;
let output: Map<string, string>;
const stops: (() => void)[] = [];
beforeEach(async () => {
  opened = await openPassphraseBackend();
  call = apiCaller(createApi(opened.backend, () => undefined, { shell: '/bin/sh' }));
  output = new Map();
  stops.push(
    opened.backend.on('terminal.output', ({ sessionId, data }) => {
      output.set(sessionId, (output.get(sessionId) ?? '') + Buffer.from(data).toString('utf8'));
      void call.ok('sessions.ack', { sessionId, bytes: data.length });
    }),
  );
});
afterEach(async () => {
  while (stops.length) stops.pop()!();
  await opened.cleanup();
});

const db = () => opened.backend.registryContext().db;
const storePages = () => backendStorePages(opened.backend, opened.dataDir);
/** The texts of `texts` that the decrypted store file holds in the clear. */
const inTheClear = (pages: Buffer, texts: readonly string[]) =>
  texts.filter((text) => pages.includes(Buffer.from(text, 'utf8')));

/** Every personal field of a ticket, each a text found nowhere else. */
const personalFields = {
  requesterName: 'Ingegärd Rosenqvist',
  requesterEmail: 'Ingegard.Rosenqvist@vaxjo.se',
  subject: 'Lärarkonto låst efter byte av efternamn',
  description: 'Ingegärd heter numera Rosenqvist; kontot ingrid.svensson låstes vid synken.',
  affectedUsers: 'ingrid.svensson, elev Tova Lindgren 2011-04-03',
  schoolAndClass: 'Hovshagaskolan klass 7B',
  problemStarted: 'sedan måndag morgon efter namnbytet',
  pageLinks: 'https://skola.vaxjo.se/elev/tova-lindgren',
  browser: 'Firefox 132 på skoldatorn HOV-7B-12',
};

async function waitForOutput(sessionId: string, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!pattern.test(output.get(sessionId) ?? '')) {
    if (Date.now() > deadline) throw new Error(`no ${pattern} in the session's output`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A local terminal for a ticket that prints `text`, closed again; its recording holds the output. */
async function recordedSession(
  prepared: Awaited<ReturnType<typeof prepareSessionCustomer>>,
  text: string,
  overrideReason: string | null = null,
): Promise<SessionView> {
  const session = await call.ok('sessions.open', localOpenInput(prepared, { overrideReason }));
  // The shell prints the text only when it runs the command, so the echoed keystrokes do not match.
  await call.ok('sessions.input', { sessionId: session.id, data: `printf '%s-%s\\n' ${text} 42\n` });
  await waitForOutput(session.id, new RegExp(`${text}-42`));
  return call.ok('sessions.close', { sessionId: session.id });
}

/** Enough for a local terminal: it never connects anywhere. */
const localTarget = { host: '127.0.0.1', port: 22, username: 'svc_lotsen', secret: 'x' };

describe('personal data at rest', () => {
  test("a ticket's personal fields are sealed at rest", async () => {
    const { customer } = await createCustomerWithEnvironment(call);
    await call.ok('registry.saveContact', {
      customerId: customer.id,
      contact: { name: 'Ingegärd Rosenqvist', email: 'ingegard.rosenqvist@vaxjo.se' },
    });
    const saved = await call.ok('tickets.save', {
      ticket: { customerId: customer.id, externalRef: 'HD-5150', receivedAt: Date.now(), ...personalFields },
    });

    expect(inTheClear(await storePages(), Object.values(personalFields))).toEqual([]);
    const row = await db().selectFrom('tickets').selectAll().executeTakeFirstOrThrow();
    expect(isSealed(row.description)).toBe(true);
    expect(row.external_ref).toBe('HD-5150'); // the helpdesk's id, not personal
    // Reads open them; the requester is still matched to the named contact, whatever the case of the address.
    expect(await call.ok('tickets.get', { id: saved.id })).toMatchObject({
      ...personalFields,
      requesterIsContact: true,
    });
    expect(await call.ok('tickets.list', {})).toEqual([expect.objectContaining(personalFields)]);
  });

  test("a time entry's note is sealed at rest, under its ticket's key", async () => {
    const { customer } = await createCustomerWithEnvironment(call);
    const ticket = await call.ok('tickets.save', {
      ticket: { customerId: customer.id, receivedAt: Date.now(), ...personalFields },
    });
    const startedAt = Date.now() - 3_600_000;
    const entry = await call.ok('time.addManual', {
      ticketId: ticket.id,
      startedAt,
      endedAt: startedAt + 1_800_000,
      note: 'Ringde Ingegärd om kontot ingrid.svensson',
    });
    await call.ok('time.update', {
      id: entry.id,
      rowVersion: entry.rowVersion,
      note: 'Låste upp ingrid.svensson, bekräftat av Tova',
    });

    const pages = await storePages();
    expect(inTheClear(pages, ['Ringde Ingegärd', 'Låste upp ingrid.svensson'])).toEqual([]);
    expect(await call.ok('time.list', { ticketId: ticket.id })).toEqual([
      expect.objectContaining({
        note: 'Låste upp ingrid.svensson, bekräftat av Tova',
        ticketSubject: personalFields.subject,
      }),
    ]);
  });

  test("a session's override reason, its warnings and its recording are sealed at rest", async () => {
    const prepared = await prepareSessionCustomer(call, localTarget, { withDpa: false });
    // A requester who is not a named contact: the warnings the session stores name her.
    const stranger = 'Vivianne.Sjoblad@vaxjo.se';
    await call.ok('tickets.save', {
      id: prepared.ticket.id,
      rowVersion: await ticketVersion(call, prepared.ticket.id),
      ticket: {
        customerId: prepared.customer.id,
        externalRef: prepared.ticket.externalRef,
        environmentId: prepared.environment.id,
        receivedAt: prepared.ticket.receivedAt,
        requesterName: 'Vivianne Sjöblad',
        requesterEmail: stranger,
        subject: prepared.ticket.subject,
      },
    });
    const reason = 'Rektor Bertilsson ringde, PUB-avtalet skickat; akut låsning';
    const session = await recordedSession(prepared, 'utskrift-hemlig-Bertilsson', reason);
    expect(session.overridden).toBe(true);
    expect(session.warnings).toContainEqual(
      expect.objectContaining({ code: 'REQUESTER_NOT_CONTACT', message: expect.stringContaining(stranger) }),
    );

    const pages = await storePages();
    expect(inTheClear(pages, ['utskrift-hemlig-Bertilsson-42', reason, stranger])).toEqual([]);
    const row = await db()
      .selectFrom('sessions')
      .select(['override_reason', 'warnings'])
      .where('id', '=', session.id)
      .executeTakeFirstOrThrow();
    expect(isSealed(row.override_reason)).toBe(true);
    expect(await openPersonalText(db(), row.override_reason!)).toBe(reason);
    expect(isSealed(row.warnings)).toBe(true);
    const page = await call.ok('recordings.read', { recordingId: session.recordingId!, limit: 64 });
    expect(page.events).toContain('utskrift-hemlig-Bertilsson-42');
  });
});

describe('a purge', () => {
  test('a purged ticket reads gallrad: the ticket, its time, its sessions and its recording export', async () => {
    const prepared = await prepareSessionCustomer(call, localTarget);
    const ticket = await call.ok('tickets.save', {
      id: prepared.ticket.id,
      rowVersion: await ticketVersion(call, prepared.ticket.id),
      ticket: {
        customerId: prepared.customer.id,
        externalRef: prepared.ticket.externalRef,
        environmentId: prepared.environment.id,
        receivedAt: prepared.ticket.receivedAt,
        ...personalFields,
      },
    });
    const startedAt = Date.now() - 3_600_000;
    await call.ok('time.addManual', {
      ticketId: ticket.id,
      startedAt,
      endedAt: startedAt + 600_000,
      note: 'Samtal med Ingegärd',
    });
    const session = await recordedSession(prepared, 'utskrift-Rosenqvist');
    const warningCodes = async () =>
      (await call.ok('tickets.get', { id: ticket.id })).verdict.warnings.map((w) => w.code);
    expect(await warningCodes()).toContain('REQUESTER_NOT_CONTACT');

    // What the purge's crypto-shredding does (main/retention/ticketShredding.ts, which also deletes the recording's
    // batches): the ticket's key and its recording's key go, so whatever was sealed under them reads as purged.
    await destroyDataKeys(db(), [{ kind: 'ticket', id: ticket.id }]);
    await destroySecretKeys(db(), [{ kind: 'recording', id: session.recordingId! }]);
    // A purged requester is nobody to warn about: the verdict does not call "gallrad" a stranger.
    expect(await warningCodes()).not.toContain('REQUESTER_NOT_CONTACT');

    const purged = Object.fromEntries(Object.keys(personalFields).map((field) => [field, PURGED_TEXT]));
    expect(await call.ok('tickets.get', { id: ticket.id })).toMatchObject({
      ...purged,
      externalRef: 'HD-4711',
      requesterIsContact: false,
    });
    expect(await call.ok('tickets.list', {})).toEqual([expect.objectContaining(purged)]);
    const entries = await call.ok('time.list', { ticketId: ticket.id });
    expect(entries.map((e) => [e.source, e.note, e.ticketSubject])).toEqual([
      ['manual', PURGED_TEXT, PURGED_TEXT],
      ['session', PURGED_TEXT, PURGED_TEXT],
    ]);
    expect(await call.ok('sessions.list', { live: false })).toEqual([
      expect.objectContaining({ id: session.id, ticketRef: 'HD-4711' }),
    ]);

    const page = await call.ok('recordings.read', { recordingId: session.recordingId!, limit: 64 });
    expect(page.events).not.toContain('Rosenqvist');
    expect(page.events).toContain(PURGED_TEXT);
    const file = join(opened.dataDir, 'purged.cast');
    await (await stageCastExport(db(), session.recordingId!, file)).place();
    const played = await asciinemaCat(file);
    expect(played).toContain(PURGED_TEXT);
    expect(played).not.toContain('Rosenqvist');
  });

  test('a purged field is refused as an edit target; the rest of the ticket still changes', async () => {
    const { customer } = await createCustomerWithEnvironment(call);
    const ticket = await call.ok('tickets.save', {
      ticket: { customerId: customer.id, receivedAt: Date.now() - 60_000, ...personalFields },
    });
    const startedAt = Date.now() - 3_600_000;
    const entry = await call.ok('time.addManual', {
      ticketId: ticket.id,
      startedAt,
      endedAt: startedAt + 600_000,
      note: 'Samtal med Ingegärd',
    });
    await destroyDataKeys(db(), [{ kind: 'ticket', id: ticket.id }]);
    const purged = await call.ok('tickets.get', { id: ticket.id });

    const fields = {
      customerId: purged.customerId,
      requesterName: purged.requesterName,
      requesterEmail: 'ny.adress@vaxjo.se',
      subject: 'Ny rubrik',
      receivedAt: purged.receivedAt,
    };
    const refused = await call.fails('tickets.save', {
      id: ticket.id,
      rowVersion: purged.rowVersion,
      ticket: fields,
    });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/requester's e-mail was purged \(gallrad\) and cannot be edited/);
    expect(refused.details?.issues).toEqual([expect.objectContaining({ path: 'ticket.requesterEmail' })]);
    const note = await call.fails('time.update', {
      id: entry.id,
      rowVersion: entry.rowVersion,
      note: 'Ny anteckning',
    });
    expect(note.code).toBe('CONFLICT');
    expect(note.message).toMatch(/note was purged/);

    // Recording the first response writes the purged fields back as they read: allowed, and nothing new is sealed.
    const responded = await call.ok('tickets.recordFirstResponse', { id: ticket.id });
    expect(responded.firstResponseAt).not.toBeNull();
    expect(responded.subject).toBe(PURGED_TEXT);
    const keys = await db().selectFrom('personal_data_keys').select('owner_id').execute();
    expect(keys.map((k) => k.owner_id)).not.toContain(ticket.id);
  });
});
