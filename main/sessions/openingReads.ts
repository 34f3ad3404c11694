import { LotsenError } from '../../common/api/errors.ts';
import type { Backend } from '../app/backend.node.ts';
import { openPersonalText } from '../personalData/personalDataKeys.ts';
import { readPreConnectSecret } from '../registry/environmentRepository.ts';
import { keyRingOf, treeKey, type TreeKey } from '../vault/keyRing.ts';
import { SECRETS_TREE } from '../vault/secretVault.ts';
import { isFresh } from './cachedVerdicts.ts';
import { approvalSha256, assertPreConnectApproved, type PreConnectCommands } from './preConnectApprovals.ts';
import type { SshRouteReads } from './sessionSsh.node.ts';
import { hostKeyChanged, knownHostEndpoint, knownHostsPolicy, type HostEndpoint } from './ssh/knownHosts.ts';
import { findHopTarget, type HopTarget } from './ssh/sshHops.ts';

/** What a session's tab and list name besides its title: its ticket and customer. */
export interface SessionLabels {
  ticketRef: string;
  customerName: string;
}

interface Remembered<T> {
  value: T;
  readAt: number;
}

/**
 * What opening a session reads from the store besides the verdict (its ticket's and customer's names, the vault key
 * its recording's data key is wrapped under, its pre-connect command's approval and secret, its SSH hops and their
 * host keys), as this Lotsen last read it for one ticket and environment. Kept with the verdict (cachedVerdicts.ts):
 * in memory only, forgotten at lock, and used only while the team database cannot be reached, each part only when
 * read within the hour. It holds a support account's secret only once a session of this machine used it, as the
 * session's own connection did.
 */
export class OpeningNeeds {
  labels: Remembered<SessionLabels> | null = null;
  secretsTree: Remembered<TreeKey> | null = null;
  /** Pre-connect commands approved on this machine, by their SHA-256. */
  readonly approvedCommands = new Map<string, number>();
  preConnectSecret: Remembered<string | null> | null = null;
  /** By `serverId` and `accountId`. */
  readonly targets = new Map<string, Remembered<HopTarget>>();
  /** Host keys trusted for a session of this ticket and environment, by endpoint and key type. */
  readonly hostKeys = new Map<string, Remembered<string>>();
}

/** What `open()` and its establishing read: from the store (remembering it) or, with the database away, from the cache. */
export interface OpeningReads extends SshRouteReads {
  labels(): Promise<SessionLabels>;
  /** The vault's `secrets` tree key a new recording's data key is wrapped under. */
  secretsTree(): Promise<TreeKey>;
  assertPreConnectApproved(environment: PreConnectCommands): Promise<void>;
  preConnectSecret(): Promise<string | null>;
}

const targetKey = (spec: { serverId: string; accountId: string }) =>
  `${spec.serverId}\u0000${spec.accountId}`;
const hostKeyOf = (endpoint: HostEndpoint, keyType: string) =>
  `${endpoint.host}\u0000${endpoint.port}\u0000${keyType}`;

/** Reads from the store for one ticket and environment, and remembers what it read in `needs`. */
export function storeOpeningReads(
  backend: Backend,
  scope: { ticketId: string; environmentId: string },
  needs: OpeningNeeds,
): OpeningReads {
  const ctx = () => backend.registryContext();
  const remember = <T>(value: T): Remembered<T> => ({ value, readAt: ctx().now() });
  return {
    async labels() {
      const row = await ctx()
        .db.selectFrom('tickets')
        .innerJoin('customers', 'customers.id', 'tickets.customer_id')
        .select(['tickets.external_ref', 'tickets.subject', 'customers.name'])
        .where('tickets.id', '=', scope.ticketId)
        .executeTakeFirstOrThrow();
      const labels = {
        ticketRef: row.external_ref || ((await openPersonalText(ctx().db, row.subject)) ?? ''),
        customerName: row.name,
      };
      needs.labels = remember(labels);
      return labels;
    },
    async secretsTree() {
      const tree = await treeKey(ctx().db, SECRETS_TREE);
      // Only a member's key ring's key is kept: it is the one the ring itself holds in memory until lock.
      if (keyRingOf(ctx().db) !== null) needs.secretsTree = remember(tree);
      return tree;
    },
    async assertPreConnectApproved(environment) {
      await assertPreConnectApproved(backend, environment);
      needs.approvedCommands.set(
        approvalSha256(environment.preConnectCommand, environment.disconnectCommand),
        ctx().now(),
      );
    },
    async preConnectSecret() {
      const secret = await readPreConnectSecret(ctx().db, scope.environmentId);
      needs.preConnectSecret = remember(secret);
      return secret;
    },
    async findTarget(spec) {
      const target = await findHopTarget(ctx().db, scope.environmentId, spec);
      needs.targets.set(targetKey(spec), remember(target));
      return target;
    },
    hostKeyPolicy(askToTrust) {
      const policy = knownHostsPolicy(ctx(), askToTrust);
      return async (question) => {
        const trusted = await policy(question);
        if (trusted) {
          const endpoint = knownHostEndpoint(question.hop, question.via);
          needs.hostKeys.set(hostKeyOf(endpoint, question.keyType), remember(question.fingerprint));
        }
        return trusted;
      };
    },
  };
}

/**
 * Reads what `needs` remembers, for a session opened on a cached verdict while the team database cannot be reached.
 * What it does not hold, or read more than an hour ago, refuses the session with DATABASE_UNREACHABLE, saying what.
 */
export function cachedOpeningReads(needs: OpeningNeeds, now: () => number): OpeningReads {
  function fresh<T>(remembered: Remembered<T> | null | undefined, what: string): T {
    if (remembered && isFresh(remembered.readAt, now())) return remembered.value;
    throw new LotsenError(
      'DATABASE_UNREACHABLE',
      `The team database cannot be reached, and ${what} was not read on this machine for this ticket and environment ` +
        'within the last hour, so the session cannot be opened now: open it when the top bar says the database is back.',
    );
  }
  return {
    labels: async () => fresh(needs.labels, "the ticket's reference"),
    // An embedded store is never away; a team member's key is remembered whenever a session opens.
    secretsTree: async () => fresh(needs.secretsTree, 'the key its recording is sealed under'),
    async assertPreConnectApproved(environment) {
      const command = environment.preConnectCommand.trim();
      if (command === '') return;
      const approvedAt = needs.approvedCommands.get(approvalSha256(command, environment.disconnectCommand));
      fresh(
        approvedAt === undefined ? null : { value: true, readAt: approvedAt },
        'the pre-connect command’s approval',
      );
    },
    preConnectSecret: async () => fresh(needs.preConnectSecret, 'the pre-connect secret'),
    findTarget: async (spec) => fresh(needs.targets.get(targetKey(spec)), 'that server and support account'),
    hostKeyPolicy() {
      return async ({ hop, via, keyType, fingerprint }) => {
        const endpoint = knownHostEndpoint(hop, via);
        const known = fresh(
          needs.hostKeys.get(hostKeyOf(endpoint, keyType)),
          `the host key of ${endpoint.host}:${endpoint.port}`,
        );
        if (known === fingerprint) return true;
        throw hostKeyChanged(endpoint, keyType, { kind: 'changed', expected: known, presented: fingerprint });
      };
    },
  };
}
