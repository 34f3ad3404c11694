import type { BackendEvent } from './changeEvents.ts';

/**
 * What follows one open store for changes made elsewhere (another member, another process) and turns them into the
 * backend's events. One per dialect: a team database's LISTEN (teamChangeListener.node.ts) and the embedded store's
 * file (embeddedChangeWatch.node.ts); followStoreChanges.node.ts picks one at unlock and closes it at lock.
 */
export interface ChangeFeed {
  close(): Promise<void>;
}

/** Where a feed's events go: the backend's emit, in the app. */
export type ChangeSink = (event: BackendEvent) => void;
