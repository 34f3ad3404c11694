import type { RegistryFileInput } from '../../common/registry/registryFile.ts';
import { orgNumber } from './orgNumbers.ts';

const towns = ['Växjö', 'Örebro', 'Luleå', 'Skövde', 'Täby', 'Åre', 'Höör', 'Malmö', 'Umeå', 'Älmhult'];
const people = ['Åsa Öberg', 'Björn Ärlig', 'Cécile Åkesson', 'Örjan Lindén', 'Märta Sjöö', 'José Ekström'];
const vpnTypes = [
  'cisco_anyconnect',
  'checkpoint',
  'windows_ipsec',
  'windows_pptp',
  'teamviewer',
  'none',
  'other',
] as const;

/**
 * `count` customers with Swedish characters everywhere (names, contacts, notes, environments, tools), several
 * environments, servers, accounts and contacts each, and valid organisation numbers. With `secrets`, every account
 * carries one, and every first environment a pre-connect secret.
 */
export function makeRegistryFile(count: number, options: { secrets?: boolean } = {}): RegistryFileInput {
  return {
    format: 'lotsen-registry',
    version: 1,
    customers: Array.from({ length: count }, (_, i) => {
      const town = towns[i % towns.length]!;
      const municipality = i % 3 === 0;
      const slug = `k${i}`;
      return {
        name: municipality ? `${town} kommun ${i}` : `Skolkoncernen ${town} ${i} AB`,
        orgNumber: municipality
          ? orgNumber('212000', i)
          : orgNumber(String(556100 + Math.floor(i / 1000)), i % 1000),
        kind: municipality
          ? ('municipality' as const)
          : i % 3 === 1
            ? ('school_chain' as const)
            : ('other' as const),
        notes: i % 4 === 0 ? `Kontakt via växeln; fråga efter IT-förvaltningen (é, ü, ß) #${i}` : '',
        contacts: people.slice(0, 1 + (i % 3)).map((name, n) => ({
          name: `${name} ${i}`,
          email: `kontakt${n}.${slug}@${town.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')}.se`,
          phone: n === 0 ? `0${470 + (i % 30)}-12 34 ${String(i % 100).padStart(2, '0')}` : '',
          role: n === 0 ? 'Unikumansvarig' : 'Supportkontakt',
          adminTrainingDone: (i + n) % 2 === 0,
          toolTrainingDone: (i + n) % 3 !== 0,
        })),
        environments: Array.from({ length: 1 + (i % 3) }, (_, e) => {
          const vpnType = vpnTypes[(i + e) % vpnTypes.length]!;
          return {
            name: ['Produktion', 'Test', 'Övergång'][e]!,
            notes: e === 1 ? 'Testmiljön återställs varje måndag' : '',
            access: {
              vpnType,
              vpnGateway: ['cisco_anyconnect', 'checkpoint', 'windows_ipsec', 'windows_pptp'].includes(
                vpnType,
              )
                ? `vpn${e}.${slug}.se`
                : '',
              teamViewerId: vpnType === 'teamviewer' ? String(100_000_000 + i * 7 + e) : '',
              method:
                vpnType === 'teamviewer'
                  ? 'teamviewer'
                  : (['ssh', 'powershell_remoting', 'rdp'] as const)[(i + e) % 3]!,
              supportedTools: ['PowerShell 7', 'Hämta loggar', 'RSAT'].slice(0, 1 + ((i + e) % 3)),
              notes: vpnType === 'other' ? 'Fortinet-klient krävs (särskild programvara)' : '',
              ...(options.secrets && e === 0 ? { preConnectSecret: `Hemligt-vpn-${i}-åäö!` } : {}),
            },
            servers: [
              { host: `adfs${e}.${slug}.se`, port: 22, role: 'adfs', os: 'Windows Server 2022', notes: '' },
              {
                host: `wap${e}.${slug}.se`,
                port: 5986,
                role: 'wap',
                os: 'Windows Server 2019',
                notes: 'I DMZ:n',
              },
              ...(e === 0
                ? [
                    {
                      host: `10.${i % 250}.0.${e + 10}`,
                      port: 22,
                      role: 'sync' as const,
                      os: 'Debian 12',
                      notes: '',
                    },
                  ]
                : []),
            ],
            supportAccounts: [
              {
                username: `svc_lotsen_${e}`,
                notes: 'Lösenordet byts varje termin',
                ...(options.secrets ? { secret: `Hemligt-${i}-${e}-åäö!` } : {}),
              },
            ],
          };
        }),
      };
    }),
  };
}
