import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MethodInput, MethodName } from '../../../common/api/contract.ts';
import { methods } from '../../../common/api/contract.ts';
import { memberPrincipal, workRoleLabels } from '../../../common/team/principal.ts';
import { mayCall, roleMatrix, youAre } from '../../../common/team/roles.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { databaseFingerprint } from '../../support/postgres/databaseFingerprint.ts';
import { localOpenInput, prepareSessionCustomer } from '../../support/sessionCustomer.ts';
import {
  createTestTeamWithAdmin,
  type MemberLotsen,
  type TestTeamWithAdmin,
} from '../../support/postgres/testTeam.ts';

/*
 * Each work role through the real API, as a real member of a real team database: every member has a Lotsen of their
 * own, enrolled with `init --team`'s steps, acting as the principal its login is (findTeamMember). Every call the
 * matrix forbids is refused with FORBIDDEN naming the roles needed and writes nothing (every table, the audit trail
 * included, hashes the same); the calls it allows still work, and a technician's own-time rule holds. What
 * PostgreSQL itself refuses each member's own login is test/main/team/tableRules.test.ts.
 */

const SESSIONS = { shell: '/bin/sh' };
const SOME_ID = '00000000-0000-4000-8000-000000000001';

let team: TestTeamWithAdmin;
/** The records' keeper: a support lead with the admin right, as the team's first admin would be. */
let admin: MemberLotsen;
let members: { technician: MemberLotsen; support_lead: MemberLotsen; finance: MemberLotsen };
let prepared: Awaited<ReturnType<typeof prepareSessionCustomer>>;
let localEntryId: string;
let localSessionId: string;
let localRecordingId: string;

beforeAll(async () => {
  team = await createTestTeamWithAdmin();
  const enrol = (name: string, role: 'technician' | 'support_lead' | 'finance', isAdmin = false) =>
    team.enrolLotsen(
      team.admin,
      { name, email: `${name.split(' ')[0]!.toLowerCase()}@leverantor.se`, role, isAdmin },
      { sessions: SESSIONS },
    );
  admin = await enrol('Alva Admin', 'support_lead', true);
  members = {
    technician: await enrol('Tove Tekniker', 'technician'),
    support_lead: await enrol('Lena Ledare', 'support_lead'),
    finance: await enrol('Fia Ekonomi', 'finance'),
  };
  const call = admin.call;
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
}, 120_000);

afterAll(async () => {
  for (const lotsen of [admin, ...Object.values(members ?? {})]) await lotsen?.close();
  await team?.drop();
});

/** Every row of the team database, hashed. */
const fingerprint = () => databaseFingerprint(team.database.name);

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
    'registry.listCustomerServers': {},
    'registry.listCustomerContacts': {},
    'registry.getCustomer': { id: customerId },
    'registry.createCustomer': {
      name: 'Nya kommunen',
      orgNumber: prepared.customer.orgNumber,
      kind: 'municipality',
    },
    'registry.updateCustomer': {
      id: customerId,
      rowVersion: 1,
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
    'registry.oneTimeCode': { accountId: prepared.account.id, use: 'copy' },
    'registry.revealTotpSeed': { accountId: prepared.account.id, purpose: 'test' },
    'registry.revealVpnTotpSeed': { environmentId, purpose: 'test' },
    'registry.import': { file: { format: 'lotsen-registry', version: 1, customers: [] } },
    'registry.export': {},
    'certificates.save': { environmentId, certificate: { kind: 'ssl', expiresOn: '2027-06-30' } },
    'certificates.delete': { id: SOME_ID },
    'certificates.list': {},
    'notices.save': { environmentId, notice: { startsAt: now, summary: 'WAP01 patchas' } },
    'notices.delete': { id: SOME_ID },
    'agreements.list': { customerId },
    'agreements.save': {
      customerId,
      agreement: { reference: 'FA-2027', startsOn: '2027-01-01', services: [{ kind: 'sso', name: 'SSO' }] },
    },
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
    'tickets.timeline': { id: ticketId },
    'tickets.addNote': { ticketId, body: 'Ringde kunden' },
    // A PNG's eight signature bytes and one more.
    'tickets.attachScreenshot': { ticketId, mediaType: 'image/png', data: 'iVBORw0KGgoA' },
    'tickets.screenshot': { id: ticketId },
    'tickets.assignees': {},
    'tickets.assign': { id: ticketId, assigneeId: null },
    'settings.priceList': {},
    'settings.savePriceList': { acuteEscalationOre: 300_000, rowVersion: 0 },
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
    'sessions.vpnProfile': { client: 'openconnect', gateway: 'vpn.kommun.se' },
    'sessions.fillVpnOneTimeCode': { sessionId: localSessionId },
    'tools.list': { customerId },
    'tools.approve': { environmentId, tool: 'TeamViewer', template: 'teamviewer -i {teamviewerId}' },
    'tools.index': {},
    'recordings.list': {},
    'recordings.read': { recordingId: localRecordingId },
    'recordings.export': { recordingId: localRecordingId },
    'audit.list': {},
    'audit.actors': {},
    'audit.verify': {},
    'time.startTimer': { ticketId },
    'time.stopTimer': {},
    'time.runningTimer': {},
    'time.list': {},
    'time.addManual': { ticketId, startedAt: now - 600_000, endedAt: now - 300_000 },
    'time.classify': { entryId: localEntryId, rowVersion: 1, classification: 'included' },
    'time.suggestion': { entryId: localEntryId },
    'time.update': { id: localEntryId, rowVersion: 1, note: 'ändrad' },
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
    'retention.setPolicy': { purgeMonthDay: '07-01', keepClosedDays: 30, rowVersion: 1 },
    'retention.preview': { date: '2027-07-01' },
    'retention.purge': {},
    'privacy.extract': { email: 'asa.oberg@kalmar.se' },
    'privacy.erase': { email: 'asa.oberg@kalmar.se' },
    'team.members': {},
    'team.addMember': { name: 'Ny Person', email: 'ny@leverantor.se', role: 'technician' },
    'team.changeRole': { userId: SOME_ID, role: 'finance', isAdmin: false },
    'team.removeMember': { userId: SOME_ID },
    'team.departing': { userId: SOME_ID },
    'team.reissueCode': { userId: SOME_ID },
    'team.rotate': {},
    'team.recover': { kit: 'LOTSEN-RECOVERY-x' },
    'team.vault': {},
    'team.grantKeys': {},
  };
}

const methodNames = Object.keys(methods) as MethodName[];

describe.each(['technician', 'support_lead', 'finance'] as const)('a %s', (role) => {
  test('is refused every call outside the role with FORBIDDEN naming the role needed, and nothing is written', async () => {
    const member = members[role];
    const before = await fingerprint();
    const principal = memberPrincipal(member.member.userId, role, false);
    expect(member.backend.status()).toMatchObject({
      principal: { kind: 'member', workRole: role, admin: false },
    });
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
    expect(await fingerprint()).toBe(before);
  });
});

describe("the issue's named rules, through the API", () => {
  test('a technician cannot approve a month; finance cannot open a session or reveal a secret', async () => {
    const inputs = sampleInputs();
    const approve = await members.technician.call.fails(
      'billing.approveMonth',
      inputs['billing.approveMonth'],
    );
    expect(approve).toMatchObject({ code: 'FORBIDDEN', details: { roles: ['finance'], admin: false } });
    expect(approve.message).toBe('Only finance may do this (billing.approveMonth); you are a technician.');
    const finance = members.finance.call;
    const open = await finance.fails('sessions.open', inputs['sessions.open']);
    expect(open).toMatchObject({ code: 'FORBIDDEN', details: { roles: ['technician', 'support_lead'] } });
    expect(open.message).toContain('technician or support lead');
    expect(await finance.fails('registry.revealSecret', inputs['registry.revealSecret'])).toMatchObject({
      code: 'FORBIDDEN',
    });
    // Finance still reads the registry, without any secret in it.
    const customer = await finance.ok('registry.getCustomer', { id: prepared.customer.id });
    expect(JSON.stringify(customer)).not.toContain('Hemligt-åäö');
    // Though it may not read the secret column, finance is told the account has a secret.
    expect(JSON.stringify(customer)).toContain('"hasSecret":true');
  });

  test("an eligibility override and an escalation exception are the support lead's", async () => {
    const technician = members.technician.call;
    const before = await fingerprint();
    const override = await technician.fails(
      'sessions.open',
      localOpenInput(prepared, { runPreConnect: false, overrideReason: 'Kunden ringde rektorn, bråttom' }),
    );
    expect(override).toMatchObject({ code: 'FORBIDDEN', details: { roles: ['support_lead'] } });
    expect(override.message).toContain('eligibility override');
    const exception = await technician.fails('tickets.escalate', {
      id: prepared.ticket.id,
      exception: { reason: 'Skolstart' },
    });
    expect(exception).toMatchObject({ code: 'FORBIDDEN', details: { roles: ['support_lead'] } });
    expect(await fingerprint()).toBe(before);
  });

  test('purging, setting the policy and erasing a person need the admin right as well as support lead', async () => {
    for (const method of ['retention.purge', 'retention.setPolicy', 'privacy.erase'] as const) {
      const error = await members.support_lead.call.fails(method, sampleInputs()[method]);
      expect(error, method).toMatchObject({ code: 'FORBIDDEN', details: { admin: true } });
      expect(error.message).toContain('admin right');
    }
    const { rowVersion } = (await admin.call.ok('retention.status', {})).policy;
    await admin.call.ok('retention.setPolicy', { purgeMonthDay: '07-01', keepClosedDays: 30, rowVersion });
    expect(await admin.call.ok('app.status', {})).toMatchObject({
      principal: { kind: 'member', workRole: 'support_lead', admin: true },
    });
  });
});

describe('rows the matrix cannot tell apart', () => {
  test("a technician logs, classifies and edits their own time, sees only it, and is refused others'", async () => {
    const technician = members.technician.call;
    const technicianId = members.technician.member.userId;
    const now = Date.now();
    const own = await technician.ok('time.addManual', {
      ticketId: prepared.ticket.id,
      startedAt: now - 900_000,
      endedAt: now - 600_000,
      note: 'eget',
    });
    expect(own.technicianId).toBe(technicianId);
    await technician.ok('time.classify', {
      entryId: own.id,
      rowVersion: own.rowVersion,
      classification: 'included',
    });
    await technician.ok('time.update', { id: own.id, rowVersion: own.rowVersion + 1, note: 'eget, ändrat' });
    await technician.ok('time.startTimer', { ticketId: prepared.ticket.id });
    expect(await technician.ok('time.stopTimer', {})).toMatchObject({ technicianId });

    const listed = await technician.ok('time.list', {});
    expect(listed.length).toBe(2);
    expect(new Set(listed.map((e) => e.technicianId))).toEqual(new Set([technicianId]));

    // Another person's entry: PostgreSQL does not even show it to a technician, so it is not found; a support lead
    // sees it, and the service refuses the lead's change as another person's.
    const before = await fingerprint();
    const others = [
      ['time.classify', { entryId: localEntryId, rowVersion: 1, classification: 'no_charge' }],
      ['time.update', { id: localEntryId, rowVersion: 1, note: 'någon annans' }],
      ['time.delete', { id: localEntryId }],
      ['time.suggestion', { entryId: localEntryId }],
    ] as const;
    for (const [method, input] of others) {
      expect(await technician.fails(method, input), method).toMatchObject({ code: 'NOT_FOUND' });
    }
    for (const [method, input] of others.slice(0, 3)) {
      const error = await members.support_lead.call.fails(method, input);
      expect(error.code, method).toBe('FORBIDDEN');
      expect(error.message, method).toContain("another person's");
    }
    expect(await fingerprint()).toBe(before);
    await technician.ok('time.delete', { id: own.id });
  });

  test("a technician sees only their own sessions and recordings; a support lead sees everyone's", async () => {
    const technician = members.technician.call;
    const lead = members.support_lead.call;
    expect(await technician.ok('sessions.list', { live: false })).toEqual([]);
    expect(await technician.ok('recordings.list', {})).toEqual([]);
    const play = await technician.fails('recordings.read', { recordingId: localRecordingId });
    expect(play).toMatchObject({ code: 'FORBIDDEN', details: { roles: ['support_lead'] } });
    // Nor take it out as a file: refused before anything is read or audited.
    expect(await technician.fails('recordings.export', { recordingId: localRecordingId })).toMatchObject({
      code: 'FORBIDDEN',
    });
    // Another's session is hidden from a technician by PostgreSQL itself.
    expect(await technician.fails('sessions.reconnect', { sessionId: localSessionId })).toMatchObject({
      code: 'NOT_FOUND',
    });

    expect((await lead.ok('sessions.list', { live: false })).map((s) => s.id)).toEqual([localSessionId]);
    expect((await lead.ok('recordings.list', {})).map((r) => r.id)).toEqual([localRecordingId]);
    await lead.ok('recordings.read', { recordingId: localRecordingId });
  });

  test("finance reads everyone's time and reclassifies it, but edits none of it", async () => {
    const finance = members.finance.call;
    const listed = await finance.ok('time.list', {});
    const local = listed.find((e) => e.id === localEntryId);
    expect(local).toBeDefined();
    const classified = await finance.ok('time.classify', {
      entryId: localEntryId,
      rowVersion: local!.rowVersion,
      classification: 'no_charge',
    });
    expect(classified.classification).toBe('no_charge');
    await finance.ok('billing.monthSummary', { month: '2026-11' });
    await finance.ok('billing.export', { month: '2026-11', format: 'csv' });
    expect(await finance.fails('time.update', { id: localEntryId, rowVersion: 1, note: 'x' })).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('the embedded default', () => {
  test('the local user holds every role and the admin right: no method is refused for its role', async () => {
    const local = await openPassphraseBackend();
    try {
      const status = local.backend.status();
      expect(status.principal).toEqual({ kind: 'local', userId: status.user!.id });
      for (const method of methodNames) expect(mayCall(status.principal!, method), method).toBe(true);
      // Calls a member was refused above answer with something other than FORBIDDEN for the local user (these
      // records are the team's, so most are not found here: the point is that no role check stops them).
      for (const method of [
        'billing.approveMonth',
        'registry.revealSecret',
        'retention.setPolicy',
        'time.update',
      ] as const) {
        const result = await createApi(local.backend).dispatch(method, sampleInputs()[method]);
        if (!result.ok) expect(result.error.code, method).not.toBe('FORBIDDEN');
      }
    } finally {
      await local.cleanup();
    }
  });
});
