import { CompiledQuery } from 'kysely';
import { LotsenError } from '../../common/api/errors.ts';
import type { Backend } from '../app/backend.node.ts';
import { storeDialect } from '../store/dialect.ts';
import { keyRingOf, treeKey } from '../vault/keyRing.ts';
import { teamUrlFor } from './teamUrl.ts';
import type { HeldTreeKey } from './teamVault.node.ts';

/**
 * What member management needs of a connection: one statement with its parameters, rows back. A `pg.Client` (team
 * create, enrolment) is one; so is the member's own unlocked team database (below), whose pool the app already holds.
 */
export interface TeamClient {
  query<R extends object>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
  /** The tree keys the member on this connection holds (an unlocked Lotsen's), to wrap them for others. */
  vault?: { userId: string; held: HeldTreeKey };
}

/**
 * How a new member reaches this folder's team: the URL they give `lotsen init --team` and whether it needs
 * `--insecure`. NOT_INITIALIZED for a folder in no team.
 */
export function memberTeamAddress(backend: Backend): { teamUrl: string; insecure: boolean } {
  const source = backend.teamDataSource();
  if (source === null) throw notInTeam(backend);
  return { teamUrl: teamUrlFor(source), insecure: source.insecure === true };
}

/**
 * The unlocked team database of this data folder, as the member it belongs to: the `team.*` calls and `lotsen team`
 * run their functions on it. NOT_INITIALIZED for a folder in no team (its own embedded store).
 */
export function memberTeamClient(backend: Backend): TeamClient {
  if (backend.status().state === 'uninitialized') throw notInTeam(backend);
  const { db } = backend.registryContext(); // VAULT_LOCKED while locked
  if (storeDialect(db) !== 'postgres') throw notInTeam(backend);
  const ring = keyRingOf(db);
  return {
    async query<R extends object>(text: string, params: unknown[] = []) {
      const result = await db.executeQuery<R>(CompiledQuery.raw(text, params));
      return { rows: [...result.rows] };
    },
    ...(ring && {
      vault: {
        userId: ring.userId,
        // A tree this member holds no key of is one they cannot pass on: none, not an error.
        held: (tree) =>
          treeKey(db, tree).catch((error: unknown) => {
            if (error instanceof LotsenError && ['VAULT_LOCKED', 'FORBIDDEN'].includes(error.code))
              return null;
            throw error;
          }),
      },
    }),
  };
}

function notInTeam(backend: Backend): LotsenError {
  return new LotsenError(
    'NOT_INITIALIZED',
    `${backend.dataDir} is in no team: enrol it with \`lotsen init --team URL --enrol CODE\` and the code an admin gave you.`,
  );
}
