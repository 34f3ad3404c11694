import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { orgNumber } from '../../support/orgNumbers.ts';

export const VAXJO = { name: 'Växjö kommun', orgNumber: orgNumber('212000', 70) };
export const CONTACT = { name: 'Åsa Öberg', email: 'asa.oberg@vaxjo.se' };
/** The same customer under a name as long as real ones get, for specs that look at how pages wrap. */
export const LONG_VAXJO = {
  ...VAXJO,
  name: 'Växjö kommun – Utbildningsförvaltningen, grundskola och gymnasium (IT-enheten)',
};

/**
 * A registry file with one customer ready for support in every way but, unless `withDpa`, the data-processing
 * agreement: environment reached by split-tunnel AnyConnect with AD FS and WAP servers and a support account, trained named contact, and an agreement
 * in force since 2020 covering the SSO installation. `customer` names it otherwise (`LONG_VAXJO`).
 */
export async function writeContractFixture(
  dir: string,
  options: { withDpa: boolean; customer?: { name: string; orgNumber: string } },
): Promise<string> {
  const file = join(dir, 'registry.json');
  await writeFile(
    file,
    JSON.stringify({
      format: 'lotsen-registry',
      version: 3,
      customers: [
        {
          ...(options.customer ?? VAXJO),
          kind: 'municipality',
          contacts: [{ ...CONTACT, adminTrainingDone: true, toolTrainingDone: true }],
          environments: [
            {
              name: 'Produktion',
              access: {
                vpnType: 'cisco_anyconnect',
                vpnGateway: 'vpn.vaxjo.se',
                splitTunnel: 'yes',
                method: 'ssh',
              },
              servers: [
                { host: 'adfs01.vaxjo.se', role: 'adfs' },
                { host: 'wap01.vaxjo.se', role: 'wap' },
              ],
              supportAccounts: [{ username: 'svc_lotsen', secret: 'x-hemligt' }],
            },
          ],
          agreements: [
            {
              reference: 'FA-2020-3',
              startsOn: '2020-01-01',
              services: [{ kind: 'sso', name: 'AD FS SSO', environment: 'Produktion' }],
            },
          ],
          dpas: options.withDpa
            ? [{ signedOn: '2020-01-01', reference: 'PUB-1', signatory: 'Karin Jurist' }]
            : [],
        },
      ],
    }),
  );
  return file;
}
