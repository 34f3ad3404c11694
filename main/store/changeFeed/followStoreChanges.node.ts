import type { Backend } from '../../app/backend.node.ts';
import type { ChangeFeed, ChangeSink } from './changeFeed.ts';
import { watchEmbeddedStore } from './embeddedChangeWatch.node.ts';
import {
  LISTENER_APPLICATION_NAME,
  listenForTeamChanges,
  type ListenerState,
} from './teamChangeListener.node.ts';

const followed = new WeakSet<Backend>();

/**
 * Follows the backend's store for changes made elsewhere while it is unlocked, and emits them as the backend's events:
 * started at every unlock (and at once if the store is open already), closed at lock. For the long-lived processes
 * (the desktop app, `lotsen serve`); a one-shot CLI command does not follow anything. Once per backend.
 */
export function followStoreChanges(backend: Backend): void {
  if (followed.has(backend)) return;
  followed.add(backend);
  const emit: ChangeSink = ({ event, payload }) => backend.emit(event, payload as never);
  // Start and stop in turn: a lock while the feed is still connecting closes it once it is there.
  let feed: Promise<ChangeFeed | null> = Promise.resolve(null);
  const start = () => {
    // A feed that cannot start leaves the app as it was before live updates (reloading by hand), never broken.
    feed = feed.then(async (running) => running ?? openFeed(backend, emit).catch(() => null));
    return feed;
  };
  backend.afterUnlock(async () => void (await start()));
  backend.beforeLock(async () => {
    const running = await feed;
    feed = Promise.resolve(null);
    await running?.close();
  });
  if (backend.unlockedStore() !== null) void start();
}

async function openFeed(backend: Backend, emit: ChangeSink): Promise<ChangeFeed | null> {
  const store = backend.unlockedStore();
  if (store === null) return null;
  if (store.kind === 'team') {
    return listenForTeamChanges({
      newClient: () => store.dedicatedClient(LISTENER_APPLICATION_NAME),
      emit,
      // An idle app makes no query that would notice the database gone; its listening connection does.
      onStateChange: (state: ListenerState) =>
        state === 'lost' ? store.reachability.lost() : store.reachability.reached(),
    });
  }
  return watchEmbeddedStore({ file: store.file, db: store.db, emit });
}
