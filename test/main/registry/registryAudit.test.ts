import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { orgNumber } from '../../support/orgNumbers.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';

/*
 * Every change to the registry, an agreement or a DPA made through the API writes an audit event in the same
 * transaction, naming the record and its changed fields: values before and after only where they are neither
 * personal, free text nor secret (main/audit/recordChanges.ts). Runs on both engines (vitest.config.ts TEAM_SUITES).
 */

let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
let call: ReturnType<typeof apiCaller>;
beforeEach(async () => {
  opened = await openPassphraseBackend();
  call = apiCaller(createApi(opened.backend));
});
afterEach(async () => opened.cleanup());

const SECRET = 'Hemlig-Nyckel-2026!';
const PRE_CONNECT_SECRET = 'vpn-token-4711';
const CONTACT = { name: 'Åsa Öberg', email: 'asa.oberg@vaxjo.se', phone: '0470-123 45' };
const NOTES = 'Ring Kalle Anka före tio';
const USERNAME = 'lotsen.support';
/** Text that must never stand in an event's stored details. */
const NEVER = [SECRET, PRE_CONNECT_SECRET, CONTACT.name, CONTACT.email, CONTACT.phone, NOTES, USERNAME];

const events = async () => (await call.ok('audit.list', {})).sort((a, b) => a.seq - b.seq);
const lastEvent = async () => (await events()).at(-1)!;

async function customer() {
  return call.ok('registry.createCustomer', {
    name: 'Växjö kommun',
    orgNumber: orgNumber('212000', 70),
    kind: 'municipality',
  });
}

async function environmentOf(customerId: string) {
  return call.ok('registry.saveEnvironment', {
    customerId,
    environment: { name: 'Produktion', access: { vpnType: 'none', method: 'ssh' } },
  });
}

async function storedDetails(): Promise<string[]> {
  const rows = await opened.backend
    .registryContext()
    .db.selectFrom('audit_events')
    .select('details')
    .execute();
  return rows.map((r) => r.details);
}

describe('registry changes in the audit log', () => {
  test('a customer added, changed and deleted: the fields named, values of non-personal fields old → new', async () => {
    const created = await customer();
    expect(await lastEvent()).toMatchObject({
      event: 'registry.record_added',
      subjectType: 'customer',
      subjectId: created.id,
      details: {
        record: 'customer',
        customerId: created.id,
        fields: ['name', 'orgNumber', 'kind'],
        changes: {
          name: [null, 'Växjö kommun'],
          orgNumber: [null, created.orgNumber],
          kind: [null, 'municipality'],
        },
      },
    });
    await call.ok('registry.updateCustomer', {
      id: created.id,
      rowVersion: created.rowVersion,
      customer: {
        name: 'Växjö kommun, skolförvaltningen',
        orgNumber: created.orgNumber,
        kind: 'school_chain',
        notes: NOTES,
        responsibleName: CONTACT.name,
        responsiblePhone: CONTACT.phone,
        responsibleEmail: CONTACT.email,
      },
    });
    expect((await lastEvent()).details).toEqual({
      record: 'customer',
      customerId: created.id,
      fields: ['name', 'kind', 'notes', 'responsibleName', 'responsiblePhone', 'responsibleEmail'],
      changes: {
        name: ['Växjö kommun', 'Växjö kommun, skolförvaltningen'],
        kind: ['municipality', 'school_chain'],
      },
    });
    await call.ok('registry.deleteCustomer', { id: created.id });
    expect(await lastEvent()).toMatchObject({
      event: 'registry.record_deleted',
      subjectId: created.id,
      details: { record: 'customer', customerId: created.id },
    });
    for (const details of await storedDetails())
      for (const text of NEVER) expect(details).not.toContain(text);
    expect(await call.ok('audit.verify', {})).toMatchObject({ intact: true, events: 3 });
  });

  test("a contact's changes name its fields, never its personal data", async () => {
    const { id: customerId } = await customer();
    const contact = await call.ok('registry.saveContact', { customerId, contact: CONTACT });
    expect((await lastEvent()).details).toEqual({
      record: 'contact',
      customerId,
      fields: ['name', 'email', 'phone', 'adminTrainingDone', 'toolTrainingDone', 'isPrimary'],
      changes: {
        adminTrainingDone: [null, false],
        toolTrainingDone: [null, false],
        isPrimary: [null, false],
      },
    });
    await call.ok('registry.saveContact', {
      customerId,
      id: contact.id,
      rowVersion: contact.rowVersion,
      contact: { ...CONTACT, email: 'asa@vaxjo.se', adminTrainingDone: true },
    });
    expect(await lastEvent()).toMatchObject({
      event: 'registry.record_changed',
      subjectType: 'contact',
      subjectId: contact.id,
      details: { fields: ['email', 'adminTrainingDone'], changes: { adminTrainingDone: [false, true] } },
    });
    await call.ok('registry.deleteContact', { id: contact.id });
    expect(await lastEvent()).toMatchObject({
      event: 'registry.record_deleted',
      details: { record: 'contact', customerId },
    });
    for (const details of await storedDetails()) {
      for (const text of [...NEVER, 'asa@vaxjo.se']) expect(details).not.toContain(text);
    }
  });

  test('secrets are named when written, never their values', async () => {
    const { id: customerId } = await customer();
    const environment = await call.ok('registry.saveEnvironment', {
      customerId,
      environment: { name: 'Produktion', access: { vpnType: 'none', method: 'ssh' } },
      preConnectSecret: PRE_CONNECT_SECRET,
    });
    expect((await lastEvent()).details).toMatchObject({
      record: 'environment',
      environmentId: environment.id,
      fields: expect.arrayContaining(['name', 'hasPreConnectSecret', 'preConnectSecret']),
      changes: { name: [null, 'Produktion'], hasPreConnectSecret: [null, true] },
    });
    const account = await call.ok('registry.saveSupportAccount', {
      environmentId: environment.id,
      account: { username: USERNAME },
      secret: SECRET,
    });
    expect(await lastEvent()).toMatchObject({
      event: 'registry.record_added',
      subjectType: 'support_account',
      subjectId: account.id,
      details: {
        record: 'support_account',
        customerId,
        environmentId: environment.id,
        fields: ['username', 'hasSecret', 'hasTotpSeed', 'secret'],
        changes: { hasSecret: [null, true], hasTotpSeed: [null, false] },
      },
    });
    // A new secret for the same account: still true → true, but the secret is named as changed.
    await call.ok('registry.saveSupportAccount', {
      environmentId: environment.id,
      id: account.id,
      rowVersion: account.rowVersion,
      account: { username: USERNAME },
      secret: `${SECRET}-2`,
    });
    expect((await lastEvent()).details).toEqual({
      record: 'support_account',
      customerId,
      environmentId: environment.id,
      fields: ['secret'],
      changes: {},
    });
    await call.ok('registry.deleteSupportAccount', { id: account.id });
    expect((await lastEvent()).details).toEqual({
      record: 'support_account',
      customerId,
      environmentId: environment.id,
    });
    for (const details of await storedDetails())
      for (const text of NEVER) expect(details).not.toContain(text);
  });

  test('a server changed: its host and port old → new; a save that changes nothing is no event', async () => {
    const { id: customerId } = await customer();
    const environment = await environmentOf(customerId);
    const server = await call.ok('registry.saveServer', {
      environmentId: environment.id,
      server: { host: 'wap01.vaxjo.se', port: 22, role: 'wap' },
    });
    const saved = await call.ok('registry.saveServer', {
      environmentId: environment.id,
      id: server.id,
      rowVersion: server.rowVersion,
      server: { host: 'wap02.vaxjo.se', port: 2222, role: 'wap', notes: NOTES },
    });
    expect((await lastEvent()).details).toEqual({
      record: 'server',
      customerId,
      environmentId: environment.id,
      fields: ['host', 'port', 'notes'],
      changes: { host: ['wap01.vaxjo.se', 'wap02.vaxjo.se'], port: [22, 2222] },
    });
    const count = (await events()).length;
    await call.ok('registry.saveServer', {
      environmentId: environment.id,
      id: server.id,
      rowVersion: saved.rowVersion,
      server: { host: 'wap02.vaxjo.se', port: 2222, role: 'wap', notes: NOTES },
    });
    expect(await events()).toHaveLength(count);
  });

  test('a refused (stale) save is no change and writes no event', async () => {
    const created = await customer();
    const fields = { name: 'Växjö kommun', orgNumber: created.orgNumber, kind: 'municipality' } as const;
    await call.ok('registry.updateCustomer', {
      id: created.id,
      rowVersion: created.rowVersion,
      customer: { ...fields, notes: 'first' },
    });
    const count = (await events()).length;
    const stale = await call.fails('registry.updateCustomer', {
      id: created.id,
      rowVersion: created.rowVersion,
      customer: { ...fields, name: 'Lund' },
    });
    expect(stale.code).toBe('CONFLICT');
    expect(await events()).toHaveLength(count);
  });

  test('agreements and DPAs: what changed, with the signatory named and not shown', async () => {
    const { id: customerId } = await customer();
    const agreement = await call.ok('agreements.save', {
      customerId,
      agreement: {
        reference: 'FA-2026-07',
        startsOn: '2026-01-01',
        services: [{ kind: 'sso', name: 'Drift WAP' }],
        notes: NOTES,
      },
    });
    expect(await lastEvent()).toMatchObject({
      event: 'registry.record_added',
      subjectType: 'agreement',
      subjectId: agreement.id,
      details: { record: 'agreement', customerId, changes: { services: [null, ['sso: Drift WAP']] } },
    });
    await call.ok('agreements.save', {
      customerId,
      id: agreement.id,
      rowVersion: agreement.rowVersion,
      agreement: {
        reference: 'FA-2026-07',
        startsOn: '2026-01-01',
        responseHours: 4,
        hourlyRatesOre: { project: 140_000 },
        services: [{ ...agreement.services[0]! }],
        notes: NOTES,
      },
    });
    expect((await lastEvent()).details).toEqual({
      record: 'agreement',
      customerId,
      fields: ['responseHours', 'hourlyRatesOre'],
      changes: { responseHours: [8, 4], hourlyRatesOre: [[], ['project: 140000']] },
    });
    const dpa = await call.ok('dpas.save', {
      customerId,
      dpa: { signedOn: '2026-01-10', reference: 'PUB-12', version: '2.1', signatory: CONTACT.name },
    });
    expect((await lastEvent()).details).toMatchObject({
      record: 'dpa',
      fields: expect.arrayContaining(['signedOn', 'reference', 'version', 'signatory']),
      changes: { signedOn: [null, '2026-01-10'], reference: [null, 'PUB-12'], version: [null, '2.1'] },
    });
    await call.ok('dpas.delete', { id: dpa.id });
    await call.ok('agreements.delete', { id: agreement.id });
    expect((await events()).slice(-2).map((e) => [e.event, e.details.record])).toEqual([
      ['registry.record_deleted', 'dpa'],
      ['registry.record_deleted', 'agreement'],
    ]);
    for (const details of await storedDetails())
      for (const text of NEVER) expect(details).not.toContain(text);
    expect(await call.ok('audit.verify', {})).toMatchObject({ intact: true });
  });
});
