import { afterEach, beforeEach, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { readSecret } from '../../../main/registry/environmentRepository.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { orgNumber } from '../../support/orgNumbers.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { makeUserKeyPair as madeKeyPair } from '../../support/sshd/sshdFixture.ts';

/*
 * A private key stored as an account's secret must be one the session can read: one whose line breaks were lost (a
 * one-line field) or that is cut off is refused with the reason beside the secret field, not stored to fail at the
 * next connection. Keys made by ssh-keygen, read by the same library the session uses.
 */

let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
let call: ReturnType<typeof apiCaller>;
let environmentId: string;
beforeEach(async () => {
  opened = await openPassphraseBackend();
  call = apiCaller(createApi(opened.backend));
  const customer = await call.ok('registry.createCustomer', {
    name: 'Kalmar kommun',
    orgNumber: orgNumber('212000', 81),
    kind: 'municipality',
  });
  const environment = await call.ok('registry.saveEnvironment', {
    customerId: customer.id,
    environment: { name: 'Produktion', access: { vpnType: 'none', method: 'ssh' } },
  });
  environmentId = environment.id;
});
afterEach(async () => {
  await opened.cleanup();
  for (const pair of pairs.splice(0)) await pair.cleanup();
});

const pairs: Awaited<ReturnType<typeof madeKeyPair>>[] = [];
async function makeUserKeyPair(passphrase = '') {
  const pair = await madeKeyPair(passphrase);
  pairs.push(pair);
  return pair;
}

const save = (secret: string) =>
  call.fails('registry.saveSupportAccount', { environmentId, account: { username: 'root' }, secret });

test('a private key is stored as pasted, Windows line ends and all, and an encrypted one too', async () => {
  const { privateKey } = await makeUserKeyPair();
  const account = await call.ok('registry.saveSupportAccount', {
    environmentId,
    account: { username: 'root' },
    secret: privateKey.replace(/\n/g, '\r\n'),
  });
  expect(await readSecret(opened.backend.registryContext().db, account.id)).toMatchObject({
    secret: privateKey.replace(/\n/g, '\r\n'),
  });
  const encrypted = await makeUserKeyPair('lösenfras');
  await call.ok('registry.saveSupportAccount', {
    environmentId,
    account: { username: 'admin' },
    secret: encrypted.privateKey,
  });
});

test('a key whose line breaks were lost, or cut off, is refused beside the secret field; nothing is stored', async () => {
  const { privateKey } = await makeUserKeyPair();
  const oneLine = await save(privateKey.replace(/\n/g, ' '));
  expect(oneLine).toMatchObject({
    code: 'VALIDATION',
    details: {
      issues: [
        {
          path: 'secret',
          message: 'This private key has lost its line breaks; paste it again as it is in its file',
        },
      ],
    },
  });
  const cut = await save(privateKey.slice(0, privateKey.length / 2));
  expect(cut.details?.issues?.[0]?.message).toMatch(/cut off/);
  const damaged = await save(privateKey.replace(/\n[A-Za-z0-9+/]{10}/, '\nAAAAAAAAAA'));
  expect(damaged.details?.issues?.[0]?.message).toMatch(/cannot be read/);
  expect(
    (await call.ok('registry.getCustomer', { id: (await call.ok('registry.listCustomers', {}))[0]!.id }))
      .environments[0]!.supportAccounts,
  ).toEqual([]);
  // A password is a password.
  await call.ok('registry.saveSupportAccount', {
    environmentId,
    account: { username: 'root' },
    secret: 'Lösen-för-sshd-42',
  });
});
