import { randomUUID, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { Backend } from '../../../main/app/backend.node.ts';
import { insertSession } from '../../../main/sessions/sessionRepository.ts';
import { removeMember } from '../../../main/team/teamMembers.node.ts';
import { reissueCodeAsOwner, type Invitation } from '../../../main/team/teamSetup.node.ts';
import { recoveryKitText } from '../../../main/team/teamVault.node.ts';
import { runDueRotations } from '../../../main/vault/treeRotation.ts';
import type { RotationProgress } from '../../../common/team/vault.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { unwrapDataKey } from '../../../main/vault/sealedText.ts';
import { treeKey } from '../../../main/vault/keyRing.ts';
import { secretKeyBinding } from '../../../main/vault/secretVault.ts';
import { newX25519KeyPair, unwrapWithKey, wrapBinding } from '../../../main/vault/treeKeyWraps.ts';
import { asSuperuser, superuserUrl } from '../../support/postgres/testDatabases.ts';
import { createTestTeam, type MemberLotsen, type TestTeam } from '../../support/postgres/testTeam.ts';
import { prepareSessionCustomer } from '../../support/sessionCustomer.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';
import { TEST_PASSPHRASE } from '../../support/testPassphrase.ts';

/*
 * A member leaves, or changes to a role that reads no secrets: what they saw is listed for the admin, and (with the
 * vault) the keys they held open nothing written afterwards. One team for the whole file: each test adds the members
 * it needs.
 */

/** The first member, invited by team create, enrolled through a Lotsen of their own as `lotsen init --team` does. */
async function firstMemberLotsen(team: TestTeam, invitation: Invitation): Promise<MemberLotsen> {
  const enrolment = team.enrolment(invitation);
  const home = await makeTempDataDir();
  const backend = await Backend.open({ dataDir: home.dir });
  await backend.initialize({ passphrase: TEST_PASSPHRASE, preference: 'passphrase', team: enrolment });
  return {
    member: enrolment.member(),
    backend,
    call: apiCaller(createApi(backend, () => undefined)),
    async close() {
      await backend.close();
      await home.cleanup();
    },
  };
}

describe('a member leaving the team', { timeout: 120_000 }, () => {
  let team: TestTeam;
  let admin: MemberLotsen;
  /** The customer the first test prepares, whose environment later tests add accounts to. */
  let prepared: Awaited<ReturnType<typeof prepareSessionCustomer>>;
  const others: MemberLotsen[] = [];
  const join = async (name: string, role: 'technician' | 'support_lead' | 'finance') => {
    const email = `${name.toLowerCase().replace(/\s+/g, '.')}@leverantor.se`;
    const lotsen = await team.enrolLotsen(admin.member, { name, email, role });
    others.push(lotsen);
    return lotsen;
  };

  beforeAll(async () => {
    team = await createTestTeam();
    admin = await firstMemberLotsen(team, team.firstMember);
  }, 120_000);
  afterAll(async () => {
    for (const lotsen of others) await lotsen.close();
    await admin?.close();
    await team?.drop();
  });

  test('the departing list names every secret the member revealed or signed in with, per customer', async () => {
    const tekla = await join('Tekla Tekniker', 'technician');
    // The support lead keeps the customer's records; Tekla works on them.
    prepared = await prepareSessionCustomer(admin.call, {
      host: 'wap01.kalmar.se',
      port: 22,
      username: 'svc_wap',
      secret: 'hemligt-wap',
    });
    const jumpAccount = await tekla.call.ok('registry.saveSupportAccount', {
      environmentId: prepared.environment.id,
      account: { username: 'svc_jump' },
      secret: 'hemligt-hopp',
    });
    const untouched = await tekla.call.ok('registry.saveSupportAccount', {
      environmentId: prepared.environment.id,
      account: { username: 'svc_orord' },
      secret: 'aldrig-sett',
    });
    // Someone else's reveal is not Tekla's.
    await admin.call.ok('registry.revealSecret', { accountId: untouched.id, purpose: 'kontroll' });

    await tekla.call.ok('registry.revealSecret', { accountId: prepared.account.id, purpose: 'felsökning' });
    await tekla.call.ok('registry.revealSecret', { accountId: prepared.account.id, purpose: 'igen' });
    // A session of hers through the jump host's account to the WAP's: a row as sessions.open writes it (this test
    // needs no SSH server to show whose accounts were used).
    const openedAt = Date.now() - 3_600_000;
    await insertSession(tekla.backend.registryContext().db, {
      id: randomUUID(),
      kind: 'ssh',
      title: 'svc_wap@wap01.kalmar.se',
      ticket_id: prepared.ticket.id,
      environment_id: prepared.environment.id,
      server_id: prepared.server.id,
      account_id: prepared.account.id,
      technician_id: tekla.member.userId,
      owner: 'this-machine',
      state: 'closed',
      opened_at: openedAt,
      closed_at: openedAt + 60_000,
      end_code: null,
      end_message: null,
      end_details: null,
      override_reason: null,
      warnings: '[]',
      recording_id: null,
      time_entry_id: null,
      cols: 80,
      rows: 24,
      jump: JSON.stringify([{ serverId: prepared.server.id, accountId: jumpAccount.id, auth: 'password' }]),
    });

    const report = await admin.call.ok('team.departing', { userId: tekla.member.userId });
    const place = {
      customerId: prepared.customer.id,
      customerName: 'Kalmar kommun',
      environmentId: prepared.environment.id,
      environmentName: 'Produktion',
    };
    expect(report.secrets).toEqual([
      {
        ...place,
        accountId: jumpAccount.id,
        username: 'svc_jump',
        revealed: null,
        usedInSessions: { times: 1, lastAt: openedAt },
      },
      {
        ...place,
        accountId: prepared.account.id,
        username: 'svc_wap',
        revealed: { times: 2, lastAt: expect.any(Number) },
        usedInSessions: { times: 1, lastAt: openedAt },
      },
    ]);
    expect(report.preConnect).toEqual([]);
    expect(report.registryExportsWithSecrets).toBeNull();

    // Only an admin asks: Tekla is told so by Lotsen.
    expect((await tekla.call.fails('team.departing', { userId: admin.member.userId })).code).toBe(
      'FORBIDDEN',
    );
    // An id that was never a member's is a mistake to say, not a member who saw nothing.
    expect(await admin.call.fails('team.departing', { userId: randomUUID() })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'No member of the team, current or removed, has that id.',
    });
  });

  test('a reissued code makes a new login for the same member: the old one is dropped, by an admin or by the DBA', async () => {
    const sven = await join('Sven Stöld', 'technician');
    const oldLogin = { login: sven.member.login, password: sven.member.password };

    const reissued = await admin.call.ok('team.reissueCode', { userId: sven.member.userId });
    expect(reissued).toMatchObject({ userId: sven.member.userId, teamUrl: team.url });
    expect(reissued.login).not.toBe(sven.member.login);
    // The old login (the lost keychain's password) is gone, and its open connections with it.
    await expect(team.connect(oldLogin)).rejects.toThrow(/password authentication failed|does not exist/);
    expect((await sven.call.fails('registry.listCustomers', {})).code).toBe('UNAUTHORIZED');
    expect(
      (await admin.call.ok('team.members', {})).find((m) => m.userId === sven.member.userId),
    ).toMatchObject({ state: 'invited', login: reissued.login });

    // The DBA does the same when no admin can: the code admin gave is replaced before it is used.
    const byDba = await reissueCodeAsOwner({
      adminUrl: superuserUrl(team.database.name),
      member: 'SVEN.STÖLD@leverantor.se',
    });
    expect(byDba).toMatchObject({ userId: sven.member.userId, name: 'Sven Stöld' });
    await expect(team.enrolWith(reissued)).rejects.toMatchObject({ code: 'ENROLMENT_REFUSED' });
    const again = await team.enrolWith(byDba);
    expect(again).toMatchObject({ userId: sven.member.userId, role: 'technician', login: byDba.login });

    // An admin does not reissue their own (they would lock themselves out): another admin or the DBA does.
    expect(await admin.call.fails('team.reissueCode', { userId: admin.member.userId })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('another admin'),
    });
  });

  /** As a backup of the team database holds it: what a leaver with saved keys would have to work on. */
  const stored = (query: string, params: unknown[] = []) =>
    asSuperuser(team.database.name, async (client) => (await client.query(query, params)).rows);
  const sealedSecretOf = async (accountId: string) => {
    const [account] = await stored('SELECT secret FROM lotsen.support_accounts WHERE id = $1', [accountId]);
    const keyId = (account.secret as string).split('.')[1]!;
    const [key] = await stored(
      'SELECT id, generation, wrapped_key FROM lotsen.secret_data_keys WHERE id = $1',
      [keyId],
    );
    return { keyId, generation: Number(key.generation), wrapped: key.wrapped_key as string };
  };
  /** The keys a member's Lotsen holds now, copied: what someone about to leave could save. */
  const saveKeys = async (lotsen: MemberLotsen, tree: 'secrets' | 'personal' = 'secrets') => {
    const held = await treeKey(lotsen.backend.registryContext().db, tree);
    return {
      privateKey: lotsen.member.keyPair!.privateKey,
      generation: held.generation,
      key: Buffer.from(held.key),
    };
  };
  /** Whether any wrap of the tree opens with the private key (any generation, as whatever recipient). */
  const anyWrapOpens = async (privateKey: KeyObject, tree: string) => {
    const wraps = await stored(
      'SELECT generation, recipient, wrapped FROM lotsen.vault_wraps WHERE tree = $1',
      [tree],
    );
    return wraps.some((w) => {
      try {
        unwrapWithKey(
          privateKey,
          wrapBinding(tree as 'secrets', Number(w.generation), w.recipient),
          w.wrapped,
        );
        return true;
      } catch {
        return false;
      }
    });
  };
  const opensWith = (key: Buffer, accountId: string, wrapped: string, keyId: string) => {
    try {
      unwrapDataKey(key, secretKeyBinding(keyId, { kind: 'account', id: accountId }), wrapped);
      return true;
    } catch {
      return false;
    }
  };
  const newAccount = async (by: MemberLotsen, environmentId: string, username: string, secret: string) =>
    by.call.ok('registry.saveSupportAccount', { environmentId, account: { username }, secret });

  test("a removed member's saved keys open nothing written afterwards; what was written before stays readable", async () => {
    const tekla = others[0]!;
    const rolf = await join('Rolf Rymmare', 'technician');
    const environment = prepared.environment.id;
    const before = await newAccount(rolf, environment, 'svc_fore', 'före-borttagningen');
    const saved = await saveKeys(rolf);
    // Positive control: what Rolf saved opens a data key of the generation he held.
    const beforeKey = await sealedSecretOf(before.id);
    expect(beforeKey.generation).toBe(saved.generation);
    expect(opensWith(saved.key, before.id, beforeKey.wrapped, beforeKey.keyId)).toBe(true);
    expect(await anyWrapOpens(saved.privateKey, 'secrets')).toBe(true);

    const removed = await admin.call.ok('team.removeMember', { userId: rolf.member.userId });
    expect(removed.vault.leftDue).toEqual([]);
    expect(removed.vault.rotated.map((r) => [r.tree, r.from, r.to])).toEqual(
      expect.arrayContaining([['secrets', saved.generation, saved.generation + 1]]),
    );

    const after = await newAccount(admin, environment, 'svc_efter', 'efter-borttagningen');
    const afterKey = await sealedSecretOf(after.id);
    expect(afterKey.generation).toBe(saved.generation + 1);
    expect(opensWith(saved.key, after.id, afterKey.wrapped, afterKey.keyId)).toBe(false);
    // No wrap is his any more, and none opens with his private key.
    expect(
      await stored('SELECT 1 FROM lotsen.vault_wraps WHERE recipient = $1', [`member:${rolf.member.userId}`]),
    ).toEqual([]);
    expect(await anyWrapOpens(saved.privateKey, 'secrets')).toBe(false);
    expect(await anyWrapOpens(saved.privateKey, 'personal')).toBe(false);
    // The others read both, the secret from before the removal included.
    for (const [account, secret] of [
      [before.id, 'före-borttagningen'],
      [after.id, 'efter-borttagningen'],
    ] as const) {
      expect(
        await tekla.call.ok('registry.revealSecret', { accountId: account, purpose: 'kontroll' }),
      ).toEqual({ secret });
    }
    const rotated = await admin.call.ok('audit.list', { event: 'vault.rotated' });
    expect(rotated.map((e) => e.details)).toEqual(
      expect.arrayContaining([
        // The reason is the first that made the tree due (here the reissued code of the test before).
        expect.objectContaining({ tree: 'secrets', from: saved.generation, to: saved.generation + 1 }),
      ]),
    );
  });

  test('a technician changed to finance loses the secrets tree the same way, and keeps the personal one', async () => {
    const fia = await join('Fia Flytt', 'technician');
    const savedSecrets = await saveKeys(fia, 'secrets');
    const savedPersonal = await saveKeys(fia, 'personal');

    const changed = await admin.call.ok('team.changeRole', {
      userId: fia.member.userId,
      role: 'finance',
      isAdmin: false,
    });
    expect(changed.vault).toEqual({
      rotated: [expect.objectContaining({ tree: 'secrets', from: savedSecrets.generation })],
      leftDue: [],
    });
    const after = await newAccount(admin, prepared.environment.id, 'svc_ekonomi', 'efter-bytet');
    const afterKey = await sealedSecretOf(after.id);
    expect(opensWith(savedSecrets.key, after.id, afterKey.wrapped, afterKey.keyId)).toBe(false);
    expect(await anyWrapOpens(savedSecrets.privateKey, 'secrets')).toBe(false);
    // The personal tree did not move, and her wrap of it stays.
    expect(await anyWrapOpens(savedPersonal.privateKey, 'personal')).toBe(true);

    // Her Lotsen, unlocked again as finance: the personal key opens, the secrets key is refused, by the ring and the
    // API.
    await fia.backend.lock();
    await fia.backend.unlock(TEST_PASSPHRASE);
    const db = fia.backend.registryContext().db;
    expect((await treeKey(db, 'personal')).generation).toBe(savedPersonal.generation);
    await expect(treeKey(db, 'secrets')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(
      (await fia.call.fails('registry.revealSecret', { accountId: after.id, purpose: 'nyfiken' })).code,
    ).toBe('FORBIDDEN');

    // A secrets rotation due (someone's keychain lost, say): finance cannot run it, and says so rather than that
    // nothing is due (the database hides the secrets tree's row from her locking read); a holder then runs it.
    await asSuperuser(team.database.name, (client) =>
      client.query(`UPDATE lotsen.vault_trees SET rotation_reason = 'code_reissued' WHERE tree = 'secrets'`),
    );
    expect(await runDueRotations(db, { audit: fia.backend.audit() })).toEqual({
      rotated: [],
      leftDue: [{ tree: 'secrets', reason: 'code_reissued' }],
    });
    const byAdmin = await runDueRotations(admin.backend.registryContext().db, {
      audit: admin.backend.audit(),
    });
    expect(byAdmin.rotated).toEqual([expect.objectContaining({ tree: 'secrets' })]);
  });

  test("a rotation stopped midway is finished by the next holder's unlock: every key moves, every secret opens", async () => {
    const tekla = others[0]!;
    const gus = await join('Gus Går', 'technician');
    const secrets = ['ett', 'två', 'tre', 'fyra', 'fem'].map((word) => `hemlighet-${word}`);
    const accounts = [];
    for (const [i, secret] of secrets.entries()) {
      accounts.push(await newAccount(admin, prepared.environment.id, `svc_krasch_${i}`, secret));
    }
    const generation = async (tree: string) => {
      const [row] = await stored(
        'SELECT generation, rotating_to, rotation_reason FROM lotsen.vault_trees WHERE tree = $1',
        [tree],
      );
      return { generation: Number(row.generation), rotatingTo: row.rotating_to, reason: row.rotation_reason };
    };
    const g = (await generation('secrets')).generation;

    // Removed by the member function alone, as an admin's Lotsen that stopped right after: both trees are due.
    const client = await team.connect(admin.member);
    await removeMember(client, gus.member.userId);
    await client.end();
    expect(await generation('secrets')).toEqual({
      generation: g,
      rotatingTo: null,
      reason: 'member_removed',
    });

    const adminDb = admin.backend.registryContext().db;
    const audit = admin.backend.audit();
    const crash = new Error('the laptop was closed');
    // Stopped after step 1: the new generation is there, nothing re-wrapped yet.
    await expect(
      runDueRotations(adminDb, {
        audit,
        hooks: { afterBegin: (tree) => (tree === 'secrets' ? Promise.reject(crash) : undefined) },
      }),
    ).rejects.toBe(crash);
    expect(await generation('secrets')).toMatchObject({ generation: g, rotatingTo: String(g + 1) });
    // A secret written meanwhile goes under the new generation.
    const during = await newAccount(tekla, prepared.environment.id, 'svc_under', 'under-rotationen');
    expect((await sealedSecretOf(during.id)).generation).toBe(g + 1);

    // Resumed, and stopped again after one batch of two.
    await expect(
      runDueRotations(adminDb, {
        audit,
        batchSize: 2,
        hooks: { afterBatch: (tree) => (tree === 'secrets' ? Promise.reject(crash) : undefined) },
      }),
    ).rejects.toBe(crash);
    const split = await stored(
      'SELECT generation, count(*)::int AS n FROM lotsen.secret_data_keys GROUP BY generation ORDER BY generation',
    );
    expect(split.map((r) => Number(r.generation))).toEqual([g, g + 1]);

    // Tekla unlocks her Lotsen: it finishes both trees.
    await tekla.backend.lock();
    await tekla.backend.unlock(TEST_PASSPHRASE);
    expect(await generation('secrets')).toEqual({ generation: g + 1, rotatingTo: null, reason: null });
    expect((await generation('personal')).reason).toBeNull();
    expect(await stored('SELECT DISTINCT generation FROM lotsen.secret_data_keys')).toEqual([
      { generation: String(g + 1) },
    ]);
    const personal = (await generation('personal')).generation;
    expect(
      await stored('SELECT count(*)::int AS n FROM lotsen.personal_data_keys WHERE generation <> $1', [
        personal,
      ]),
    ).toEqual([{ n: 0 }]);
    expect(
      await stored(
        `SELECT tree, generation FROM lotsen.vault_wraps w
          WHERE generation < (SELECT generation FROM lotsen.vault_trees t WHERE t.tree = w.tree)`,
      ),
    ).toEqual([]);
    for (const [i, account] of [...accounts, during].entries()) {
      expect(
        await admin.call.ok('registry.revealSecret', { accountId: account.id, purpose: 'efter krasch' }),
      ).toEqual({
        secret: secrets[i] ?? 'under-rotationen',
      });
    }
    expect(await tekla.call.ok('tickets.get', { id: prepared.ticket.id })).toMatchObject({
      subject: 'WAP svarar inte',
    });
    const events = (await admin.call.ok('audit.list', { event: 'vault.rotated' })).filter(
      (e) => e.details.tree === 'secrets' && e.details.from === g,
    );
    expect(events).toEqual([
      expect.objectContaining({
        actorId: tekla.member.userId,
        details: expect.objectContaining({ to: g + 1, dataKeys: split.reduce((n, r) => n + r.n, 0) }),
      }),
    ]);
  });

  test("the Team page's vault chores: a due rotation is shown and run with progress; a member lacking a key is granted it", async () => {
    const tekla = others[0]!;
    // Nina is invited before the rotation: the wraps her code carries are of the generation about to go.
    const nina = await admin.call.ok('team.addMember', {
      name: 'Nina Nykomling',
      email: 'nina.nykomling@leverantor.se',
      role: 'technician',
    });
    const vera = await join('Vera Vakt', 'technician');
    // Removed by the member function alone (an admin's Lotsen that stopped right after): both trees are due.
    const client = await team.connect(admin.member);
    await removeMember(client, vera.member.userId);
    await client.end();
    const due = await admin.call.ok('team.vault', {});
    expect(due.trees).toEqual([
      expect.objectContaining({ tree: 'personal', rotatingTo: null, reason: 'member_removed', held: true }),
      expect.objectContaining({ tree: 'secrets', rotatingTo: null, reason: 'member_removed', held: true }),
    ]);

    const progress: RotationProgress[] = [];
    const stop = admin.backend.on('team.rotationProgress', (p) => progress.push(p));
    const run = await admin.call.ok('team.rotate', {});
    stop();
    const secrets = run.rotated.find((r) => r.tree === 'secrets')!;
    const told = progress.filter((p) => p.tree === 'secrets');
    expect(told[0]).toEqual({
      tree: 'secrets',
      from: secrets.from,
      to: secrets.to,
      done: 0,
      total: secrets.dataKeys,
      finished: false,
    });
    expect(told.at(-1)).toMatchObject({ done: secrets.dataKeys, total: secrets.dataKeys, finished: true });
    expect(told.filter((p) => p.finished)).toHaveLength(1);
    expect(told.map((p) => p.done)).toEqual([...told.map((p) => p.done)].sort((a, b) => a - b));
    expect(progress.filter((p) => p.tree === 'personal' && p.finished)).toHaveLength(1);
    const after = await admin.call.ok('team.vault', {});
    expect(after.trees.map((t) => [t.tree, t.generation, t.reason])).toEqual([
      ['personal', due.trees[0]!.generation + 1, null],
      ['secrets', due.trees[1]!.generation + 1, null],
    ]);

    // Nina enrols now: her code's wraps went with the old generation, so she holds no key, and the page says so.
    const ninaLotsen = await firstMemberLotsen(team, nina);
    others.push(ninaLotsen);
    const account = prepared.account.id;
    expect(
      (await ninaLotsen.call.fails('registry.revealSecret', { accountId: account, purpose: 'x' })).code,
    ).toBe('VAULT_LOCKED');
    const lacking = (await admin.call.ok('team.vault', {})).lacking;
    expect(lacking.find((l) => l.userId === nina.userId)).toEqual({
      userId: nina.userId,
      trees: ['personal', 'secrets'],
      hasPublicKey: true,
    });
    // Only admins ask.
    expect((await tekla.call.fails('team.grantKeys', {})).code).toBe('FORBIDDEN');

    const granted = await admin.call.ok('team.grantKeys', {});
    expect(granted).toContainEqual({ userId: nina.userId, trees: ['personal', 'secrets'] });
    expect((await admin.call.ok('team.vault', {})).lacking.map((l) => l.userId)).not.toContain(nina.userId);
    expect(
      await ninaLotsen.call.ok('registry.revealSecret', { accountId: account, purpose: 'beviljad' }),
    ).toEqual({
      secret: 'hemligt-wap',
    });
    const grants = await admin.call.ok('audit.list', { event: 'vault.access_granted' });
    expect(grants).toContainEqual(
      expect.objectContaining({
        subjectType: 'user',
        subjectId: nina.userId,
        details: { trees: ['personal', 'secrets'] },
      }),
    );
  });

  test('the recovery kit restores an admin whose keychain is gone, on a new machine; a wrong kit changes nothing', async () => {
    const kit = team.recoveryKit!;
    const account = prepared.account;
    // Ada's keychain is lost and no other admin can log in: the DBA gives her a new code, and she enrols a new data
    // folder, whose key store is new too.
    const code = await reissueCodeAsOwner({
      adminUrl: superuserUrl(team.database.name),
      member: 'ada@leverantor.se',
    });
    const ada = await firstMemberLotsen(team, code);
    others.push(ada);
    expect(
      (await ada.call.fails('registry.revealSecret', { accountId: account.id, purpose: 'x' })).code,
    ).toBe('VAULT_LOCKED');

    const wraps = () =>
      stored('SELECT tree, generation, recipient, wrapped FROM lotsen.vault_wraps ORDER BY 1, 2, 3');
    const before = await wraps();
    const otherKit = recoveryKitText(team.database.name, newX25519KeyPair().privateKey);
    expect(await ada.call.fails('team.recover', { kit: otherKit })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining("not the team's recovery kit"),
    });
    expect(await ada.call.fails('team.recover', { kit: 'LOTSEN-RECOVERY-nej' })).toMatchObject({
      code: 'VALIDATION',
    });
    expect(await wraps()).toEqual(before);
    expect(await ada.call.ok('audit.list', { event: 'vault.recovered' })).toEqual([]);

    const recovered = await ada.call.ok('team.recover', { kit: kit.text });
    expect(recovered).toEqual({ trees: ['personal', 'secrets'], kitFingerprint: kit.fingerprint });
    expect(
      await ada.call.ok('registry.revealSecret', { accountId: account.id, purpose: 'återställd' }),
    ).toEqual({
      secret: 'hemligt-wap',
    });
    const [event] = await ada.call.ok('audit.list', { event: 'vault.recovered' });
    expect(event).toMatchObject({
      actorId: admin.member.userId,
      details: { trees: ['personal', 'secrets'], kitFingerprint: kit.fingerprint },
    });
  });
});
