import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openPersonal, sealPersonal } from '../../../main/personalData/personalDataKeys.ts';
import { createStore, type EmbeddedStore } from '../../../main/store/database.node.ts';
import { attachKeyRing, detachKeyRing, memberKeyRing, treeKey } from '../../../main/vault/keyRing.ts';
import { memberKeyPair } from '../../../main/vault/memberKeyPair.node.ts';
import {
  destroySecretKeys,
  newSecretDataKey,
  openSecret,
  sealSecret,
  sealSecretBytes,
  secretSealer,
  SECRETS_TREE,
} from '../../../main/vault/secretVault.ts';
import { sealedTextOf } from '../../../main/vault/sealedText.ts';
import { memberRecipient, wrapBinding, wrapForKey } from '../../../main/vault/treeKeyWraps.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function freshStore(): Promise<EmbeddedStore> {
  const { dir, cleanup } = await makeTempDataDir();
  const store = await createStore(join(dir, 'lotsen.db'), randomBytes(32));
  cleanups.push(cleanup, () => store.close());
  return store;
}

const account = (id: string) => ({ kind: 'account' as const, id });

describe('secret vault', () => {
  test('a sealed secret opens through the vault and holds none of its plaintext', async () => {
    const store = await freshStore();
    const sealed = await sealSecret(store.db, account('a1'), 'canary-Hunter2!');
    expect(sealed).toMatch(/^sv1\./);
    expect(sealed).not.toContain('canary');
    expect(await openSecret(store.db, sealed)).toBe('canary-Hunter2!');
    const seal = await secretSealer(store.db, { kind: 'recording', id: 'r1' });
    expect(await openSecret(store.db, seal('chunk text'))).toBe('chunk text');
    expect(await store.db.selectFrom('secret_data_keys').select('owner_kind').execute()).toHaveLength(2);
  });

  test("a secret sealed as bytes is the text form's bytes: it opens as the text form, and bytes that are not one do not", async () => {
    const store = await freshStore();
    // A recording's data key, made as a session's opening makes it.
    const made = newSecretDataKey({ kind: 'recording', id: 'r1' }, await treeKey(store.db, SECRETS_TREE));
    await store.db.insertInto('secret_data_keys').values(made.row).execute();
    const bytes = sealSecretBytes(made.row.id, made.key, 'en inspelad sats åäö');
    expect(bytes.toString('latin1')).toMatch(new RegExp(`^sv1\\.${made.row.id}\\.`));
    expect(bytes.includes(Buffer.from('inspelad'))).toBe(false);
    const text = sealedTextOf(bytes);
    expect(text.length).toBeGreaterThan(bytes.length);
    expect(await openSecret(store.db, text)).toBe('en inspelad sats åäö');
    expect(sealedTextOf(text)).toBe(text);
    await expect(openSecret(store.db, sealedTextOf(Buffer.from('not sealed at all')))).rejects.toThrow();
  });

  test("an account's new secret gets a new data key, so one kept from before does not open it", async () => {
    const store = await freshStore();
    const before = await sealSecret(store.db, account('a1'), 'Vinter2026!');
    const keptKey = await store.db.selectFrom('secret_data_keys').selectAll().executeTakeFirstOrThrow();
    const after = await sealSecret(store.db, account('a1'), 'Sommar2027!');
    const keys = await store.db.selectFrom('secret_data_keys').selectAll().execute();
    expect(keys).toHaveLength(1);
    expect(keys[0]!.id).not.toBe(keptKey.id);
    expect(after.split('.')[1]).toBe(keys[0]!.id);
    expect(await openSecret(store.db, after)).toBe('Sommar2027!');
    expect(before.split('.')[1]).toBe(keptKey.id);
  });

  test("a data key's wrap moved to another owner does not open", async () => {
    const store = await freshStore();
    const sealed = await sealSecret(store.db, account('a1'), 'one');
    await sealSecret(store.db, account('a2'), 'two');
    await store.db.deleteFrom('secret_data_keys').where('owner_id', '=', 'a2').execute();
    await store.db
      .updateTable('secret_data_keys')
      .set({ owner_id: 'a2' })
      .where('owner_id', '=', 'a1')
      .execute();
    await expect(openSecret(store.db, sealed)).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  test('a changed sealed secret is refused; a destroyed key is NOT_FOUND', async () => {
    const store = await freshStore();
    const sealed = await sealSecret(store.db, account('a1'), 'Hunter2');
    const [prefix, keyId, payload] = sealed.split('.');
    const bytes = Buffer.from(payload!, 'base64url');
    bytes[14]! ^= 1;
    await expect(
      openSecret(store.db, `${prefix}.${keyId}.${bytes.toString('base64url')}`),
    ).rejects.toMatchObject({
      code: 'INTERNAL',
    });
    await expect(openSecret(store.db, 'Hunter2')).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(await destroySecretKeys(store.db, [account('a1'), account('missing')])).toBe(1);
    await expect(openSecret(store.db, sealed)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  test('a member key ring opens the tree from its own wrap only, and forgets it at lock', async () => {
    const store = await freshStore();
    const me = memberKeyPair(randomBytes(32));
    const other = memberKeyPair(randomBytes(32));
    const secretsKey = randomBytes(32);
    const personalKey = randomBytes(32);
    const wrap = (tree: 'secrets' | 'personal', key: Buffer, userId: string, publicKey: string) => ({
      tree,
      generation: 1,
      recipient: memberRecipient(userId),
      wrapped: wrapForKey(publicKey, wrapBinding(tree, 1, memberRecipient(userId)), key),
      created_at: 0,
      created_by: null,
    });
    await store.db
      .insertInto('vault_trees')
      .values([
        { tree: 'secrets', generation: 1, rotating_to: null, rotation_reason: null, updated_at: 0 },
        { tree: 'personal', generation: 1, rotating_to: null, rotation_reason: null, updated_at: 0 },
      ])
      .execute();
    // The other member's wrap sits in this member's row: it must not open with this member's key.
    await store.db
      .insertInto('vault_wraps')
      .values([
        wrap('personal', personalKey, 'me', me.publicKey),
        wrap('secrets', secretsKey, 'me', other.publicKey),
      ])
      .execute();
    attachKeyRing(store.db, memberKeyRing('me', me.privateKey));
    const text = await sealPersonal(store.db, { kind: 'ticket', id: 't1' }, 'Anna');
    expect(await openPersonal(store.db, [text])).toEqual(['Anna']);
    await expect(sealSecret(store.db, account('a1'), 'x')).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    // Inside a transaction, the same ring answers.
    await store.db.transaction().execute(async (trx) => {
      expect(await openPersonal(trx, [text])).toEqual(['Anna']);
    });
    detachKeyRing(store.db);
    // Without a ring the embedded store's own key serves, and that is not the wrapped one.
    await expect(openPersonal(store.db, [text])).rejects.toThrow();
  });
});
