import type { AgreementServiceView, ServiceKind } from '../../common/agreements/model.ts';
import type { Reason } from '../../common/agreements/verdict.ts';
import type { EnvironmentView } from '../../common/registry/model.ts';
import type { ServerRole } from '../../common/registry/vocabulary.ts';

/** The server roles each kind of contracted service runs on, so remote access must reach every one of them. */
export const serverRolesOfService: Record<ServiceKind, readonly ServerRole[]> = {
  sso: ['adfs', 'wap'],
  sync: ['sync'],
  integration: ['sync'],
};

/** Without a service to go by, the terms name the servers where AD FS and WAP run (DOMAIN: "Eligibility", 3). */
const rolesTheTermsName: readonly ServerRole[] = ['adfs', 'wap'];

const roleNames: Record<ServerRole, string> = {
  adfs: 'AD FS',
  wap: 'WAP',
  sync: 'sync/integration',
  other: 'other',
};

const listed = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/**
 * The blocker when `environment` has no server recorded for a role that `services` depend on (an SSO service needs
 * both AD FS and WAP), naming the missing roles and who needs them; null when every role is reachable.
 */
export function missingRemoteAccess(
  environment: EnvironmentView,
  services: readonly AgreementServiceView[],
): Reason | null {
  const needed =
    services.length === 0 ? rolesTheTermsName : services.flatMap((s) => serverRolesOfService[s.kind]);
  const present = new Set(environment.servers.map((s) => s.role));
  const missing = [...new Set(needed)].filter((role) => !present.has(role));
  if (missing.length === 0) return null;
  const why =
    services.length === 0
      ? 'the terms require remote access to AD FS and WAP'
      : services
          .map((s) => `${s.name} depends on ${listed(serverRolesOfService[s.kind].map((r) => roleNames[r]))}`)
          .join('; ');
  return {
    code: 'NO_REMOTE_ACCESS',
    message: `No remote access is recorded to the ${listed(missing.map((r) => roleNames[r]))} server${
      missing.length === 1 ? '' : 's'
    } in ${environment.name}: ${why}.`,
    // The console names the missing roles and the services needing them; which role each service runs on is the
    // terms' rule, not news to the reader, so only the CLI's English spells it out.
    sentence:
      services.length === 0
        ? { key: 'noRemoteAccessTerms', values: { environment: environment.name, roles: missing } }
        : {
            key: 'noRemoteAccessServices',
            values: {
              environment: environment.name,
              roles: missing,
              services: [...new Set(services.map((s) => s.name))],
            },
          },
  };
}
