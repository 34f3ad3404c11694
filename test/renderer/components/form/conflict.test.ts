import { describe, expect, it } from 'vitest';
import { LotsenError } from '../../../../common/api/errors.ts';
import type { ContactView, CustomerDetail, ServerView } from '../../../../common/registry/model.ts';
import { choose, conflictOf, resolvedValues } from '../../../../renderer/components/form/conflict.ts';
import {
  customerFormSpec,
  customerFormValues,
  type CustomerFormValues,
} from '../../../../renderer/features/customers/customerForm.ts';
import {
  contactFormSpec,
  contactFormValues,
} from '../../../../renderer/features/customer/forms/contactForm.ts';
import type { MaintenanceNoticeView } from '../../../../common/environments/maintenanceNotices.ts';
import { noticeFormSpec, noticeFormValues } from '../../../../renderer/features/customer/forms/noticeForm.ts';
import { serverFormSpec, serverFormValues } from '../../../../renderer/features/customer/forms/serverForm.ts';
import type { EnvironmentView, SupportAccountView } from '../../../../common/registry/model.ts';
import {
  environmentFormSpec,
  environmentFormValues,
} from '../../../../renderer/features/customer/forms/environmentForm.ts';
import {
  supportAccountFormSpec,
  supportAccountFormValues,
} from '../../../../renderer/features/customer/forms/supportAccountForm.ts';
import type { AgreementView } from '../../../../common/agreements/model.ts';
import {
  agreementFormSpecFor,
  agreementFormValues,
  servicesOf,
} from '../../../../renderer/features/contracts/agreementForm.ts';
import type { CertificateView } from '../../../../common/environments/certificates.ts';
import {
  certificateFormSpecFor,
  certificateFormValues,
} from '../../../../renderer/features/customer/forms/certificateForm.ts';
import type { TicketView } from '../../../../common/tickets/model.ts';
import { ticketFormSpecNaming, ticketFormValues } from '../../../../renderer/features/tickets/ticketForm.ts';
import type { TimeEntryView } from '../../../../common/time/model.ts';
import { classifySpec, classifyValues } from '../../../../renderer/features/timesheet/classifyForm.ts';

/*
 * The conflict panel's logic (issue 14), on the customer form: which fields it asks about, where each choice starts,
 * and what is saved once chosen.
 */

const opened = customerFormValues({
  id: 'c1',
  name: 'Kungälvs kommun',
  orgNumber: '212000-1355',
  kind: 'municipality',
  notes: 'Call before noon.',
  responsiblePerson: null,
} as unknown as CustomerDetail);

function staleSave(stored: Partial<CustomerFormValues>, kind?: string): LotsenError {
  const current = {
    id: 'c1',
    name: stored.name ?? opened.name,
    orgNumber: stored.orgNumber ?? opened.orgNumber,
    kind: kind ?? opened.kind,
    notes: stored.notes ?? opened.notes,
    responsiblePerson: stored.responsibleName ? { name: stored.responsibleName } : null,
    environments: [],
    contacts: [],
    rowVersion: 4,
  };
  return new LotsenError('CONFLICT', 'Ada Admin changed this customer at 14:02 while you had it open.', {
    record: 'customer',
    rowVersion: 4,
    current,
    changedFields: ['name'],
    changedBy: 'Ada Admin',
    changedAt: 1_765_000_000_000,
  });
}

describe('a stale save seen by the form', () => {
  it('asks about the fields the other member changed, starting on mine where I typed and theirs where I did not', () => {
    const mine = {
      ...opened,
      name: 'Kungälvs kommun – BoU',
      notes: 'Call after noon.',
      responsiblePhone: '0303-1',
    };
    const error = staleSave(
      { name: 'Kungälv (BoU)', notes: 'Call before noon. Ask for Eva.' },
      'school_chain',
    );
    const conflict = conflictOf(customerFormSpec, opened, mine, error)!;

    expect(conflict.details.rowVersion).toBe(4);
    expect(conflict.message).toMatch(/Ada Admin changed this customer/);
    // The phone only I changed collides with nothing, so it is not asked about.
    expect(conflict.fields.map((f) => [f.name, f.choice])).toEqual([
      ['name', 'mine'],
      ['kind', 'theirs'],
      ['notes', 'mine'],
    ]);
    expect(conflict.fields[0]).toMatchObject({
      label: 'Name',
      opened: 'Kungälvs kommun',
      stored: 'Kungälv (BoU)',
      mine: 'Kungälvs kommun – BoU',
    });
    // A select's value in words.
    expect(conflict.fields[1]).toMatchObject({
      opened: 'Municipality (kommun)',
      stored: 'School chain (friskolekedja)',
      mine: 'Municipality (kommun)',
    });
  });

  it('saves my values with theirs where chosen, never dropping what only I changed', () => {
    const mine = {
      ...opened,
      name: 'Kungälvs kommun – BoU',
      notes: 'Call after noon.',
      responsiblePhone: '0303-1',
    };
    const error = staleSave({ name: 'Kungälv (BoU)', notes: 'Call before noon. Ask for Eva.' });
    let conflict = conflictOf(customerFormSpec, opened, mine, error)!;
    conflict = choose(conflict, 'notes', 'theirs');
    expect(resolvedValues(conflict, mine)).toEqual({
      ...opened,
      name: 'Kungälvs kommun – BoU',
      notes: 'Call before noon. Ask for Eva.',
      responsiblePhone: '0303-1',
    });
    conflict = choose(conflict, 'name', 'theirs');
    expect(resolvedValues(conflict, mine).name).toBe('Kungälv (BoU)');
  });

  it('is no conflict for other failures, a CONFLICT over a taken name, or a form that cannot read a record', () => {
    const taken = new LotsenError('CONFLICT', 'Already used.', {
      issues: [{ path: 'orgNumber', message: 'Already used by Ale kommun' }],
    });
    expect(conflictOf(customerFormSpec, opened, opened, taken)).toBeNull();
    expect(conflictOf(customerFormSpec, opened, opened, new LotsenError('DISCONNECTED', 'Lost.'))).toBeNull();
    const { stored: _unused, ...blind } = customerFormSpec;
    expect(conflictOf(blind, opened, opened, staleSave({ name: 'X' }))).toBeNull();
  });

  it('shows empty values in words and asks about nothing when what is stored is what I typed', () => {
    const mine = { ...opened, notes: '' };
    const conflict = conflictOf(customerFormSpec, opened, mine, staleSave({ notes: '' }))!;
    expect(conflict.fields).toEqual([]);
    const other = conflictOf(customerFormSpec, opened, opened, staleSave({ notes: '' }))!;
    expect(other.fields[0]).toMatchObject({ name: 'notes', stored: '(empty)', choice: 'theirs' });
  });
});

describe('the other forms read a stored record as their values', () => {
  const stale = (current: object) =>
    new LotsenError('CONFLICT', 'Ada Admin changed this server at 14:02 while you had it open.', {
      record: 'server',
      rowVersion: 7,
      current,
      changedFields: ['port', 'role'],
      changedBy: 'Ada Admin',
      changedAt: null,
    });

  it('a server: the port as typed, the role in words', () => {
    const view = {
      id: 's1',
      environmentId: 'e1',
      host: 'adfs01.kungalv.se',
      port: 22,
      role: 'adfs',
      os: '',
      notes: '',
    };
    const opened = serverFormValues(view as ServerView);
    const mine = { ...opened, notes: 'Patched Tuesdays.' };
    const conflict = conflictOf(serverFormSpec, opened, mine, stale({ ...view, port: 2222, role: 'wap' }))!;
    expect(conflict.fields).toEqual([
      { name: 'port', label: 'Port', opened: '22', stored: '2222', mine: '22', choice: 'theirs' },
      {
        name: 'role',
        label: 'Role',
        opened: 'AD FS',
        stored: 'WAP (Web Application Proxy)',
        mine: 'AD FS',
        choice: 'theirs',
      },
    ]);
    expect(resolvedValues(conflict, mine)).toEqual({ ...mine, port: '2222', role: 'wap' });
  });

  it('a contact: a tick box as yes or no', () => {
    const view = {
      id: 'k1',
      name: 'Eva Lind',
      email: '',
      phone: '',
      role: '',
      adminAccount: '',
      isPrimary: false,
    };
    const opened = contactFormValues({
      ...view,
      adminTrainingDone: false,
      toolTrainingDone: false,
    } as ContactView);
    const stored = { ...view, adminTrainingDone: true, toolTrainingDone: false };
    const conflict = conflictOf(contactFormSpec, opened, opened, stale(stored))!;
    expect(conflict.fields).toEqual([
      {
        name: 'adminTrainingDone',
        label: 'Admin training done',
        opened: 'No',
        stored: 'Yes',
        mine: 'No',
        choice: 'theirs',
      },
    ]);
  });
});

it('a maintenance notice: its times in Swedish time, as the form shows them', () => {
  const view = {
    id: 'n1',
    summary: 'AD FS certificate renewal',
    startsAt: Date.parse('2026-12-08T18:00:00Z'),
    endsAt: null,
    receivedAt: Date.parse('2026-12-01T08:00:00Z'),
  } as unknown as MaintenanceNoticeView;
  const opened = noticeFormValues(0, view);
  const stored = { ...view, endsAt: Date.parse('2026-12-08T20:00:00Z') };
  const error = new LotsenError('CONFLICT', 'Changed.', {
    record: 'maintenance notice',
    rowVersion: 2,
    current: stored,
    changedFields: ['endsAt'],
    changedBy: null,
    changedAt: null,
  });
  expect(conflictOf(noticeFormSpec, opened, opened, error)!.fields).toEqual([
    {
      name: 'endsAt',
      label: 'To (Swedish time)',
      opened: '(empty)',
      stored: '2026-12-08T21:00',
      mine: '(empty)',
      choice: 'theirs',
    },
  ]);
});

it('a ticket: its customer, service and environment by name, its priority and status in words', () => {
  const view = {
    id: 't1',
    customerId: 'c1',
    customerName: 'Kungälvs kommun',
    serviceId: null,
    serviceName: null,
    environmentId: 'e1',
    requesterName: 'Eva Lind',
    requesterEmail: 'eva.lind@kungalv.se',
    subject: 'Cannot log in to Skolportalen',
    description: '',
    priority: 'normal',
    receivedAt: Date.parse('2026-12-07T07:30:00Z'),
    status: 'open',
    externalRef: '',
    externalUrl: '',
    affectedUsers: '',
    hasScreenshot: false,
    schoolAndClass: '',
    problemStarted: '',
    pageLinks: '',
    browser: '',
  } as unknown as TicketView;
  // Opened at another time and for another customer than the ticket's: both come from the ticket.
  const opened = ticketFormValues(Date.parse('2026-12-07T09:00:00Z'), view, 'c2');
  const mine = { ...opened, description: 'Since Monday.' };
  const stored = {
    ...view,
    serviceId: 's1',
    serviceName: 'Skolportalen',
    priority: 'urgent',
    status: 'pending',
  };
  const spec = ticketFormSpecNaming({
    customers: { c1: 'Kungälvs kommun (212000-1355)' },
    services: { '': 'Not stated', s1: 'Skolportalen (AVT-2026-01)' },
    environments: { '': 'Not stated', e1: 'Produktion' },
  });
  const error = new LotsenError('CONFLICT', 'Ada Admin changed this ticket at 09:02 while you had it open.', {
    record: 'ticket',
    rowVersion: 3,
    current: stored,
    changedFields: ['serviceId', 'priority', 'status'],
    changedBy: 'Ada Admin',
    changedAt: null,
  });
  const conflict = conflictOf(spec, opened, mine, error)!;
  expect(conflict.stored).toMatchObject({ customerId: 'c1', receivedAt: '2026-12-07T08:30' });
  expect(conflict.fields).toEqual([
    {
      name: 'serviceId',
      label: 'Service',
      opened: 'Not stated',
      stored: 'Skolportalen (AVT-2026-01)',
      mine: 'Not stated',
      choice: 'theirs',
    },
    {
      name: 'priority',
      label: 'Priority',
      opened: 'Normal',
      stored: 'Urgent',
      mine: 'Normal',
      choice: 'theirs',
    },
    { name: 'status', label: 'Status', opened: 'Open', stored: 'Pending', mine: 'Open', choice: 'theirs' },
  ]);
  expect(resolvedValues(conflict, mine)).toEqual({
    ...mine,
    serviceId: 's1',
    priority: 'urgent',
    status: 'pending',
  });
});

describe('a support account: its secret never reaches the panel', () => {
  const view = { id: 'a1', username: 'lotsen-support', notes: '', hasSecret: true, rowVersion: 2 };
  const typedSecret = 'Nytt-lösen-åäö';
  const stale = (current: object) =>
    new LotsenError('CONFLICT', 'Ada Admin changed this support account at 14:02 while you had it open.', {
      record: 'support account',
      rowVersion: 3,
      current,
      changedFields: ['username'],
      changedBy: 'Ada Admin',
      changedAt: null,
    });

  it('asks about the username, not the secret I typed, and saves my secret with the choices', () => {
    const opened = supportAccountFormValues(view as SupportAccountView);
    const mine = { ...opened, secret: typedSecret };
    // Even a view that wrongly carried a secret must not bring it to the page.
    const error = stale({ ...view, username: 'lotsen-stod', secret: 'Lagrat-lösen' });
    const conflict = conflictOf(supportAccountFormSpec, opened, mine, error)!;
    expect(conflict.fields.map((f) => f.name)).toEqual(['username']);
    expect(JSON.stringify(conflict.fields)).not.toMatch(/lösen/);
    expect(conflict.stored.secret).toBe('');
    expect(resolvedValues(conflict, mine)).toEqual({ ...mine, username: 'lotsen-stod' });
  });

  it('never shows a secret field, even from a spec that would read one', () => {
    const leaky = {
      ...supportAccountFormSpec,
      stored: {
        ...supportAccountFormSpec.stored!,
        values: (current: unknown) => ({
          secretKind: 'password' as const,
          totpSeed: '',
          clearTotpSeed: false,
          ...(current as { username: string; notes: string; secret: string }),
        }),
      },
    };
    const opened = supportAccountFormValues(view as SupportAccountView);
    const mine = { ...opened, secret: typedSecret };
    const conflict = conflictOf(leaky, opened, mine, stale({ ...view, secret: 'Lagrat-lösen' }))!;
    expect(conflict.fields).toEqual([]);
    // "Reload theirs" puts the stored values in the form: no secret may come with them.
    expect(conflict.stored.secret).toBe('');
    expect(resolvedValues(conflict, mine).secret).toBe(typedSecret);
  });
});

it('an environment: its nested access fields by their labels, codes and the tool list in words, no secret', () => {
  const access = {
    vpnType: 'cisco_anyconnect',
    vpnGateway: 'vpn.kungalv.se',
    teamViewerId: '',
    method: 'ssh',
    supportedTools: ['PowerShell'],
    notes: '',
    preConnectCommand: '',
    splitTunnel: 'unknown',
    accessTool: '',
    specialConfigurationNeeded: false,
    specialConfiguration: '',
    hasPreConnectSecret: true,
  };
  const view = { id: 'e1', name: 'Produktion', notes: '', access, servers: [], rowVersion: 5 };
  const opened = environmentFormValues(view as unknown as EnvironmentView);
  const mine = { ...opened, 'access.vpnGateway': 'vpn2.kungalv.se', preConnectSecret: 'Vpn-Lösen' };
  const stored = {
    ...view,
    access: {
      ...access,
      vpnGateway: 'vpn3.kungalv.se',
      splitTunnel: 'yes',
      supportedTools: ['PowerShell', 'RSAT', 'AD FS snap-in'],
    },
  };
  const error = new LotsenError(
    'CONFLICT',
    'Ada Admin changed this environment at 14:02 while you had it open.',
    {
      record: 'environment',
      rowVersion: 6,
      current: stored,
      changedFields: ['access'],
      changedBy: 'Ada Admin',
      changedAt: null,
    },
  );
  const conflict = conflictOf(environmentFormSpec, opened, mine, error)!;
  expect(conflict.fields).toEqual([
    {
      name: 'access.vpnGateway',
      label: 'VPN gateway',
      opened: 'vpn.kungalv.se',
      stored: 'vpn3.kungalv.se',
      mine: 'vpn2.kungalv.se',
      choice: 'mine',
    },
    {
      name: 'access.supportedTools',
      label: 'Supported tools',
      opened: 'PowerShell',
      stored: 'PowerShell, RSAT and AD FS snap-in',
      mine: 'PowerShell',
      choice: 'theirs',
    },
    {
      name: 'access.splitTunnel',
      label: 'Split tunnel',
      opened: 'Not known',
      stored: 'Split tunnel',
      mine: 'Not known',
      choice: 'theirs',
    },
  ]);
  expect(JSON.stringify(conflict.fields)).not.toMatch(/Lösen/);
  const saved = environmentFormSpec.toInput(resolvedValues(conflict, mine)) as {
    access: { supportedTools: string[]; splitTunnel: string; vpnGateway: string };
    preConnectSecret?: string;
  };
  expect(saved.access).toMatchObject({
    vpnGateway: 'vpn2.kungalv.se',
    splitTunnel: 'yes',
    supportedTools: ['PowerShell', 'RSAT', 'AD FS snap-in'],
  });
  expect(saved.preConnectSecret).toBe('Vpn-Lösen');
});

it('an agreement: its services and rates in words, and "use theirs" takes the stored services whole', () => {
  const view = {
    id: 'g1',
    reference: 'FA-2026-07',
    startsOn: '2026-01-01',
    endsOn: null,
    responseHours: 8,
    acuteEscalation: { enabled: false, feeOre: 0 },
    allowedContacts: 6,
    hourlyRatesOre: { configuration_change: 125_000 },
    rounding: { incrementMinutes: 15, scope: 'entry', minimumMinutes: 0 },
    notes: '',
    services: [{ id: 'v1', kind: 'sso', name: 'Skolportalen', environmentId: 'e1' }],
  } as unknown as AgreementView;
  const spec = agreementFormSpecFor([{ id: 'e1', name: 'Produktion' }]);
  const opened = agreementFormValues(view);
  const mine = { ...opened, notes: 'Renewed in March.' };
  const stored = {
    ...view,
    hourlyRatesOre: { configuration_change: 135_050, project: 110_000 },
    services: [
      ...view.services,
      { id: 'v2', kind: 'integration', name: 'Elevregister', environmentId: null },
    ],
  };
  const error = new LotsenError(
    'CONFLICT',
    'Ada Admin changed this agreement at 14:02 while you had it open.',
    {
      record: 'agreement',
      rowVersion: 9,
      current: stored,
      changedFields: ['hourlyRatesOre', 'services'],
      changedBy: 'Ada Admin',
      changedAt: null,
    },
  );
  const conflict = conflictOf(spec, opened, mine, error)!;
  expect(conflict.fields).toEqual([
    {
      name: 'rate_configuration_change',
      label: 'Hourly rate: Configuration change',
      opened: '1250 kr/h',
      stored: '1350,50 kr/h',
      mine: '1250 kr/h',
      choice: 'theirs',
    },
    {
      name: 'rate_project',
      label: 'Hourly rate: Project work',
      opened: '(no rate)',
      stored: '1100 kr/h',
      mine: '(no rate)',
      choice: 'theirs',
    },
    {
      name: 'services',
      label: 'Services covered',
      opened: 'SSO installation (AD FS / WAP) “Skolportalen” in Produktion',
      stored:
        'SSO installation (AD FS / WAP) “Skolportalen” in Produktion and Integration “Elevregister” in any environment',
      mine: 'SSO installation (AD FS / WAP) “Skolportalen” in Produktion',
      choice: 'theirs',
    },
  ]);
  const saved = resolvedValues(conflict, mine);
  expect(saved.notes).toBe('Renewed in March.');
  expect(servicesOf(saved.services).map((s) => s.id)).toEqual(['v1', 'v2']);
});

it('a certificate: its server by host from the environment, its kind in words', () => {
  const view = {
    id: 'x1',
    kind: 'ssl',
    subject: 'CN=sts.kungalv.se',
    thumbprint: 'AB12',
    serverId: null,
    expiresOn: '2027-03-01',
  } as unknown as CertificateView;
  const spec = certificateFormSpecFor([
    { id: 's1', host: 'adfs01.kungalv.se' },
    { id: 's2', host: 'wap01.kungalv.se' },
  ]);
  const opened = certificateFormValues(view);
  const mine = { ...opened, serverId: 's2' };
  const error = new LotsenError(
    'CONFLICT',
    'Ada Admin changed this certificate at 14:02 while you had it open.',
    {
      record: 'certificate',
      rowVersion: 2,
      current: { ...view, kind: 'token_signing', serverId: 's1' },
      changedFields: ['kind', 'serverId'],
      changedBy: 'Ada Admin',
      changedAt: null,
    },
  );
  const conflict = conflictOf(spec, opened, mine, error)!;
  expect(conflict.fields).toEqual([
    {
      name: 'kind',
      label: 'Kind',
      opened: 'SSL (service communications)',
      stored: 'Token-signing',
      mine: 'SSL (service communications)',
      choice: 'theirs',
    },
    {
      name: 'serverId',
      label: 'Server',
      opened: 'Not one server (the farm, or unknown)',
      stored: 'adfs01.kungalv.se',
      mine: 'wap01.kungalv.se',
      choice: 'mine',
    },
  ]);
  expect(resolvedValues(conflict, mine)).toEqual({ ...mine, kind: 'token_signing' });
  // A server removed since is said to be, not shown as an id.
  expect(certificateFormSpecFor([]).stored!.show!.serverId!('s1')).toBe('A server since removed');
});

describe('a time entry’s classification', () => {
  const entry = {
    id: 't1',
    classification: 'unclassified',
    workType: null,
    suggestion: { classification: 'billable', workType: 'configuration_change', reasons: [] },
    rowVersion: 3,
  } as unknown as TimeEntryView;
  const stale = (current: object) =>
    new LotsenError('CONFLICT', 'Tekla Tekniker changed this time entry at 14:02 while you had it open.', {
      record: 'time entry',
      rowVersion: 4,
      current,
      changedFields: ['classification'],
      changedBy: 'Tekla Tekniker',
      changedAt: null,
    });
  const opened = classifyValues(entry).values;

  it('a changed time alone collides with nothing: the choice is saved as made', () => {
    const mine = { ...opened, classification: 'included' as const, workType: '' };
    const conflict = conflictOf(classifySpec, opened, mine, stale({ ...entry, endedAt: 1, rowVersion: 4 }))!;
    expect(conflict.fields).toEqual([]);
    expect(resolvedValues(conflict, mine)).toEqual(mine);
  });

  it('another finance member’s choice shows in words, and using it takes their work type too', () => {
    const mine = { ...opened };
    const theirs = { ...entry, classification: 'no_charge', workType: null, rowVersion: 4 };
    const conflict = conflictOf(classifySpec, opened, mine, stale(theirs))!;
    expect(conflict.fields).toEqual([
      {
        name: 'classification',
        label: 'How it is charged',
        opened: 'Billable',
        stored: 'No charge',
        mine: 'Billable',
        choice: 'theirs',
      },
      {
        name: 'workType',
        label: 'Work type',
        opened: 'Configuration change',
        stored: '(none)',
        mine: 'Configuration change',
        choice: 'theirs',
      },
    ]);
    expect(resolvedValues(conflict, mine)).toEqual({ classification: 'no_charge', workType: '' });
  });
});
