import type { BillableWorkType } from '../../common/agreements/model.ts';
import type { AccessInput } from '../../common/registry/model.ts';
import type { SessionOpenInput } from '../../common/sessions/model.ts';
import type { apiCaller } from './apiCaller.ts';
import { orgNumber } from './orgNumbers.ts';
import type { SshdFixture } from './sshd/sshdFixture.ts';
import { storedVersion } from './storedVersion.ts';

export interface SessionTarget {
  host: string;
  port: number;
  username: string;
  /** The account's stored secret: a password or a private key. */
  secret: string;
}

/** The test sshd as a session target, logging in with its password. */
export function sessionTarget(
  sshd: Pick<SshdFixture, 'host' | 'port' | 'username' | 'password'>,
): SessionTarget {
  return { host: sshd.host, port: sshd.port, username: sshd.username, secret: sshd.password };
}

/** The prepared environment's access: a split-tunnel AnyConnect VPN, then SSH (standard access). */
const productionAccess = {
  vpnType: 'cisco_anyconnect',
  vpnGateway: 'vpn.kalmar.se',
  splitTunnel: 'yes',
  method: 'ssh',
} as const satisfies Partial<AccessInput>;

/**
 * An eligible customer (agreement in force, DPA signed, trained contacts) whose environment, reached by a split-tunnel
 * AnyConnect VPN (standard access), has its WAP server at `target` with a support account (and an AD FS server on
 * record, which the SSO service also depends on), and an open ticket from a named contact: what a session needs.
 */
export async function prepareSessionCustomer(
  call: ReturnType<typeof apiCaller>,
  target: SessionTarget,
  options: {
    name?: string;
    serial?: number;
    withDpa?: boolean;
    preConnectCommand?: string;
    /** The environment's pre-connect secret, which the pre-connect command reads from LOTSEN_PRE_CONNECT_SECRET. */
    preConnectSecret?: string;
    /** The agreement's prices for billable work, for a test that takes the time on to billing. */
    hourlyRatesOre?: Partial<Record<BillableWorkType, number>>;
  } = {},
) {
  const customer = await call.ok('registry.createCustomer', {
    name: options.name ?? 'Kalmar kommun',
    orgNumber: orgNumber('212000', options.serial ?? 80),
    kind: 'municipality',
  });
  const environment = await call.ok('registry.saveEnvironment', {
    customerId: customer.id,
    environment: {
      name: 'Produktion',
      access: { ...productionAccess, preConnectCommand: options.preConnectCommand ?? '' },
    },
    ...(options.preConnectSecret === undefined ? {} : { preConnectSecret: options.preConnectSecret }),
  });
  const server = await call.ok('registry.saveServer', {
    environmentId: environment.id,
    server: { host: target.host, port: target.port, role: 'wap' },
  });
  await call.ok('registry.saveServer', {
    environmentId: environment.id,
    server: { host: 'adfs01.kalmar.se', role: 'adfs' },
  });
  const account = await call.ok('registry.saveSupportAccount', {
    environmentId: environment.id,
    account: { username: target.username },
    secret: target.secret,
  });
  await call.ok('registry.saveContact', {
    customerId: customer.id,
    contact: {
      name: 'Åsa Öberg',
      email: 'asa.oberg@kalmar.se',
      adminTrainingDone: true,
      toolTrainingDone: true,
    },
  });
  await call.ok('agreements.save', {
    customerId: customer.id,
    agreement: {
      reference: 'FA-2026',
      startsOn: '2020-01-01',
      responseHours: 8,
      services: [{ kind: 'sso', name: 'SSO', environmentId: environment.id }],
      ...(options.hourlyRatesOre ? { hourlyRatesOre: options.hourlyRatesOre } : {}),
    },
  });
  if (options.withDpa ?? true) {
    await call.ok('dpas.save', {
      customerId: customer.id,
      dpa: { signedOn: '2020-01-01', reference: 'PUB-1', signatory: 'Karin Jurist' },
    });
  }
  const ticket = await call.ok('tickets.save', {
    ticket: {
      customerId: customer.id,
      requesterName: 'Åsa Öberg',
      requesterEmail: 'asa.oberg@kalmar.se',
      subject: 'WAP svarar inte',
      externalRef: 'HD-4711',
      environmentId: environment.id,
      receivedAt: Date.now() - 60_000,
    },
  });
  return { customer, environment, server, account, ticket };
}

export type PreparedSessionCustomer = Awaited<ReturnType<typeof prepareSessionCustomer>>;

/**
 * Gives the prepared environment a VPN: its access with these commands (and a profile's client), then approves them
 * on this machine, as a person does after reading them.
 */
export async function setEnvironmentVpn(
  call: ReturnType<typeof apiCaller>,
  prepared: PreparedSessionCustomer,
  access: Partial<AccessInput>,
  options: { preConnectSecret?: string; vpnTotpSeed?: string | null; approve?: boolean } = {},
): Promise<void> {
  const { preConnectSecret, vpnTotpSeed, approve = true } = options;
  await call.ok('registry.saveEnvironment', {
    customerId: prepared.customer.id,
    id: prepared.environment.id,
    rowVersion: await storedVersion(call, prepared.customer.id, prepared.environment.id),
    environment: {
      name: 'Produktion',
      access: { ...productionAccess, ...access },
    },
    ...(preConnectSecret === undefined ? {} : { preConnectSecret }),
    ...(vpnTotpSeed === undefined ? {} : { vpnTotpSeed }),
  });
  if (!approve) return;
  const [view] = await call.ok('sessions.preConnectCommands', { customerId: prepared.customer.id });
  await call.ok('sessions.approvePreConnect', {
    environmentId: prepared.environment.id,
    command: view!.command,
    disconnectCommand: view!.disconnectCommand,
  });
}

/** A server of the prepared customer's other environment (Test): one a route of the prepared environment may not use. */
export async function serverInOtherEnvironment(
  call: ReturnType<typeof apiCaller>,
  prepared: PreparedSessionCustomer,
) {
  const test = await call.ok('registry.saveEnvironment', {
    customerId: prepared.customer.id,
    environment: { name: 'Test', access: { vpnType: 'none', method: 'ssh' } },
  });
  return call.ok('registry.saveServer', {
    environmentId: test.id,
    server: { host: '10.0.1.9', role: 'other' },
  });
}

/**
 * Gives the prepared environment a VPN through Cisco Secure Client, which is not installed on this machine (its CLI
 * lives in /opt/cisco): the profile's connect and disconnect commands, approved. Returns the profile.
 */
export async function setMissingVpnClient(
  call: ReturnType<typeof apiCaller>,
  prepared: PreparedSessionCustomer,
  options: Parameters<typeof setEnvironmentVpn>[3] = {},
) {
  const profile = await call.ok('sessions.vpnProfile', {
    client: 'cisco_secure_client',
    gateway: 'vpn.kalmar.se',
    username: 'lotsen',
  });
  await setEnvironmentVpn(
    call,
    prepared,
    {
      vpnClient: 'cisco_secure_client',
      preConnectCommand: profile.connect,
      disconnectCommand: profile.disconnect,
    },
    options,
  );
  return profile;
}

/** The input for `sessions.open`: a session of the given kind for the prepared ticket and environment. */
function openInput(
  prepared: PreparedSessionCustomer,
  fields: Pick<SessionOpenInput, 'kind'> & Partial<SessionOpenInput>,
): SessionOpenInput {
  return { ticketId: prepared.ticket.id, environmentId: prepared.environment.id, ...fields };
}

/** The input for `sessions.open`: an SSH session to the prepared server and account, for its ticket. */
export const sshOpenInput = (prepared: PreparedSessionCustomer, extra: Partial<SessionOpenInput> = {}) =>
  openInput(prepared, {
    kind: 'ssh',
    serverId: prepared.server.id,
    accountId: prepared.account.id,
    ...extra,
  });

/** The input for `sessions.open`: a local terminal for the prepared ticket. */
export const localOpenInput = (prepared: PreparedSessionCustomer, extra: Partial<SessionOpenInput> = {}) =>
  openInput(prepared, { kind: 'local', ...extra });

/** The input for `sessions.open`: an RDP session to the prepared server and account, for its ticket. */
export const rdpOpenInput = (prepared: PreparedSessionCustomer, extra: Partial<SessionOpenInput> = {}) =>
  openInput(prepared, {
    kind: 'rdp',
    serverId: prepared.server.id,
    accountId: prepared.account.id,
    ...extra,
  });
