import type { apiCaller } from './apiCaller.ts';
import { orgNumber } from './orgNumbers.ts';

/** Växjö kommun and Lunds kommun, bare (no environments, servers or contacts): where the list's tests start. */
export async function vaxjoAndLund(call: ReturnType<typeof apiCaller>) {
  const vaxjo = await call.ok('registry.createCustomer', {
    name: 'Växjö kommun',
    orgNumber: orgNumber('212000', 70),
    kind: 'municipality',
  });
  const lund = await call.ok('registry.createCustomer', {
    name: 'Lunds kommun',
    orgNumber: orgNumber('212000', 71),
    kind: 'municipality',
  });
  return { vaxjo, lund };
}
