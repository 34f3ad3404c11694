import type { ApiClient } from '../api/client.ts';
import { createAppService } from '../services/appService.ts';
import { createRegistryService } from '../services/registryService.ts';
import { createAppStore, type AppStoreApi } from './app/store.ts';
import { createRegistryStore, type RegistryStoreApi } from './registry/store.ts';

export interface Stores {
  app: AppStoreApi;
  registry: RegistryStoreApi;
}

export function createStores(api: ApiClient): Stores {
  return {
    app: createAppStore(createAppService(api)),
    registry: createRegistryStore(createRegistryService(api)),
  };
}

/**
 * Starts following main, and ties the registry to the lock: it loads when the store is unlocked, is forgotten the
 * moment it is not, and reloads after a lost connection comes back (events sent meanwhile never arrived).
 */
export function startStores({ app, registry }: Stores): () => void {
  const stopRegistry = registry.getState().start();
  const stopFollowingLock = app.subscribe((now, before) => {
    const unlocked = now.status?.state === 'unlocked';
    const wasUnlocked = before.status?.state === 'unlocked';
    const reconnected = now.connection === 'open' && before.connection === 'reconnecting';
    if (unlocked && (!wasUnlocked || reconnected)) {
      void registry.getState().loadCustomers();
      void registry.getState().refreshOpenCustomer();
    } else if (!unlocked && wasUnlocked) {
      registry.getState().reset();
    }
  });
  const stopApp = app.getState().start();
  return () => {
    stopApp();
    stopFollowingLock();
    stopRegistry();
  };
}
