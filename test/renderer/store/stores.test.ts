import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LotsenError } from '../../../common/api/errors.ts';
import { createCustomer } from '../../../main/registry/customerRepository.ts';
import { createApiClient } from '../../../renderer/api/client.ts';
import { chooseLanguage } from '../../../renderer/i18n/i18n.ts';
import { errorMessage } from '../../../renderer/store/errorMessage.ts';
import { selectCustomerMatches } from '../../../renderer/store/registry/slices/customerList/selectors.ts';
import { createStores, startStores, type Stores } from '../../../renderer/store/stores.ts';
import { openPassphraseBackend, TEST_PASSPHRASE, TEST_USER } from '../../support/passphraseBackend.ts';
import { orgNumber } from '../../support/orgNumbers.ts';
import { inProcessTransport } from '../support/inProcessTransport.ts';
import { waitFor } from '../support/wsServer.ts';

let env: Awaited<ReturnType<typeof openPassphraseBackend>>;
let stores: Stores;
let stop: () => void;

beforeEach(async () => {
  env = await openPassphraseBackend();
  stores = createStores(createApiClient(inProcessTransport(env.backend)));
  stop = startStores(stores);
  await waitFor(() => stores.registry.getState().listStatus === 'ready');
});

afterEach(async () => {
  stop();
  await env.cleanup();
});

/** Another window on the same backend: its writes reach this one only through `registry.changed`. */
const otherWindow = () => createApiClient(inProcessTransport(env.backend));

const vaxjo = { name: 'Växjö kommun', orgNumber: orgNumber('212000', 70), kind: 'municipality' as const };

describe('app and registry stores against a real backend', () => {
  it('reads the status and the local user, and loads the (empty) registry once unlocked', () => {
    const app = stores.app.getState();
    expect(app.status?.state).toBe('unlocked');
    expect(app.status?.user).toMatchObject(TEST_USER);
    expect(stores.registry.getState().customers).toEqual([]);
  });

  it('a customer that cannot be read keeps the failure, so the page words it in the language chosen now', async () => {
    // Not an id at all: the API refuses the call (VALIDATION), which is not "the customer is gone".
    await stores.registry.getState().openCustomer('not-a-customer-id');
    const { detailStatus, detailError } = stores.registry.getState();
    expect(detailStatus).toBe('error');
    expect(errorMessage(detailError)).toMatch(/^Some of what was entered is not valid\./);
    try {
      await chooseLanguage('sv');
      expect(errorMessage(detailError)).toMatch(/^En del av det som angavs är inte giltigt\./);
    } finally {
      await chooseLanguage('en');
    }
  });

  it('creates a customer with Swedish characters, opens it, and lists it', async () => {
    const detail = await stores.registry.getState().createCustomer({ ...vaxjo, notes: 'Nås via Cisco.' });
    const s = stores.registry.getState();
    expect(s.openCustomerId).toBe(detail.id);
    expect(s.detail?.name).toBe('Växjö kommun');
    expect(s.detail?.updatedBy).toBe(TEST_USER.name);
    expect(s.customers.map((c) => c.name)).toEqual(['Växjö kommun']);
  });

  it('shows a saved environment and server on the open page, and finds the customer by that host', async () => {
    const { id } = await stores.registry.getState().createCustomer(vaxjo);
    await stores.registry.getState().saveEnvironment({
      customerId: id,
      environment: {
        name: 'Produktion',
        access: { vpnType: 'cisco_anyconnect', vpnGateway: 'vpn.vaxjo.se', method: 'ssh' },
      },
    });
    const environment = stores.registry.getState().detail!.environments[0]!;
    await stores.registry
      .getState()
      .saveServer({ environmentId: environment.id, server: { host: 'wap01.vaxjo.se', role: 'wap' } });

    const s = stores.registry.getState();
    expect(s.detail!.environments[0]!.servers.map((srv) => `${srv.host}:${srv.port}`)).toEqual([
      'wap01.vaxjo.se:22',
    ]);
    stores.registry.getState().setQuery('wap01');
    expect(selectCustomerMatches(stores.registry.getState())).toEqual([
      {
        customer: expect.objectContaining({ name: 'Växjö kommun' }),
        matchedOn: [{ field: 'host', value: 'wap01.vaxjo.se' }],
      },
    ]);
  });

  it('keeps secrets out: a saved support account says only that a secret is stored', async () => {
    const { id } = await stores.registry.getState().createCustomer(vaxjo);
    await stores.registry.getState().saveEnvironment({ customerId: id, environment: { name: 'Produktion' } });
    const environmentId = stores.registry.getState().detail!.environments[0]!.id;
    await stores.registry.getState().saveSupportAccount({
      environmentId,
      account: { username: 'lev-support' },
      secret: 'hemligt-lösen-åäö',
    });
    const account = stores.registry.getState().detail!.environments[0]!.supportAccounts[0]!;
    expect(account).toMatchObject({ username: 'lev-support', hasSecret: true });
    expect(JSON.stringify(stores.registry.getState())).not.toContain('hemligt');
  });

  it('throws the API error with the field named, so a form can show it beside the field', async () => {
    await stores.registry.getState().createCustomer(vaxjo);
    const conflict = await stores.registry
      .getState()
      .createCustomer({ ...vaxjo, name: 'Växjö igen' })
      .catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(LotsenError);
    expect((conflict as LotsenError).code).toBe('CONFLICT');
    expect((conflict as LotsenError).details?.issues?.map((i) => i.path)).toEqual(['orgNumber']);

    const invalid = await stores.registry
      .getState()
      .createCustomer({ ...vaxjo, orgNumber: '212000-0000' })
      .catch((e: unknown) => e);
    expect((invalid as LotsenError).code).toBe('VALIDATION');
    expect((invalid as LotsenError).details?.issues?.map((i) => i.path)).toEqual(['orgNumber']);
  });

  it('follows writes made in another window, and notices when the open customer is deleted there', async () => {
    const { id } = await stores.registry.getState().createCustomer(vaxjo);
    const other = otherWindow();
    await other.call('registry.createCustomer', {
      name: 'Åre kommun',
      orgNumber: orgNumber('212000', 71),
      kind: 'municipality',
    });
    await waitFor(() => stores.registry.getState().customers.length === 2);

    await other.call('registry.updateCustomer', {
      id,
      rowVersion: 1,
      customer: { ...vaxjo, notes: 'Ändrad i annat fönster' },
    });
    await waitFor(() => stores.registry.getState().detail?.notes === 'Ändrad i annat fönster');

    await other.call('registry.deleteCustomer', { id });
    await waitFor(() => stores.registry.getState().detailStatus === 'missing');
    expect(stores.registry.getState().customers.map((c) => c.name)).toEqual(['Åre kommun']);
  });

  it('reloads what it shows when main says store.resynced, for a write no finer event named', async () => {
    // Written past the handlers, as another process would (the CLI on this store): no registry.changed follows.
    await createCustomer(env.backend.registryContext(), {
      name: 'Åre kommun',
      orgNumber: orgNumber('212000', 71),
      kind: 'municipality',
      notes: '',
      responsibleName: '',
      responsiblePhone: '',
      responsibleEmail: '',
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stores.registry.getState().customers).toEqual([]);

    env.backend.emit('store.resynced', { reason: 'external-change' });
    await waitFor(() => stores.registry.getState().customers.length === 1);
    expect(stores.registry.getState().customers.map((c) => c.name)).toEqual(['Åre kommun']);
  });

  it('forgets the registry when locked, rejects a wrong passphrase, and reloads it after unlocking', async () => {
    await stores.registry.getState().createCustomer(vaxjo);
    stores.registry.getState().setQuery('växjö');
    await stores.app.getState().lock();
    expect(stores.app.getState().status?.state).toBe('locked');
    expect(stores.registry.getState()).toMatchObject({
      customers: [],
      detail: null,
      openCustomerId: null,
      query: '',
    });

    const wrong = await stores.app
      .getState()
      .unlock('fel lösenord')
      .catch((e: unknown) => e);
    expect((wrong as LotsenError).code).toBe('WRONG_PASSPHRASE');
    expect(stores.app.getState().status?.state).toBe('locked');

    // A wrong passphrase makes the next try wait (the unlock back-off); the error says how long.
    const retryAfterMs = (wrong as LotsenError).details?.retryAfterMs;
    expect(retryAfterMs).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, Number(retryAfterMs)));
    await stores.app.getState().unlock(TEST_PASSPHRASE);
    await waitFor(() => stores.registry.getState().customers.length === 1);
    expect(stores.registry.getState().customers[0]!.name).toBe('Växjö kommun');
  });
});
