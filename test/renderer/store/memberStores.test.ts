import { afterEach, describe, expect, it } from 'vitest';
import type { UserRole } from '../../../common/registry/vocabulary.ts';
import type { Transport } from '../../../renderer/api/transport.ts';
import { createApiClient } from '../../../renderer/api/client.ts';
import { selectMayCall, selectRoleLabel } from '../../../renderer/store/app/selectors.ts';
import { createStores, startStores } from '../../../renderer/store/stores.ts';
import { addMember, openAsMember } from '../../support/memberApi.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { inProcessTransport } from '../support/inProcessTransport.ts';
import { waitFor } from '../support/wsServer.ts';

/*
 * The renderer's stores on a real backend acting as a finance member (a user row opened as its principal; real team
 * members once team mode lands): what it loads at unlock is only what finance may read.
 */

let local: Awaited<ReturnType<typeof openPassphraseBackend>> | undefined;
let member: Awaited<ReturnType<typeof openAsMember>> | undefined;

async function openAs(role: UserRole) {
  local = await openPassphraseBackend();
  const id = await addMember(local.backend.registryContext().db, {
    name: 'Mia Medlem',
    email: 'mia@leverantor.se',
    role,
  });
  member = await openAsMember(local.dataDir, id);
  return member;
}

afterEach(async () => {
  await member?.close();
  await local?.cleanup();
});

/** The transport, noting every method main refused for the role. */
function watching(transport: Transport, refused: string[]): Transport {
  return {
    ...transport,
    call: async (method, input) => {
      const result = await transport.call(method, input);
      if (!result.ok && result.error.code === 'FORBIDDEN') refused.push(method);
      return result;
    },
  };
}

describe("a member's stores", () => {
  it.each(['technician', 'support_lead', 'finance'] as const)(
    'make no call main refuses at unlock: %s',
    async (role) => {
      const refused: string[] = [];
      const { backend } = await openAs(role);
      const stores = createStores(createApiClient(watching(inProcessTransport(backend), refused)));
      const stop = startStores(stores);
      try {
        await waitFor(() => stores.registry.getState().listStatus === 'ready');
        expect(stores.app.getState().status?.principal).toMatchObject({ workRole: role });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(refused).toEqual([]);
      } finally {
        stop();
      }
    },
  );

  it('finance learns the role from the status and is offered no sessions', async () => {
    const refused: string[] = [];
    const { backend } = await openAs('finance');
    const stores = createStores(createApiClient(watching(inProcessTransport(backend), refused)));
    const stop = startStores(stores);
    try {
      await waitFor(() => stores.registry.getState().listStatus === 'ready');
      const app = stores.app.getState();
      expect(app.status?.principal).toMatchObject({ kind: 'member', workRole: 'finance', admin: false });
      expect(selectRoleLabel(app)).toBe('Finance');
      expect(selectMayCall('sessions.open')(app)).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(refused).toEqual([]);
    } finally {
      stop();
    }
  });
});
