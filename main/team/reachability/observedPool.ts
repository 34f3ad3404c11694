import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { isConnectionFailure } from './connectionFailure.ts';
import type { DatabaseReachability } from './databaseReachability.ts';

/**
 * The team database's pool as Kysely sees it, with every checkout and query reported to the reachability state: a
 * connection-class failure says the database is gone, any answer that it is there. A client whose query failed that
 * way goes back to the pool as broken (pg then discards it), so the next query does not inherit a dead socket.
 */
export function observedPool(pool: pg.Pool, reachability: DatabaseReachability): PostgresPool {
  const failed = (error: unknown): never => {
    if (isConnectionFailure(error)) reachability.lost();
    throw error;
  };
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect().catch(failed);
      let broken: Error | undefined;
      // pg-pool listens for a client's errors only while it is idle: one that loses its connection while checked out
      // would emit an error nobody hears, which ends the process. Its query fails with it too; this only keeps it.
      const onError = (error: Error) => {
        broken = error;
        if (isConnectionFailure(error)) reachability.lost();
      };
      client.on('error', onError);
      const observed = {
        query(text: unknown, parameters?: ReadonlyArray<unknown>) {
          // A cursor (Kysely's streaming) is handed over as is: its reads are not queries of their own here.
          if (typeof text !== 'string') return client.query(text as pg.Submittable);
          return client.query(text, parameters as unknown[]).then(
            (result) => {
              reachability.reached();
              return result;
            },
            (error: unknown) => {
              if (isConnectionFailure(error)) broken = error instanceof Error ? error : new Error('lost');
              return failed(error);
            },
          );
        },
        release() {
          client.removeListener('error', onError);
          client.release(broken);
        },
      };
      return observed as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}
