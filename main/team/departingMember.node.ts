import { keyedError } from '../../common/api/errors.ts';
import type { DepartingReport, DepartingSecret } from '../../common/team/departing.ts';
import type { TeamClient } from './teamClient.ts';
import { teamError } from './teamErrors.ts';

/*
 * Rotating the vault's keys stops a departing member from opening what is written afterwards; it cannot take back a
 * password they saw or used. This lists those, per customer, environment and account, so the customers' passwords
 * can be changed (docs/team-vault.md). The team database finds them (lotsen.team_departing_secrets, admins only);
 * the names come from the registry as it is now, or stay empty for an account or environment deleted since.
 */

interface Found {
  how: 'revealed' | 'session' | 'preconnect' | 'registry_export';
  account_id: string | null;
  environment_id: string | null;
  times: number;
  last_at: string;
}

export async function departingSecrets(client: TeamClient, userId: string): Promise<DepartingReport> {
  try {
    const { rows } = await client.query<Found>('SELECT * FROM lotsen.team_departing_secrets($1)', [userId]);
    // Asked after the function (which refuses a member without the admin right): an id no member ever had would
    // otherwise read as a member who saw nothing.
    const known = await client.query('SELECT 1 FROM lotsen.team_members WHERE user_id = $1', [userId]);
    if (known.rows.length === 0) {
      throw keyedError('NOT_FOUND', 'team.noMemberEver');
    }
    const accountIds = [...new Set(rows.flatMap((r) => (r.account_id === null ? [] : [r.account_id])))];
    const accounts = new Map(
      (
        await client.query<{ id: string; environment_id: string; username: string }>(
          'SELECT id, environment_id, username FROM lotsen.support_accounts WHERE id = ANY($1)',
          [accountIds],
        )
      ).rows.map((a) => [a.id, a]),
    );
    // An account's environment as it is now; the one the event or session named, for an account deleted since.
    const environmentOf = (r: Found) => accounts.get(r.account_id ?? '')?.environment_id ?? r.environment_id;
    const environmentIds = [...new Set(rows.flatMap((r) => environmentOf(r) ?? []))];
    const environments = new Map(
      (
        await client.query<{ id: string; name: string; customer_id: string; customer_name: string }>(
          `SELECT e.id, e.name, e.customer_id, c.name AS customer_name
             FROM lotsen.environments e JOIN lotsen.customers c ON c.id = e.customer_id
            WHERE e.id = ANY($1)`,
          [environmentIds],
        )
      ).rows.map((e) => [e.id, e]),
    );
    const place = (environmentId: string | null) => {
      const found = environmentId === null ? undefined : environments.get(environmentId);
      return {
        customerId: found?.customer_id ?? null,
        customerName: found?.customer_name ?? null,
        environmentId,
        environmentName: found?.name ?? null,
      };
    };
    const use = (r: Found) => ({ times: Number(r.times), lastAt: Number(r.last_at) });

    const secrets = new Map<string, DepartingSecret>();
    for (const r of rows) {
      if (r.account_id === null || (r.how !== 'revealed' && r.how !== 'session')) continue;
      const secret = secrets.get(r.account_id) ?? {
        ...place(environmentOf(r)),
        accountId: r.account_id,
        username: accounts.get(r.account_id)?.username ?? null,
        revealed: null,
        usedInSessions: null,
      };
      if (r.how === 'revealed') secret.revealed = use(r);
      else secret.usedInSessions = use(r);
      secrets.set(r.account_id, secret);
    }
    const exports = rows.find((r) => r.how === 'registry_export');
    return {
      userId,
      secrets: [...secrets.values()].sort(byPlace),
      preConnect: rows
        .filter((r) => r.how === 'preconnect')
        .map((r) => ({ ...place(r.environment_id), ...use(r) }))
        .sort(byPlace),
      registryExportsWithSecrets: exports ? use(exports) : null,
    };
  } catch (error) {
    throw teamError(error);
  }
}

const byPlace = (
  a: { customerName: string | null; environmentName: string | null; username?: string | null },
  b: { customerName: string | null; environmentName: string | null; username?: string | null },
) =>
  (a.customerName ?? '').localeCompare(b.customerName ?? '', 'sv') ||
  (a.environmentName ?? '').localeCompare(b.environmentName ?? '', 'sv') ||
  (a.username ?? '').localeCompare(b.username ?? '', 'sv');
