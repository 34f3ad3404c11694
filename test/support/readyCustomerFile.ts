import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RegistryFileInput } from '../../common/registry/registryFile.ts';
import type { SshdFixture } from './sshd/sshdFixture.ts';

type FileCustomer = RegistryFileInput['customers'][number];
type FileEnvironment = NonNullable<FileCustomer['environments']>[number];

export interface ReadyCustomerOptions {
  customer: { name: string; orgNumber: string };
  /** The environment "Produktion", which the agreement's SSO service points at. */
  production: Omit<FileEnvironment, 'name'>;
  otherEnvironments?: FileEnvironment[];
  /** An open ticket HD-4711 from the named contact, received a minute ago, on "Produktion". */
  withTicket?: boolean;
}

/**
 * A version 3 registry file whose one municipality is ready for support: a trained named contact, the "Produktion"
 * environment as given, an agreement in force since 2020 covering its SSO installation, and a signed DPA. To be
 * eligible without warnings, `production` needs standard access (e.g. AnyConnect with split tunnel) and both an AD FS
 * and a WAP server, which SSO depends on: `standardAccess` and `adfsOnRecord` give them.
 */
export function readyCustomerFile(options: ReadyCustomerOptions): RegistryFileInput {
  const contact = { name: 'Åsa Öberg', email: 'asa.oberg@kalmar.se' };
  return {
    format: 'lotsen-registry',
    version: 3,
    customers: [
      {
        ...options.customer,
        kind: 'municipality',
        contacts: [{ ...contact, adminTrainingDone: true, toolTrainingDone: true }],
        environments: [{ name: 'Produktion', ...options.production }, ...(options.otherEnvironments ?? [])],
        agreements: [
          {
            reference: 'FA-2020-3',
            startsOn: '2020-01-01',
            services: [{ kind: 'sso', name: 'AD FS SSO', environment: 'Produktion' }],
          },
        ],
        dpas: [{ signedOn: '2020-01-01', reference: 'PUB-1', signatory: 'Karin Jurist' }],
        tickets: options.withTicket
          ? [
              {
                requesterName: contact.name,
                requesterEmail: contact.email,
                subject: 'WAP svarar inte',
                externalRef: 'HD-4711',
                environment: 'Produktion',
                receivedAt: new Date(Date.now() - 60_000).toISOString(),
              },
            ]
          : [],
      },
    ],
  };
}

/** Split-tunnel Cisco AnyConnect: one of the access solutions the terms accept. */
export const standardAccess = {
  vpnType: 'cisco_anyconnect',
  vpnGateway: 'vpn.kalmar.se',
  splitTunnel: 'yes',
  method: 'ssh',
} as const;

/** An AD FS server on record beside the WAP server a test connects to: SSO depends on both. */
export const adfsOnRecord = { host: 'adfs01.kalmar.se', role: 'adfs' } as const;

/**
 * A production environment whose WAP server is the fixture sshd, with an AD FS on record: the account's password is
 * stored, unless `storePassword` is false (a test that stores a secret itself).
 */
export function sshdProduction(
  sshd: SshdFixture,
  { storePassword = true } = {},
): ReadyCustomerOptions['production'] {
  return {
    access: standardAccess,
    servers: [{ host: sshd.host, port: sshd.port, role: 'wap' }, adfsOnRecord],
    supportAccounts: [
      storePassword ? { username: sshd.username, secret: sshd.password } : { username: sshd.username },
    ],
  };
}

/** The same, written as registry.json in `dir` for `lotsen registry import`; returns its path. */
export async function writeReadyCustomerFile(dir: string, options: ReadyCustomerOptions): Promise<string> {
  const file = join(dir, 'registry.json');
  await writeFile(file, JSON.stringify(readyCustomerFile(options)));
  return file;
}
