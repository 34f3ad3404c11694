import type { Backend } from '../app/backend.node.ts';
import { storeDialect } from '../store/dialect.ts';
import { runDueRotations } from '../vault/treeRotation.ts';

const watched = new WeakSet<Backend>();

/**
 * A rotation a crash interrupted, or one an admin could not run (docs/team-leaving.md), is finished by the next
 * member who holds the tree and unlocks: the key they left with opens nothing new for longer than that. Once per
 * backend, however many APIs are made for it. Says what it did, never a key.
 */
export function rotateDueTreesAtUnlock(backend: Backend, log: (line: string) => void): void {
  if (watched.has(backend)) return;
  watched.add(backend);
  backend.afterUnlock(async () => {
    const { db } = backend.registryContext();
    if (storeDialect(db) !== 'postgres') return;
    const run = await runDueRotations(db, { audit: backend.audit() });
    for (const r of run.rotated) {
      log(
        `lotsen: the team's ${r.tree} key was rotated to generation ${r.to} (${r.dataKeys} data keys re-wrapped).`,
      );
    }
  });
}
