import type { CustomerSummary } from '../../../common/registry/model.ts';
import type { Backend } from '../../../main/app/backend.node.ts';
import { createApiClient, type ApiClient } from '../../../renderer/api/client.ts';
import type { RegistryStore } from '../../../renderer/store/registry/store.ts';
import { createStores, startStores, type Stores } from '../../../renderer/store/stores.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { contactInput } from '../../support/contactInput.ts';
import { orgNumber } from '../../support/orgNumbers.ts';
import { inProcessTransport } from './inProcessTransport.ts';

/** Växjö's named contact, for the tests that give it one. */
export const asaOberg = contactInput('Åsa Öberg', 'asa.oberg@vaxjo.se');

/** The renderer's stores started on a real backend whose registry holds Växjö kommun, and what they were seen doing. */
export interface RegistryStoresOnVaxjo<T> {
  /** The backend itself, for a write past the handlers (as another process's: no event follows). */
  backend: Backend;
  /** Another window on the same backend: its writes reach the stores only through `registry.changed`. */
  api: ApiClient;
  stores: Stores;
  customerId: string;
  /** What each change of the registry store held, as `observe` put it, from the first on. */
  seen: T[];
  /** The methods the stores called, in order. */
  called: string[];
  cleanup(): Promise<void>;
}

/**
 * Opens a real backend, creates Växjö kommun and gives it what `furnish` adds (contacts, servers), then starts the
 * renderer's stores on it, recording what `observe` makes of each change of the registry store (once Växjö is listed)
 * and every method the stores call.
 */
export async function registryStoresOnVaxjo<T>(
  furnish: (api: ApiClient, customerId: string) => Promise<void>,
  observe: (state: RegistryStore, vaxjo: CustomerSummary) => T,
): Promise<RegistryStoresOnVaxjo<T>> {
  const env = await openPassphraseBackend();
  const api = createApiClient(inProcessTransport(env.backend));
  const customer = await api.call('registry.createCustomer', {
    name: 'Växjö kommun',
    orgNumber: orgNumber('212000', 70),
    kind: 'municipality',
  });
  await furnish(api, customer.id);
  const called: string[] = [];
  const transport = inProcessTransport(env.backend);
  const stores = createStores(
    createApiClient({
      ...transport,
      call: (method, input) => {
        called.push(method);
        return transport.call(method, input);
      },
    }),
  );
  const seen: T[] = [];
  stores.registry.subscribe((s) => {
    const vaxjo = s.customers.find((c) => c.id === customer.id);
    if (vaxjo) seen.push(observe(s, vaxjo));
  });
  const stop = startStores(stores);
  return {
    backend: env.backend,
    api,
    stores,
    customerId: customer.id,
    seen,
    called,
    async cleanup() {
      stop();
      await env.cleanup();
    },
  };
}
