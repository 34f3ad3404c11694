import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { AppStatus, EventName, EventPayload, LocalUserInput } from '../../common/api/contract.ts';
import { localUserInputSchema } from '../../common/api/contract.ts';
import { keyedError, LotsenError } from '../../common/api/errors.ts';
import { anchorOlderStore, AuditAnchors } from '../audit/auditAnchors.node.ts';
import { AuditTrail } from '../audit/auditTrail.node.ts';
import type { RegistryContext } from '../registry/registryContext.ts';
import {
  assertStorePresent,
  createStore,
  openStore,
  storeFiles,
  type Store,
  type TeamStore,
} from '../store/database.node.ts';
import { isStoreDamage, storeDamagedError } from '../store/storeDamage.ts';
import { databaseHeadPlace } from '../audit/databaseHeadPlace.ts';
import type { TeamDatabaseSettings } from '../store/teamDatabase.node.ts';
import { createLocalUser } from '../users/localUser.ts';
import { localPrincipalSource, type Acting, type PrincipalSource } from '../users/principalSource.ts';
import { findTeamMember } from '../users/teamUser.ts';
import { teamLoginPassword } from '../vault/teamLoginPassword.node.ts';
import { detachKeyRing } from '../vault/keyRing.ts';
import { memberKeyPair, type MemberKeyPair } from '../vault/memberKeyPair.node.ts';
import { openMemberVault } from '../vault/memberVault.node.ts';
import {
  createDatabaseKey,
  discardDatabaseKey,
  loadDatabaseKey,
  type KeyStorePreference,
} from '../vault/databaseKey.node.ts';
import { keychain as osKeychain, type Keychain } from '../vault/keychain.node.ts';
import { readDataConfig, writeDataConfig, type DataConfig, type TeamDataSource } from './dataConfig.node.ts';
import { dataFiles } from './dataDir.node.ts';
import { makeOwnerOnlyFolder, tightenToOwnerOnly } from './ownerOnly.node.ts';
import { OutboxFile } from '../team/outbox/outboxFile.node.ts';
import { outboxKey } from '../team/outbox/outboxKey.node.ts';
import { UnlockBackoff } from './unlockBackoff.ts';

/** `lotsen init --team`: the database to join, and how this login's password gets set there (enrolment). */
export interface TeamInitOptions {
  source: TeamDataSource;
  /**
   * Sets the login's password to the one this machine derived (main/team/'s enrolment), publishes the member's
   * public key and claims the invitation's vault wraps for it; absent if already done.
   */
  enrol?: (password: string, keyPair: MemberKeyPair) => Promise<void>;
}

/**
 * The team database's module, with pg, loaded only for a folder in a team: an embedded store's commands never load
 * it (issue 17, a CLI that starts at once).
 */
async function openTeamDatabase(settings: TeamDatabaseSettings, password: string): Promise<TeamStore> {
  const team = await import('../store/teamDatabase.node.ts');
  return team.openTeamDatabase(settings, password);
}

function teamSettings(source: TeamDataSource): TeamDatabaseSettings {
  return {
    host: source.host,
    port: source.port,
    database: source.database,
    login: source.login,
    tls: source.tls,
    ...(source.insecure ? { insecure: true } : {}),
  };
}

export interface BackendOptions {
  dataDir: string;
  keychain?: Keychain;
  /** Injected by tests that need to move time; everything else uses the wall clock. */
  now?: () => number;
  /**
   * Who acts once the store is open; the embedded default's local user (every role, the admin right) unless told.
   * A team database's backend, and tests acting as a member of one role, give their own.
   */
  principalSource?: PrincipalSource;
}

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;
type LifecycleHook = () => Promise<void> | void;

/**
 * The one object that owns the data folder: whether it is initialised, the unlocked store and who is at the console.
 * Transports and the CLI reach the services only through it (via the dispatcher), so locking closes every door at
 * once.
 */
export class Backend {
  readonly dataDir: string;
  readonly now: () => number;
  private readonly keychain: Keychain;
  private config: DataConfig | null;
  private store: Store | null = null;
  private acting: Acting | null = null;
  private auditTrail: AuditTrail | null = null;
  /** A team member's queue of sessions' books waiting for the team database (main/team/outbox/); null when embedded. */
  private outbox: OutboxFile | null = null;
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>();
  private transition: Promise<unknown> = Promise.resolve();
  private readonly unlockHooks = new Set<LifecycleHook>();
  private readonly lockHooks = new Set<LifecycleHook>();
  private readonly unlockBackoff = new UnlockBackoff();
  private readonly principalSource: PrincipalSource;
  /** Stops following the open team database's reachability (main/team/reachability/). */
  private unfollowReachability: () => void = () => undefined;

  private constructor(options: BackendOptions, config: DataConfig | null) {
    this.dataDir = options.dataDir;
    this.now = options.now ?? Date.now;
    this.keychain = options.keychain ?? osKeychain;
    this.config = config;
    this.principalSource = options.principalSource ?? localPrincipalSource;
  }

  static async open(options: BackendOptions): Promise<Backend> {
    return new Backend(options, await readDataConfig(options.dataDir));
  }

  status(): AppStatus {
    return {
      state: this.config === null ? 'uninitialized' : this.store === null ? 'locked' : 'unlocked',
      keyStore: this.config?.keyStore ?? null,
      user: this.acting?.user ?? null,
      principal: this.acting?.principal ?? null,
      dataDir: this.dataDir,
      database: this.databaseStatus(),
    };
  }

  private databaseStatus(): AppStatus['database'] {
    if (this.store?.kind === 'team') return this.store.reachability.snapshot();
    // A locked team folder knows nothing of its database yet: nothing is wrong that it knows of.
    if (this.config?.dataSource) return { state: 'reachable', since: null };
    return { state: 'embedded', since: null };
  }

  /**
   * Creates the key, the encrypted store and the local user; or, with `team`, the key that makes this machine's login
   * password and the connection to the team database, whose member this login already is. Only the last step writes
   * lotsen.json.
   */
  initialize(options: {
    user?: LocalUserInput;
    passphrase: string | null;
    preference: KeyStorePreference;
    team?: TeamInitOptions;
  }): Promise<AppStatus> {
    return this.serialised(async () => {
      if (this.config !== null) {
        throw keyedError('ALREADY_INITIALIZED', 'storage.storeAlreadyThere', { folder: this.dataDir });
      }
      if (options.team) return this.initializeTeam(options.team, options);
      const userInput = localUserInputSchema.parse(options.user);
      await makeOwnerOnlyFolder(this.dataDir);
      if (existsSync(dataFiles.database(this.dataDir))) {
        // A database without lotsen.json is someone's data that lost its config; never overwrite it.
        throw keyedError('ALREADY_INITIALIZED', 'storage.storeWithoutConfig', {
          file: dataFiles.database(this.dataDir),
        });
      }
      const { key, keyStore } = await createDatabaseKey(this.dataDir, {
        preference: options.preference,
        passphrase: options.passphrase,
        keychain: this.keychain,
      });
      let store: Store | null = null;
      const anchors = this.anchorsFor(keyStore, key);
      try {
        store = await createStore(dataFiles.database(this.dataDir), key);
        await createLocalUser(store.db, userInput, this.now());
        const acting = await this.actingOn(store);
        await anchors.establish();
        const config: DataConfig = {
          format: 'lotsen-data',
          version: 1,
          keyStore,
          createdAt: new Date(this.now()).toISOString(),
          auditAnchored: true,
        };
        await writeDataConfig(this.dataDir, config);
        this.config = config;
        this.open(store, acting, anchors);
      } catch (error) {
        await store?.close();
        await anchors.discard();
        await this.removeDatabaseFiles();
        await rm(dataFiles.keyFile(this.dataDir), { force: true });
        await discardDatabaseKey(this.dataDir, keyStore, this.keychain);
        throw error;
      }
      await runHooks(this.unlockHooks);
      return this.changed();
    });
  }

  private async initializeTeam(
    team: TeamInitOptions,
    options: { passphrase: string | null; preference: KeyStorePreference },
  ): Promise<AppStatus> {
    await makeOwnerOnlyFolder(this.dataDir);
    const { key, keyStore } = await createDatabaseKey(this.dataDir, {
      preference: options.preference,
      passphrase: options.passphrase,
      keychain: this.keychain,
    });
    let store: Store | null = null;
    let queue: OutboxFile | null = null;
    try {
      const password = teamLoginPassword(key);
      // The member's vault key pair, derived where the password is, from the same key (memberKeyPair.node.ts).
      const keyPair = memberKeyPair(key);
      queue = this.openOutbox(key);
      key.fill(0);
      await team.enrol?.(password, keyPair);
      store = await openTeamDatabase(teamSettings(team.source), password);
      const member = await this.teamMember(store);
      await openMemberVault(store.db, member.user.id, keyPair);
      const config: DataConfig = {
        format: 'lotsen-data',
        version: 1,
        keyStore,
        createdAt: new Date(this.now()).toISOString(),
        auditAnchored: true,
        dataSource: team.source,
      };
      await writeDataConfig(this.dataDir, config);
      this.config = config;
      this.open(store, member, new AuditAnchors([databaseHeadPlace(store.db)]), queue);
    } catch (error) {
      queue?.close();
      if (store) detachKeyRing(store.db);
      await store?.close();
      await rm(dataFiles.keyFile(this.dataDir), { force: true });
      await discardDatabaseKey(this.dataDir, keyStore, this.keychain);
      throw error;
    }
    await runHooks(this.unlockHooks);
    return this.changed();
  }

  /** The member this login is, with their role and admin right, or UNAUTHORIZED (no member, or one removed). */
  private async teamMember(store: Store): Promise<Acting> {
    const member = await findTeamMember(store.db);
    if (member === null) {
      throw new LotsenError(
        'UNAUTHORIZED',
        `This login is not a member of the team database ${store.kind === 'team' ? store.database : ''}; ask a team admin.`,
      );
    }
    return member;
  }

  private async unlockTeam(
    config: DataConfig,
    source: TeamDataSource,
    passphrase: string | null,
  ): Promise<void> {
    const key = await this.loadKey(config, passphrase);
    const password = teamLoginPassword(key);
    const keyPair = memberKeyPair(key);
    // Opened first: a queue that cannot be read is said before anything else, and the database then waits for it.
    const queue = this.openOutbox(key);
    key.fill(0);
    const store = await openTeamDatabase(teamSettings(source), password).catch((error: unknown) => {
      queue.close();
      throw error;
    });
    try {
      const member = await this.teamMember(store);
      await openMemberVault(store.db, member.user.id, keyPair);
      this.open(store, member, new AuditAnchors([databaseHeadPlace(store.db)]), queue);
    } catch (error) {
      queue.close();
      detachKeyRing(store.db);
      await store.close();
      throw error;
    }
  }

  unlock(passphrase: string | null): Promise<AppStatus> {
    return this.serialised(async () => {
      const config = this.requireConfig();
      if (this.store !== null) return this.status();
      const triesPassphrase = config.keyStore === 'passphrase' && passphrase !== null;
      if (triesPassphrase) this.unlockBackoff.assertMayTry(this.now());
      if (config.dataSource) {
        await this.unlockTeam(config, config.dataSource, passphrase);
        await runHooks(this.unlockHooks);
        return this.changed();
      }
      const file = dataFiles.database(this.dataDir);
      await assertStorePresent(file);
      // Stores made before Lotsen kept modes owner-only sit in 0755 folders with 0644 files; new -wal and -shm
      // files take lotsen.db's mode, so it is tightened before SQLite opens it.
      await tightenToOwnerOnly(this.dataDir, ...storeFiles(file));
      const key = await this.loadKey(config, passphrase);
      const store = await openStore(file, key, { keyVerified: config.keyStore === 'passphrase' });
      const anchors = this.anchorsFor(config.keyStore, key);
      key.fill(0);
      const acting = await this.actingOn(store).catch(async (error: unknown) => {
        await store.close();
        throw isStoreDamage(error) ? storeDamagedError(file, error) : error;
      });
      this.config = await anchorOlderStore(this.dataDir, config, anchors, store.db).catch(async (error) => {
        await store.close();
        throw error;
      });
      this.open(store, acting, anchors);
      await runHooks(this.unlockHooks);
      return this.changed();
    });
  }

  /** A wrong passphrase starts or lengthens the wait (`details.retryAfterMs`); a right one ends it. */
  private async loadKey(config: DataConfig, passphrase: string | null): Promise<Buffer> {
    try {
      const key = await loadDatabaseKey(this.dataDir, {
        keyStore: config.keyStore,
        passphrase,
        keychain: this.keychain,
      });
      if (config.keyStore === 'passphrase') this.unlockBackoff.succeeded();
      return key;
    } catch (error) {
      if (!(error instanceof LotsenError) || error.code !== 'WRONG_PASSPHRASE') throw error;
      const retryAfterMs = this.unlockBackoff.failed(this.now());
      throw new LotsenError('WRONG_PASSPHRASE', error.message, { retryAfterMs }, error.detail);
    }
  }

  /** Runs each time the store has been opened (after `lotsen init` too); returns a function that removes the hook. */
  afterUnlock(hook: LifecycleHook): () => void {
    this.unlockHooks.add(hook);
    return () => this.unlockHooks.delete(hook);
  }

  /** Runs before the store closes, while it can still be written; returns a function that removes the hook. */
  beforeLock(hook: LifecycleHook): () => void {
    this.lockHooks.add(hook);
    return () => this.lockHooks.delete(hook);
  }

  lock(): Promise<AppStatus> {
    return this.serialised(async () => {
      if (this.store === null) return this.status();
      // Services finish their writes first (live sessions close their time entries and recordings).
      await runHooks(this.lockHooks);
      const store = this.store;
      this.unfollowReachability();
      this.store = null;
      this.acting = null;
      this.auditTrail = null;
      this.outbox?.close();
      this.outbox = null;
      // The team's tree keys and the member's private key are forgotten with the store (keyRing.ts).
      detachKeyRing(store.db);
      await store.close();
      return this.changed();
    });
  }

  /**
   * The open store itself, or null while locked: for what follows the store from outside it (the change feed,
   * main/store/changeFeed/). Services go through registryContext(), which also says who acts.
   */
  unlockedStore(): Store | null {
    return this.store;
  }

  /** The unlocked team member's queue of sessions' books (main/team/outbox/); null when locked or embedded. */
  outboxQueue(): OutboxFile | null {
    return this.store === null ? null : this.outbox;
  }

  /** Opens (or makes) this folder's queue under its own key, derived from the member's local database key. */
  private openOutbox(databaseKey: Buffer): OutboxFile {
    const key = outboxKey(databaseKey);
    try {
      return OutboxFile.open(dataFiles.outbox(this.dataDir), key);
    } finally {
      key.fill(0);
    }
  }

  /** Where this folder's team database is (lotsen.json), or null for the embedded store; it holds no secret. */
  teamDataSource(): TeamDataSource | null {
    return this.config?.dataSource ?? null;
  }

  /** The store and the acting user, or VAULT_LOCKED: every service call starts here. */
  registryContext(): RegistryContext {
    if (this.config === null) {
      throw new LotsenError(
        'NOT_INITIALIZED',
        'Lotsen is not set up here yet: run `lotsen init` or open the app.',
      );
    }
    if (this.store === null || this.acting === null) {
      throw new LotsenError('VAULT_LOCKED', 'The store is locked; unlock it first.');
    }
    const { principal } = this.acting;
    return { db: this.store.db, actorId: principal.userId, principal, now: this.now };
  }

  /** The audit log of the unlocked store; every audited act goes through it, named after the local user. */
  audit(): AuditTrail {
    this.registryContext();
    return this.auditTrail!;
  }

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener<EventName>);
    return () => set.delete(listener as Listener<EventName>);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  async close(): Promise<void> {
    await this.lock();
    this.listeners.clear();
  }

  private open(store: Store, acting: Acting, anchors: AuditAnchors, outbox: OutboxFile | null = null): void {
    this.outbox = outbox;
    this.store = store;
    this.acting = acting;
    this.auditTrail = new AuditTrail(store.db, anchors, acting.user, this.now);
    // The top bar says when the team database goes away and when it is back.
    if (store.kind === 'team') this.unfollowReachability = store.reachability.onChange(() => this.changed());
  }

  /** Whether the team database answers now; always true for the embedded store and while locked. */
  databaseReachable(): boolean {
    return this.store?.kind !== 'team' || this.store.reachability.state === 'reachable';
  }

  /** Who acts on this store; a store without that person was not set up completely (or is not theirs). */
  private async actingOn(store: Store): Promise<Acting> {
    const acting = await this.principalSource(store.db);
    if (acting === null) {
      throw new LotsenError('INTERNAL', 'The store has no local user; it was not initialised completely.');
    }
    return acting;
  }

  private anchorsFor(keyStore: DataConfig['keyStore'], databaseKey: Buffer): AuditAnchors {
    return AuditAnchors.forStore({ dataDir: this.dataDir, keyStore, keychain: this.keychain, databaseKey });
  }

  private requireConfig(): DataConfig {
    if (this.config === null) {
      throw new LotsenError(
        'NOT_INITIALIZED',
        'Lotsen is not set up here yet: run `lotsen init` or open the app.',
      );
    }
    return this.config;
  }

  private changed(): AppStatus {
    const status = this.status();
    this.emit('app.statusChanged', status);
    return status;
  }

  /** Init, unlock and lock never interleave: two windows pressing "unlock" open the store once. */
  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.transition.then(work, work);
    this.transition = next.catch(() => undefined);
    return next;
  }

  private async removeDatabaseFiles(): Promise<void> {
    await Promise.all(storeFiles(dataFiles.database(this.dataDir)).map((f) => rm(f, { force: true })));
  }
}

/** A hook that fails must not keep the store open or locked: each runs, and failures are only logged. */
async function runHooks(hooks: ReadonlySet<LifecycleHook>): Promise<void> {
  for (const hook of hooks) {
    try {
      await hook();
    } catch (error) {
      console.error('lotsen: a lifecycle hook failed:', error instanceof Error ? error.message : 'unknown');
    }
  }
}
