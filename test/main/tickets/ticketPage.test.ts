import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { PURGED_TEXT } from '../../../main/personalData/personalDataKeys.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { backendStorePages } from '../../support/backendStorePages.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { localOpenInput, prepareSessionCustomer } from '../../support/sessionCustomer.ts';
import { setTicketStatus } from '../../support/ticketLife.ts';

/*
 * A ticket's page (issue 15): notes and screenshots sealed under the ticket's key (so the purge takes them), its
 * assignee, and a timeline of notes, sessions, time entries and status changes. On both engines.
 */

let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
let call: ReturnType<typeof apiCaller>;
let now = Date.now();
const MINUTE = 60_000;
beforeEach(async () => {
  now = Date.now();
  opened = await openPassphraseBackend({ now: () => now });
  call = apiCaller(createApi(opened.backend, () => undefined, { shell: '/bin/sh' }));
});
afterEach(async () => opened.cleanup());

const target = { host: '127.0.0.1', port: 22, username: 'support', secret: 'hemligt-lösen' };
/** The smallest PNG: a 1×1 transparent pixel. */
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('notes', () => {
  test('a note is sealed at rest, audited by ids, and shown in the timeline with its author', async () => {
    const { ticket } = await prepareSessionCustomer(call, target);
    const body = 'Ringde Åsa: felet kvarstår på Hovshagaskolan efter omstart av WAP';
    const note = await call.ok('tickets.addNote', { ticketId: ticket.id, body });
    expect(note.body).toBe(body);
    const timeline = await call.ok('tickets.timeline', { id: ticket.id });
    expect(timeline.notes).toEqual([expect.objectContaining({ id: note.id, body, by: expect.any(String) })]);
    expect(timeline.notes[0]!.by).not.toBe('');
    const pages = await backendStorePages(opened.backend, opened.dataDir);
    expect(pages.includes(Buffer.from('Hovshagaskolan efter omstart', 'utf8'))).toBe(false);
    const events = await call.ok('audit.list', { event: 'ticket.note_added' });
    const added = events[0];
    expect(added?.details).toEqual({ ticketId: ticket.id, customerId: ticket.customerId, noteId: note.id });
  });

  test('an empty note is refused at the boundary, and nothing is written', async () => {
    const { ticket } = await prepareSessionCustomer(call, target);
    const refused = await call.fails('tickets.addNote', { ticketId: ticket.id, body: '   ' });
    expect(refused.code).toBe('VALIDATION');
    expect((await call.ok('tickets.timeline', { id: ticket.id })).notes).toEqual([]);
  });
});

describe('the timeline', () => {
  test('shows sessions with their recordings, their time, and the status changes', async () => {
    const prepared = await prepareSessionCustomer(call, target);
    const session = await call.ok('sessions.open', localOpenInput(prepared));
    now += 20 * MINUTE;
    const closed = await call.ok('sessions.close', { sessionId: session.id });
    await setTicketStatus(call, await call.ok('tickets.get', { id: prepared.ticket.id }), 'pending');
    const timeline = await call.ok('tickets.timeline', { id: prepared.ticket.id });
    expect(timeline.sessions).toEqual([
      expect.objectContaining({
        id: session.id,
        recordingId: closed.recordingId,
        closedAt: now,
        // What names it as its tab did: a local terminal, no server.
        kind: 'local',
        serverRole: null,
        recordingBytes: expect.any(Number),
      }),
    ]);
    expect(closed.recordingId).not.toBeNull();
    expect(timeline.timeEntries).toEqual([
      expect.objectContaining({ sessionId: session.id, seconds: 20 * 60, source: 'session' }),
    ]);
    expect(timeline.totalSeconds).toBe(20 * 60);
    expect(timeline.statusChanges.map((c) => [c.from, c.to])).toEqual([
      [null, 'open'],
      ['open', 'pending'],
    ]);
  });

  test('two sessions open at once on the ticket count their overlap once in its time', async () => {
    const prepared = await prepareSessionCustomer(call, target);
    const first = await call.ok('sessions.open', localOpenInput(prepared));
    now += 10 * MINUTE;
    const second = await call.ok('sessions.open', localOpenInput(prepared));
    now += 20 * MINUTE;
    await call.ok('sessions.close', { sessionId: first.id });
    now += 10 * MINUTE;
    await call.ok('sessions.close', { sessionId: second.id });
    const timeline = await call.ok('tickets.timeline', { id: prepared.ticket.id });
    // Each session's own entry is 30 minutes; together they cover 40 minutes of the technician's time.
    expect(timeline.timeEntries.map((e) => e.seconds)).toEqual([30 * 60, 30 * 60]);
    expect(timeline.totalSeconds).toBe(40 * 60);
  });
});

describe('assignee', () => {
  test('a ticket is assigned to a member, and to nobody else', async () => {
    const { ticket } = await prepareSessionCustomer(call, target);
    const assignees = await call.ok('tickets.assignees', {});
    expect(assignees.length).toBeGreaterThan(0);
    const me = assignees[0]!;
    const assigned = await call.ok('tickets.assign', { id: ticket.id, assigneeId: me.id });
    expect(assigned.assignee).toEqual({ id: me.id, name: me.name });
    const refused = await call.fails('tickets.assign', {
      id: ticket.id,
      assigneeId: '00000000-0000-4000-8000-000000000000',
    });
    expect(refused.code).toBe('VALIDATION');
    expect((await call.ok('tickets.get', { id: ticket.id })).assignee).toEqual({ id: me.id, name: me.name });
  });
});

describe('screenshots', () => {
  test('a PNG is attached sealed, marks the ticket as having one, and reads back byte for byte', async () => {
    const { ticket } = await prepareSessionCustomer(call, target);
    const view = await call.ok('tickets.attachScreenshot', {
      ticketId: ticket.id,
      mediaType: 'image/png',
      data: PNG_BASE64,
    });
    expect(view).toMatchObject({
      mediaType: 'image/png',
      byteSize: Buffer.from(PNG_BASE64, 'base64').length,
    });
    expect((await call.ok('tickets.get', { id: ticket.id })).hasScreenshot).toBe(true);
    expect((await call.ok('tickets.timeline', { id: ticket.id })).screenshots).toEqual([
      expect.objectContaining({ id: view.id }),
    ]);
    expect(await call.ok('tickets.screenshot', { id: view.id })).toEqual({
      id: view.id,
      mediaType: 'image/png',
      data: PNG_BASE64,
    });
  });

  test('what is not the image it claims to be, or too large, is refused and nothing is written', async () => {
    const { ticket } = await prepareSessionCustomer(call, target);
    const text = Buffer.from('<svg onload="alert(1)"></svg>').toString('base64');
    const notPng = await call.fails('tickets.attachScreenshot', {
      ticketId: ticket.id,
      mediaType: 'image/png',
      data: text,
    });
    expect(notPng).toMatchObject({
      code: 'VALIDATION',
      details: expect.objectContaining({ reason: 'SCREENSHOT_TYPE' }),
    });
    const pngAsJpeg = await call.fails('tickets.attachScreenshot', {
      ticketId: ticket.id,
      mediaType: 'image/jpeg',
      data: PNG_BASE64,
    });
    expect(pngAsJpeg.code).toBe('VALIDATION');
    const huge = Buffer.alloc(5 * 1024 * 1024 + 1);
    Buffer.from(PNG_BASE64, 'base64').copy(huge);
    const tooLarge = await call.fails('tickets.attachScreenshot', {
      ticketId: ticket.id,
      mediaType: 'image/png',
      data: huge.toString('base64'),
    });
    expect(tooLarge.code).toBe('VALIDATION');
    const gif = await call.fails('tickets.attachScreenshot', {
      ticketId: ticket.id,
      mediaType: 'image/gif' as 'image/png',
      data: PNG_BASE64,
    });
    expect(gif.code).toBe('VALIDATION');
    expect((await call.ok('tickets.timeline', { id: ticket.id })).screenshots).toEqual([]);
    expect((await call.ok('tickets.get', { id: ticket.id })).hasScreenshot).toBe(false);
  });
});

describe('the summer purge', () => {
  test('takes a ticket’s notes and screenshots with its other personal data', async () => {
    const prepared = await prepareSessionCustomer(call, target);
    const note = await call.ok('tickets.addNote', {
      ticketId: prepared.ticket.id,
      body: 'Elev Tova Lindgren 7B',
    });
    const shot = await call.ok('tickets.attachScreenshot', {
      ticketId: prepared.ticket.id,
      mediaType: 'image/png',
      data: PNG_BASE64,
    });
    await setTicketStatus(call, await call.ok('tickets.get', { id: prepared.ticket.id }), 'closed');
    // Closed long enough before today's purge for the rule to take it.
    now += 60 * 24 * 60 * MINUTE;
    const run = await call.ok('retention.purge', {});
    expect(run.tickets).toBe(1);
    const timeline = await call.ok('tickets.timeline', { id: prepared.ticket.id });
    expect(timeline.notes).toEqual([expect.objectContaining({ id: note.id, body: PURGED_TEXT })]);
    expect(timeline.screenshots).toEqual([]);
    expect((await call.fails('tickets.screenshot', { id: shot.id })).code).toBe('NOT_FOUND');
    const refused = await call.fails('tickets.addNote', {
      ticketId: prepared.ticket.id,
      body: 'Ny anteckning',
    });
    expect(refused).toMatchObject({ code: 'CONFLICT', details: { reason: 'TICKET_PURGED' } });
  });
});
