import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RegistryFileInput } from '../../../common/registry/registryFile.ts';
import { orgNumber } from '../../support/orgNumbers.ts';

export const VAXJO = { name: 'Växjö kommun', orgNumber: orgNumber('212000', 70) };
export const CONTACT = { name: 'Åsa Öberg', email: 'asa.oberg@vaxjo.se' };
/** The same customer under a name as long as real ones get, for specs that look at how pages wrap. */
export const LONG_VAXJO = {
  ...VAXJO,
  name: 'Växjö kommun – Utbildningsförvaltningen, grundskola och gymnasium (IT-enheten)',
};

type FileCustomer = RegistryFileInput['customers'][number];
type FileAgreement = NonNullable<FileCustomer['agreements']>[number];

export interface ContractFixtureOptions {
  withDpa: boolean;
  customer?: { name: string; orgNumber: string };
  /** The trained named contact (`CONTACT` unless given), who is also the ticket's requester. */
  contact?: { name: string; email: string };
  /** The domain the environment's VPN gateway and servers are named in (`vaxjo.se` unless given). */
  domain?: string;
  /** The agreement's reference (`FA-2020-3` unless given). */
  agreement?: string;
  /** What the agreement bills: hourly rates per work type and rounding (neither unless given). */
  billing?: Pick<FileAgreement, 'hourlyRatesOre' | 'rounding'>;
  /** A ticket from the contact on the agreement's service in the environment. */
  ticket?: { externalRef: string; subject: string; receivedAt: string };
}

/**
 * A registry file with one customer ready for support in every way but, unless `withDpa`, the data-processing
 * agreement: environment reached by split-tunnel AnyConnect with AD FS and WAP servers and a support account, trained
 * named contact, and an agreement in force since 2020 covering the SSO installation. The options name it otherwise
 * (`LONG_VAXJO`), make its agreement bill time, and add a ticket.
 */
export function contractRegistry(options: ContractFixtureOptions): RegistryFileInput {
  const contact = options.contact ?? CONTACT;
  const domain = options.domain ?? 'vaxjo.se';
  const reference = options.agreement ?? 'FA-2020-3';
  const service = 'AD FS SSO';
  return {
    format: 'lotsen-registry',
    version: 3,
    customers: [
      {
        ...(options.customer ?? VAXJO),
        kind: 'municipality',
        contacts: [{ ...contact, adminTrainingDone: true, toolTrainingDone: true }],
        environments: [
          {
            name: 'Produktion',
            access: {
              vpnType: 'cisco_anyconnect',
              vpnGateway: `vpn.${domain}`,
              splitTunnel: 'yes',
              method: 'ssh',
            },
            servers: [
              { host: `adfs01.${domain}`, role: 'adfs' },
              { host: `wap01.${domain}`, role: 'wap' },
            ],
            supportAccounts: [{ username: 'svc_lotsen', secret: 'x-hemligt' }],
          },
        ],
        agreements: [
          {
            reference,
            startsOn: '2020-01-01',
            services: [{ kind: 'sso', name: service, environment: 'Produktion' }],
            ...options.billing,
          },
        ],
        dpas: options.withDpa
          ? [{ signedOn: '2020-01-01', reference: 'PUB-1', signatory: 'Karin Jurist' }]
          : [],
        ...(options.ticket && {
          tickets: [
            {
              ...options.ticket,
              requesterName: contact.name,
              requesterEmail: contact.email,
              environment: 'Produktion',
              service: { agreement: reference, name: service },
            },
          ],
        }),
      },
    ],
  };
}

/** `contractRegistry(options)` written as `registry.json` in `dir`; returns the file's path. */
export async function writeContractFixture(dir: string, options: ContractFixtureOptions): Promise<string> {
  const file = join(dir, 'registry.json');
  await writeFile(file, JSON.stringify(contractRegistry(options)));
  return file;
}
