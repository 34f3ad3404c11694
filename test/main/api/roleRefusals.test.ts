import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MethodInput, MethodName } from '../../../common/api/contract.ts';
import { methods } from '../../../common/api/contract.ts';
import type { UserRole } from '../../../common/registry/vocabulary.ts';
import { memberPrincipal, workRoleLabels } from '../../../common/team/principal.ts';
import { mayCall, roleMatrix, youAre } from '../../../common/team/roles.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { addMember, openAsMember, storeFingerprint } from '../../support/memberApi.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { localOpenInput, prepareSessionCustomer } from '../../support/sessionCustomer.ts';

/*
 * Each work role through the real API over a real encrypted store: every call the matrix forbids is refused with
 * FORBIDDEN naming the roles needed and writes nothing (every table, the audit trail included, hashes the same);
 * the calls it allows still work, and a technician's own-time rule holds. The members are rows of the store opened
 * by a second Lotsen as them (test/support/memberApi.ts); these tests move to real team members once team mode lands.
 */

const SESSIONS = { shell: '/bin/sh' };
const SOME_ID = '00000000-0000-4000-8000-000000000001';

let local: Awaited<ReturnType<typeof openPassphraseBackend>>;
let call: ReturnType<typeof apiCaller>;
let prepared: Awaited<ReturnType<typeof prepareSessionCustomer>>;
let localEntryId: string;
let localSessionId: string;
let localRecordingId: string;
const members = {} as Record<UserRole, string>;

beforeAll(async () => {
  local = await openPassphraseBackend();
  call = apiCaller(createApi(local.backend, () => undefined, SESSIONS));
  prepared = await prepareSessionCustomer(call, {
    host: 'wap01.kalmar.se',
    port: 22,
    username: 'svc_lotsen',
    secret: 'Hemligt-åäö',
  });
  const now = Date.now();
  localEntryId = (
    await call.ok('time.addManual', {
      ticketId: prepared.ticket.id,
      startedAt: now - 3_600_000,
      endedAt: now - 1_800_000,
      note: 'telefon',
    })
  ).id;
  const session = await call.ok('sessions.open', localOpenInput(prepared, { runPreConnect: false }));
  const closed = await call.ok('sessions.close', { sessionId: session.id });
  localSessionId = closed.id;
  localRecordingId = closed.recordingId!;
  const db = local.backend.registryContext().db;
  members.technician = await addMember(db, {
    name: 'Tove Tekniker',
    email: 'tove@leverantor.se',
    role: 'technician',
  });
  members.support_lead = await addMember(db, {
    name: 'Lena Ledare',
    email: 'lena@leverantor.se',
    role: 'support_lead',
  });
  members.finance = await addMember(db, { name: 'Fia Ekonomi', email: 'fia@leverantor.se', role: 'finance' });
}, 60_000);

afterAll(async () => {
  await local.cleanup();
});

/** A valid input for every method, on the prepared records: a refusal must come from the role, not from the input. */
function sampleInputs(): { [M in MethodName]: MethodInput<M> } {
  const customerId = prepared.customer.id;
  const environmentId = prepared.environment.id;
  const ticketId = prepared.ticket.id;
  const now = Date.now();
  return {
    'app.status': {},
    'app.initialize': { user: { name: 'X', email: 'x@leverantor.se', role: 'technician' } },
    'app.unlock': {},
    'app.lock': {},
    'registry.listCustomers': {},
    'registry.getCustomer': { id: customerId },
    'registry.createCustomer': {
      name: 'Nya kommunen',
      orgNumber: prepared.customer.orgNumber,
      kind: 'municipality',
    },
    'registry.updateCustomer': {
      id: customerId,
      customer: { name: 'Kalmar kommun', orgNumber: prepared.customer.orgNumber, kind: 'municipality' },
    },
    'registry.deleteCustomer': { id: customerId },
    'registry.saveContact': { customerId, contact: { name: 'Nils Ny', email: 'nils@kalmar.se' } },
    'registry.deleteContact': { id: SOME_ID },
    'registry.saveEnvironment': {
      customerId,
      environment: { name: 'Test', access: { vpnType: 'none', method: 'ssh' } },
    },
    'registry.deleteEnvironment': { id: environmentId },
    'registry.saveServer': { environmentId, server: { host: 'sync01.kalmar.se', role: 'sync' } },
    'registry.deleteServer': { id: prepared.server.id },
    'registry.saveSupportAccount': { environmentId, account: { username: 'svc_ny' }, secret: 'nytt' },
    'registry.deleteSupportAccount': { id: prepared.account.id },
    'registry.revealSecret': { accountId: prepared.account.id, purpose: 'test' },
    'registry.import': { file: { format: 'lotsen-registry', version: 1, customers: [] } },
    'registry.export': {},
    'certificates.save': { environmentId, certificate: { kind: 'ssl', expiresOn: '2027-06-30' } },
    'certificates.delete': { id: SOME_ID },
    'certificates.list': {},
    'notices.save': { environmentId, notice: { startsAt: now, summary: 'WAP01 patchas' } },
    'notices.delete': { id: SOME_ID },
    'agreements.list': { customerId },
    'agreements.save': { customerId, agreement: { reference: 'FA-2027', startsOn: '2027-01-01' } },
    'agreements.delete': { id: SOME_ID },
    'dpas.save': {
      customerId,
      dpa: { signedOn: '2026-01-01', reference: 'PUB-2', signatory: 'Karin Jurist' },
    },
    'dpas.delete': { id: SOME_ID },
    'eligibility.review': {},
    'eligibility.check': { customerId },
    'tickets.list': {},
    'tickets.get': { id: ticketId },
    'tickets.save': {
      ticket: {
        customerId,
        requesterName: 'Åsa Öberg',
        requesterEmail: 'asa.oberg@kalmar.se',
        subject: 'Ny',
        externalRef: 'HD-4712',
        receivedAt: now - 60_000,
      },
    },
    'tickets.delete': { id: ticketId },
    'tickets.recordFirstResponse': { id: ticketId },
    'tickets.sendBack': { id: ticketId },
    'tickets.escalate': { id: ticketId, exception: { reason: 'Skolstart' } },
    'settings.priceList': {},
    'settings.savePriceList': { acuteEscalationOre: 300_000 },
    'sessions.open': localOpenInput(prepared, { runPreConnect: false }),
    'sessions.list': {},
    'sessions.answerPrompt': { sessionId: localSessionId, promptId: SOME_ID, accept: false },
    'sessions.input': { sessionId: localSessionId, data: 'ls\n' },
    'sessions.resize': { sessionId: localSessionId, cols: 80, rows: 24 },
    'sessions.ack': { sessionId: localSessionId, bytes: 10 },
    'sessions.close': { sessionId: localSessionId },
    'sessions.reconnect': { sessionId: localSessionId },
    'sessions.replaceHostKey': { sessionId: localSessionId, reason: 'Bekräftat med kunden per telefon' },
    'sessions.preConnectCommands': { customerId },
    'sessions.approvePreConnect': { environmentId, command: 'true' },
    'recordings.list': {},
    'recordings.read': { recordingId: localRecordingId },
    'audit.list': {},
    'audit.actors': {},
    'audit.verify': {},
    'time.startTimer': { ticketId },
    'time.stopTimer': {},
    'time.runningTimer': {},
    'time.list': {},
    'time.addManual': { ticketId, startedAt: now - 600_000, endedAt: now - 300_000 },
    'time.classify': { entryId: localEntryId, classification: 'included' },
    'time.suggestion': { entryId: localEntryId },
    'time.update': { id: localEntryId, note: 'ändrad' },
    'time.delete': { id: localEntryId },
    'time.import': { file: {} },
    'billing.monthSummary': { month: '2026-11' },
    'billing.billedHours': {},
    'billing.approveMonth': { month: '2026-11', customerId },
    'billing.listBatches': {},
    'billing.export': { month: '2026-11', format: 'csv' },
    'billing.addAdjustment': { entryId: localEntryId, minutes: 15, note: 'glömt' },
    'billing.listAdjustments': {},
    'reports.access': { customerId, from: now - 86_400_000, to: now },
    'reports.exportAccess': { customerId, from: now - 86_400_000, to: now },
    'retention.status': {},
    'retention.setPolicy': { purgeMonthDay: '07-01', keepClosedDays: 30 },
    'retention.preview': { date: '2027-07-01' },
    'retention.purge': {},
    'privacy.extract': { email: 'asa.oberg@kalmar.se' },
    'privacy.erase': { email: 'asa.oberg@kalmar.se' },
    'team.members': {},
    'team.addMember': { name: 'Ny Person', email: 'ny@leverantor.se', role: 'technician' },
    'team.changeRole': { userId: SOME_ID, role: 'finance', isAdmin: false },
    'team.removeMember': { userId: SOME_ID },
  };
}

const methodNames = Object.keys(methods) as MethodName[];

describe.each(['technician', 'support_lead', 'finance'] as const)('a %s', (role) => {
  test('is refused every call outside the role with FORBIDDEN naming the role needed, and nothing is written', async () => {
    const member = await openAsMember(local.dataDir, members[role], { sessions: SESSIONS });
    try {
      const db = member.backend.registryContext().db;
      const before = await storeFingerprint(db);
      const principal = memberPrincipal(members[role], role, false);
      const inputs = sampleInputs();
      const forbidden = methodNames.filter((m) => !mayCall(principal, m));
      expect(forbidden.length).toBeGreaterThan(0);
      for (const method of forbidden) {
        const valid = methods[method].input.safeParse(inputs[method]);
        expect(valid.success, `sample input of ${method}`).toBe(true);
        const error = await member.call.fails(method, inputs[method]);
        const rule = roleMatrix[method];
        expect(error.code, method).toBe('FORBIDDEN');
        expect(error.details).toMatchObject({ method });
        if (rule.roles !== 'anyone' && !rule.roles.includes(role)) {
          for (const needed of rule.roles) {
            expect(error.message, method).toContain(workRoleLabels[needed].toLowerCase());
          }
          expect(error.message).toContain(youAre(role));
        } else {
          expect(error.message, method).toContain('admin right');
        }
      }
      expect(await storeFingerprint(db)).toBe(before);
    } finally {
      await member.close();
    }
  });
});

describe("the issue's named rules, through the API", () => {
  test('a technician cannot approve a month; finance cannot open a session or reveal a secret', async () => {
    const technician = await openAsMember(local.dataDir, members.technician, { sessions: SESSIONS });
    const finance = await openAsMember(local.dataDir, members.finance, { sessions: SESSIONS });
    try {
      const inputs = sampleInputs();
      const approve = await technician.call.fails('billing.approveMonth', inputs['billing.approveMonth']);
      expect(approve).toMatchObject({ code: 'FORBIDDEN', details: { roles: ['finance'], admin: false } });
      expect(approve.message).toBe('Only finance may do this (billing.approveMonth); you are a technician.');
      const open = await finance.call.fails('sessions.open', inputs['sessions.open']);
      expect(open).toMatchObject({ code: 'FORBIDDEN', details: { roles: ['technician', 'support_lead'] } });
      expect(open.message).toContain('technician or support lead');
      expect(
        await finance.call.fails('registry.revealSecret', inputs['registry.revealSecret']),
      ).toMatchObject({
        code: 'FORBIDDEN',
      });
      // Finance still reads the registry, without any secret in it.
      const customer = await finance.call.ok('registry.getCustomer', { id: prepared.customer.id });
      expect(JSON.stringify(customer)).not.toContain('Hemligt-åäö');
    } finally {
      await technician.close();
      await finance.close();
    }
  });

  test("an eligibility override and an escalation exception are the support lead's", async () => {
    const technician = await openAsMember(local.dataDir, members.technician, { sessions: SESSIONS });
    try {
      const db = technician.backend.registryContext().db;
      const before = await storeFingerprint(db);
      const override = await technician.call.fails(
        'sessions.open',
        localOpenInput(prepared, { runPreConnect: false, overrideReason: 'Kunden ringde rektorn, bråttom' }),
      );
      expect(override).toMatchObject({ code: 'FORBIDDEN', details: { roles: ['support_lead'] } });
      expect(override.message).toContain('eligibility override');
      const exception = await technician.call.fails('tickets.escalate', {
        id: prepared.ticket.id,
        exception: { reason: 'Skolstart' },
      });
      expect(exception).toMatchObject({ code: 'FORBIDDEN', details: { roles: ['support_lead'] } });
      expect(await storeFingerprint(db)).toBe(before);
    } finally {
      await technician.close();
    }
  });

  test('purging, setting the policy and erasing a person need the admin right as well as support lead', async () => {
    const lead = await openAsMember(local.dataDir, members.support_lead);
    try {
      for (const method of ['retention.purge', 'retention.setPolicy', 'privacy.erase'] as const) {
        const error = await lead.call.fails(method, sampleInputs()[method]);
        expect(error, method).toMatchObject({ code: 'FORBIDDEN', details: { admin: true } });
        expect(error.message).toContain('admin right');
      }
    } finally {
      await lead.close();
    }
    const admin = await openAsMember(local.dataDir, members.support_lead, { admin: true });
    try {
      await admin.call.ok('retention.setPolicy', { purgeMonthDay: '07-01', keepClosedDays: 30 });
      expect(await admin.call.ok('app.status', {})).toMatchObject({
        principal: { kind: 'member', workRole: 'support_lead', admin: true },
      });
    } finally {
      await admin.close();
    }
  });
});

describe('rows the matrix cannot tell apart', () => {
  test("a technician logs, classifies and edits their own time, sees only it, and is refused others'", async () => {
    const technician = await openAsMember(local.dataDir, members.technician, { sessions: SESSIONS });
    try {
      const now = Date.now();
      const own = await technician.call.ok('time.addManual', {
        ticketId: prepared.ticket.id,
        startedAt: now - 900_000,
        endedAt: now - 600_000,
        note: 'eget',
      });
      expect(own.technicianId).toBe(members.technician);
      await technician.call.ok('time.classify', { entryId: own.id, classification: 'included' });
      await technician.call.ok('time.update', { id: own.id, note: 'eget, ändrat' });
      await technician.call.ok('time.startTimer', { ticketId: prepared.ticket.id });
      expect(await technician.call.ok('time.stopTimer', {})).toMatchObject({
        technicianId: members.technician,
      });

      const listed = await technician.call.ok('time.list', {});
      expect(listed.length).toBe(2);
      expect(new Set(listed.map((e) => e.technicianId))).toEqual(new Set([members.technician]));

      const db = technician.backend.registryContext().db;
      const before = await storeFingerprint(db);
      for (const [method, input] of [
        ['time.classify', { entryId: localEntryId, classification: 'no_charge' }],
        ['time.update', { id: localEntryId, note: 'någon annans' }],
        ['time.delete', { id: localEntryId }],
        ['time.suggestion', { entryId: localEntryId }],
      ] as const) {
        const error = await technician.call.fails(method, input);
        expect(error.code, method).toBe('FORBIDDEN');
        expect(error.message, method).toContain("another person's");
      }
      expect(await storeFingerprint(db)).toBe(before);
      await technician.call.ok('time.delete', { id: own.id });
    } finally {
      await technician.close();
    }
  });

  test("a technician sees only their own sessions and recordings; a support lead sees everyone's", async () => {
    const technician = await openAsMember(local.dataDir, members.technician, { sessions: SESSIONS });
    const lead = await openAsMember(local.dataDir, members.support_lead, { sessions: SESSIONS });
    try {
      expect(await technician.call.ok('sessions.list', { live: false })).toEqual([]);
      expect(await technician.call.ok('recordings.list', {})).toEqual([]);
      const play = await technician.call.fails('recordings.read', { recordingId: localRecordingId });
      expect(play).toMatchObject({ code: 'FORBIDDEN', details: { roles: ['support_lead'] } });
      expect(await technician.call.fails('sessions.reconnect', { sessionId: localSessionId })).toMatchObject({
        code: 'FORBIDDEN',
      });

      expect((await lead.call.ok('sessions.list', { live: false })).map((s) => s.id)).toEqual([
        localSessionId,
      ]);
      expect((await lead.call.ok('recordings.list', {})).map((r) => r.id)).toEqual([localRecordingId]);
      await lead.call.ok('recordings.read', { recordingId: localRecordingId });
    } finally {
      await technician.close();
      await lead.close();
    }
  });

  test("finance reads everyone's time and reclassifies it, but edits none of it", async () => {
    const finance = await openAsMember(local.dataDir, members.finance);
    try {
      const listed = await finance.call.ok('time.list', {});
      expect(listed.map((e) => e.id)).toContain(localEntryId);
      const classified = await finance.call.ok('time.classify', {
        entryId: localEntryId,
        classification: 'no_charge',
      });
      expect(classified.classification).toBe('no_charge');
      await finance.call.ok('billing.monthSummary', { month: '2026-11' });
      await finance.call.ok('billing.export', { month: '2026-11', format: 'csv' });
      expect(await finance.call.fails('time.update', { id: localEntryId, note: 'x' })).toMatchObject({
        code: 'FORBIDDEN',
      });
    } finally {
      await finance.close();
    }
  });
});

describe('the embedded default', () => {
  test('the local user holds every role and the admin right: no method is refused for its role', async () => {
    const status = await call.ok('app.status', {});
    expect(status.principal).toEqual({ kind: 'local', userId: status.user!.id });
    for (const method of methodNames) expect(mayCall(status.principal!, method), method).toBe(true);
    // Every call a member was refused above answers with something other than FORBIDDEN for the local user.
    for (const method of [
      'billing.approveMonth',
      'registry.revealSecret',
      'retention.setPolicy',
      'time.update',
    ] as const) {
      const result = await createApi(local.backend).dispatch(method, sampleInputs()[method]);
      if (!result.ok) expect(result.error.code, method).not.toBe('FORBIDDEN');
    }
  });
});
