import { describe, expect, test } from 'vitest';
import { methods, type MethodName } from '../../../common/api/contract.ts';
import {
  describePrincipal,
  localPrincipal,
  mayTouchOthers,
  memberPrincipal,
  onlyOwnUnder,
  workRoles,
  type WorkRole,
} from '../../../common/team/principal.ts';
import { ANYONE, mayCall, refusalFor, roleMatrix } from '../../../common/team/roles.ts';

const member = (role: WorkRole, admin = false) => memberPrincipal(`id-${role}`, role, admin);
const technician = member('technician');
const lead = member('support_lead');
const finance = member('finance');
const methodNames = Object.keys(methods) as MethodName[];

describe('the role matrix', () => {
  test('has exactly one rule for every API method, each naming known roles', () => {
    expect(Object.keys(roleMatrix).sort()).toEqual([...methodNames].sort());
    for (const method of methodNames) {
      const { roles } = roleMatrix[method];
      if (roles === ANYONE) {
        expect(method.startsWith('app.'), method).toBe(true);
        continue;
      }
      expect(roles.length, method).toBeGreaterThan(0);
      for (const role of roles) expect(workRoles).toContain(role);
    }
  });

  test('a technician: registry, tickets, sessions, their own time; no month approval, no agreements', () => {
    for (const method of [
      'registry.createCustomer',
      'registry.revealSecret',
      'tickets.save',
      'sessions.open',
      'time.startTimer',
      'time.addManual',
      'time.classify',
    ] as const) {
      expect(mayCall(technician, method), method).toBe(true);
    }
    for (const method of [
      'billing.approveMonth',
      'billing.export',
      'agreements.save',
      'dpas.save',
      'audit.list',
      'retention.purge',
      'privacy.erase',
    ] as const) {
      expect(mayCall(technician, method), method).toBe(false);
    }
  });

  test('a support lead: also agreements, DPAs, overrides and exceptions; no approval or export', () => {
    for (const method of [
      'agreements.save',
      'dpas.save',
      'dpas.delete',
      'sessions.open',
      'recordings.read',
    ] as const) {
      expect(mayCall(lead, method), method).toBe(true);
    }
    expect(mayCall(lead, 'billing.approveMonth')).toBe(false);
    expect(mayCall(lead, 'billing.export')).toBe(false);
    const override = { ...parsed('sessions.open'), overrideReason: 'Kunden har bekräftat per telefon' };
    expect(refusalFor(lead, 'sessions.open', override)).toBeNull();
    expect(refusalFor(technician, 'sessions.open', override)).toMatchObject({ roles: ['support_lead'] });
    const exception = { id: 'x', exception: { reason: 'Skolstart' } };
    expect(refusalFor(lead, 'tickets.escalate', exception)).toBeNull();
    expect(refusalFor(technician, 'tickets.escalate', exception)?.message).toBe(
      'Only support lead may make an escalation outside the agreement (an exception) (tickets.escalate); you are a technician.',
    );
    expect(refusalFor(technician, 'tickets.escalate', { id: 'x' })).toBeNull();
  });

  test('finance: the registry without secrets, time, approval and exports; no sessions, no secret reveal', () => {
    for (const method of [
      'registry.listCustomers',
      'registry.listCustomerServers',
      'registry.listCustomerContacts',
      'registry.getCustomer',
      'time.list',
      'time.classify',
      'billing.approveMonth',
      'billing.export',
    ] as const) {
      expect(mayCall(finance, method), method).toBe(true);
    }
    for (const method of [
      'sessions.open',
      'sessions.list',
      'sessions.input',
      'recordings.read',
      'registry.revealSecret',
      'registry.saveSupportAccount',
      'time.startTimer',
    ] as const) {
      expect(mayCall(finance, method), method).toBe(false);
    }
    expect(refusalFor(finance, 'registry.revealSecret', { accountId: 'a', purpose: '' })?.message).toBe(
      'Only technician or support lead may do this (registry.revealSecret); you are in finance.',
    );
  });

  test('the admin right is needed on top of the role where the matrix says so, and is never enough alone', () => {
    expect(refusalFor(lead, 'retention.purge', {})).toMatchObject({ admin: true });
    expect(refusalFor(member('support_lead', true), 'retention.purge', {})).toBeNull();
    expect(refusalFor(member('technician', true), 'retention.purge', {})).toMatchObject({
      roles: ['support_lead'],
    });
  });

  test('the embedded default holds every role and the admin right', () => {
    const local = localPrincipal('u');
    for (const method of methodNames) expect(mayCall(local, method), method).toBe(true);
    expect(describePrincipal(local)).toBe('Every role (this computer)');
    expect(describePrincipal(member('support_lead', true))).toBe('Support lead · admin');
  });
});

describe("other people's rows", () => {
  test("a technician touches only their own; support leads and finance see everyone's time; only finance reclassifies", () => {
    expect(mayTouchOthers(technician, 'readTime', 'someone')).toBe(false);
    expect(mayTouchOthers(technician, 'writeTime', technician.userId)).toBe(true);
    expect(onlyOwnUnder(technician, 'readTime')).toBe(technician.userId);
    expect(onlyOwnUnder(lead, 'readTime')).toBeNull();
    expect(onlyOwnUnder(finance, 'readTime')).toBeNull();
    expect(onlyOwnUnder(lead, 'readSessions')).toBeNull();
    expect(mayTouchOthers(finance, 'classifyTime', 'someone')).toBe(true);
    expect(mayTouchOthers(lead, 'classifyTime', 'someone')).toBe(false);
    for (const role of workRoles) expect(mayTouchOthers(member(role), 'writeTime', 'someone')).toBe(false);
    expect(mayTouchOthers(localPrincipal('u'), 'writeTime', 'someone')).toBe(true);
  });
});

function parsed(method: 'sessions.open') {
  return methods[method].input.parse({
    ticketId: '00000000-0000-4000-8000-000000000001',
    environmentId: '00000000-0000-4000-8000-000000000002',
    kind: 'local',
  });
}
