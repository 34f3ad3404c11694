import { randomUUID } from 'node:crypto';
import { keyedError, LotsenError } from '../../common/api/errors.ts';
import type { Reason } from '../../common/agreements/verdict.ts';
import {
  liveSessionStates,
  type SessionKind,
  type SessionOpenFields,
  type SessionView,
} from '../../common/sessions/model.ts';
import type { Backend } from '../app/backend.node.ts';
import { endInterruptedSessions } from './interruptedSessions.ts';
import { cleanRdpLeftoversAtStart } from './rdp/platformRdp.node.ts';
import { newRecordingRow, recorderOf, type Recorder } from './recording/recorder.ts';
import { sessionRecordingSink } from './recording/recordingWriter.node.ts';
import { CachedVerdicts } from './cachedVerdicts.ts';
import {
  auditCachedVerdict,
  auditOpened,
  auditOverride,
  auditPreConnectRun,
  auditVpnDisconnect,
  startTimeEntry,
  reasonOf,
  type BookedSession,
  type SessionOutcome,
} from './sessionBookkeeping.ts';
import { commandSha256 } from './preConnectApprovals.ts';
import { cachedOpeningReads, OpeningNeeds, storeOpeningReads, type OpeningReads } from './openingReads.ts';
import { admitSessionOrFromCache } from './sessionGate.ts';
import { DISCONNECT_TIMEOUT_MS, sessionVpnOf, vpnSplitFinding, type SessionVpn } from './vpn/sessionVpn.ts';
import { SELF } from './sessionOwner.node.ts';
import { SessionQuestions } from './sessionQuestions.ts';
import { endDetailOf, getSession, listSessions } from './sessionRepository.ts';
import type { SshSessionOptions } from './sessionSsh.node.ts';
import { sessionTitle } from './sessionTitle.ts';
import type { RdpClientOptions } from './rdp/rdpClient.node.ts';
import { findRdpTarget, rdpTitle } from './rdp/rdpTarget.ts';
import { auditToolRun, handedOff, prepareToolLaunch, type ToolLaunch } from './tools/toolSession.ts';
import { SizeSaver, type TerminalSize } from './sizeSaver.ts';
import { dropped, exitCodeOf, exitOutcome, failure, keyedOutcome, toolOutcome } from './sessionOutcomes.ts';
import { isConnectionLoss } from '../team/outbox/connectionLoss.ts';
import { booksOf, recordingSinkOf, type SessionBooks } from '../team/outbox/sessionBooks.ts';
import type { SshConnection } from './ssh/sshConnection.node.ts';
import { assertRouteRegistered } from './ssh/sshHops.ts';
import { newSecretDataKey, sealSecretBytes } from '../vault/secretVault.ts';
import type * as PtySource from './terminal/ptySource.node.ts';
import { streamSource } from './terminal/streamSource.ts';
import type { TerminalExit, TerminalSource } from './terminal/terminalSource.ts';
import { connectTerminal, type TerminalStream } from './terminal/terminalStream.ts';

export interface SessionManagerOptions extends SshSessionOptions {
  /** The local shell; the user's login shell by default. */
  shell?: string;
  /** How long a question (host key, password prompt) may wait for the person before the session gives up. */
  promptTimeoutMs?: number;
  /** A live session's new terminal size is written to the store at most this often. */
  sizeSaveIntervalMs?: number;
  /** The RDP client and the display its window opens on (main/sessions/rdp). */
  rdp?: RdpClientOptions;
  /** An external tool that exits successfully within this long handed off (TOOL_HANDOFF_MS by default). */
  toolHandoffMs?: number;
}

interface LiveSession extends BookedSession {
  readonly kind: SessionKind;
  readonly recorder: Recorder;
  readonly questions: SessionQuestions;
  readonly size: SizeSaver;
  /** The newest size the client sent; a terminal started later starts at it, not at the size the session opened with. */
  terminalSize: TerminalSize;
  /** The terminal now in use: the pre-connect command's, then the SSH shell's. */
  stream: TerminalStream | null;
  /** When the cached eligibility verdict it started on was fetched; null when it was fetched at its start. */
  readonly verdictCachedAt: number | null;
  connection: SshConnection | null;
  /** Where its establishing reads the pre-connect secret and the SSH route: the store, or the cached verdict's. */
  readonly reads: OpeningReads;
  /** What the store last said of it (or its opening, until then): what it shows while its books wait in the queue. */
  lastView: SessionView;
  /** How many reads of its view have been asked for, and which of them `lastView` is (see `changed`). */
  viewReads: { asked: number; shown: number };
  /** The ticket's time entry being created, which the session's end waits for so that it closes the entry too. */
  timeEntryStart: Promise<void> | null;
  ending: Promise<SessionView> | null;
  /** The environment's VPN, when the session runs its pre-connect command (vpn/sessionVpn.ts). */
  readonly vpn: SessionVpn | null;
  /** An external-tool session's launch, decided at its opening; null for other kinds. */
  readonly toolLaunch: ToolLaunch | null;
  /** When its tool handed off and exited (it is then tracked until Done); null otherwise. */
  toolHandedOffAt: number | null;
}

/**
 * node-pty and ssh2 are loaded on a session's first use, not with the API: a CLI command or an unlock that opens no
 * session never waits for them (issue 17, a CLI that starts at once). The manager itself, with its unlock and lock
 * hooks, is made with the API as before.
 */
type PtyModule = typeof PtySource;
let ptyLoaded: PtyModule | null = null;
async function ptyModule(): Promise<PtyModule> {
  return (ptyLoaded ??= await import('./terminal/ptySource.node.ts'));
}

const DEFAULT_PROMPT_TIMEOUT_MS = 10 * 60_000;
const DEFAULT_SIZE_SAVE_INTERVAL_MS = 1_000;

/**
 * Owns the live terminal and SSH sessions: opens them for a ticket behind the eligibility gate, runs their terminal
 * (the pre-connect command, then the shell) and ends them, keeping their books on the way. A session's row in the
 * store is its history; this object holds only what a live session needs at runtime.
 */
export class SessionManager {
  private readonly live = new Map<string, LiveSession>();
  /** Ended sessions being reconnected now: a second click, or a second window, must not open a second session. */
  private readonly reconnecting = new Set<string>();
  /**
   * How each session this Lotsen opened since unlock was opened, so one can be reconnected while the team database
   * is away (the store keeps the same in the session's row); in memory only, forgotten at lock.
   */
  private readonly openedWith = new Map<string, SessionOpenFields>();
  /** The gate's answers, for starting a session while the team database cannot be reached (sessionGate.ts). */
  private readonly verdicts = new CachedVerdicts();
  /** Where the sessions' books go: the store, or the local queue while a team database is out of reach. */
  private readonly books: SessionBooks;

  constructor(
    private readonly backend: Backend,
    private readonly options: SessionManagerOptions = {},
  ) {
    // Made first, so that at unlock the queue drains before interrupted sessions are ended from what it brings.
    this.books = booksOf(backend);
    // A drain can bring the books of sessions a killed Lotsen left live: they end now, not at the next unlock.
    this.books.onDrained(() => {
      void endInterruptedSessions(backend).catch(() =>
        console.error('lotsen: could not end interrupted sessions'),
      );
    });
    // Sessions a crash left "live" in the store end at unlock, or now when the store is already open.
    backend.afterUnlock(() => endInterruptedSessions(backend));
    // What a crash left of an mstsc session (its credential, its .rdp file) goes at start-up: it needs no store.
    void cleanRdpLeftoversAtStart(backend.dataDir, options.rdp?.platformPrograms).catch((error: unknown) =>
      console.error('lotsen: could not clean what an earlier RDP session left:', reasonOf(error)),
    );
    backend.beforeLock(() =>
      this.endAll(keyedOutcome('disconnected', 'SSH_DISCONNECTED', 'sessions.endedByLock')),
    );
    backend.beforeLock(() => this.verdicts.forget());
    backend.beforeLock(() => this.openedWith.clear());
    if (backend.status().state === 'unlocked') {
      this.leftBehindEnded = endInterruptedSessions(backend).catch(() =>
        console.error('lotsen: could not end interrupted sessions'),
      );
    }
  }

  /**
   * Settles once the sessions a crash left live have been ended, when this manager was made on an open store (at a
   * CLI command's first session call): its first answer must not show them live. Made before the unlock, the unlock
   * itself ends them.
   */
  readonly leftBehindEnded: Promise<void> = Promise.resolve();

  async list(filter: { live: boolean; ticketId?: string; technicianId?: string }): Promise<SessionView[]> {
    return (await listSessions(this.backend.registryContext().db, filter)).map((view) =>
      this.withVerdict(view),
    );
  }

  /**
   * Checks and records everything, then answers with the session in `connecting`; the rest follows as events. With
   * the team database away, a session whose verdict is cached opens on what its cache keeps (openingReads.ts), and
   * its opening's books wait in the local queue with the rest of them.
   */
  async open(input: SessionOpenFields): Promise<SessionView> {
    const ctx = this.backend.registryContext();
    const admission = await admitSessionOrFromCache(
      ctx,
      input,
      this.verdicts,
      this.backend.databaseReachable(),
    );
    const { ticket, environment, verdict, override, verdictCachedAt } = admission;
    const reads = this.readsFor(input, verdictCachedAt);
    // Refused before anything of the session exists, unless the person chose not to run the command this time.
    if (input.runPreConnect) await reads.assertPreConnectApproved(environment);
    // A VPN profile's client missing here refuses the session as cleanly: nothing of it exists, nothing ran.
    const vpn = input.runPreConnect ? await sessionVpnOf(environment) : null;
    // Loaded before the session exists, so a local shell is attached before open returns, as it always was: input
    // sent right after the answer reaches the shell.
    if (input.kind !== 'ssh' || input.runPreConnect) await ptyModule();
    // An external tool's template must be approved here, and its program installed, before the session exists.
    const toolLaunch = input.kind === 'tool' ? await prepareToolLaunch(this.backend, input) : null;
    const title =
      input.kind === 'rdp'
        ? rdpTitle(await findRdpTarget(reads.findTarget, input))
        : await sessionTitle(reads.findTarget, input, this.options.shell);
    if (input.kind === 'ssh') await assertRouteRegistered(reads.findTarget, input.jump);
    const labels = await reads.labels();
    const recording = newRecordingRow({
      width: input.cols,
      height: input.rows,
      env: { TERM: 'xterm-256color' },
    });
    // The recording's data key is made here, wrapped under the vault key, and stored with the session's opening.
    const recordingKey = newSecretDataKey({ kind: 'recording', id: recording.id }, await reads.secretsTree());
    const id = randomUUID();
    // Which verdict let it start is audited before anything of the session is stored, as an override is.
    if (verdictCachedAt !== null) await auditCachedVerdict(this.backend, id, admission, verdictCachedAt);
    if (override !== null) await auditOverride(this.backend, id, ticket, verdict.blockers, override);

    const openedAt = ctx.now();
    const reasons = [...verdict.blockers, ...verdict.warnings] satisfies Reason[];
    await this.books.write(id, {
      kind: 'session-state',
      op: 'open',
      customerId: ticket.customerId,
      session: {
        kind: input.kind,
        title,
        ticketId: ticket.id,
        environmentId: environment.id,
        serverId: input.serverId,
        accountId: input.accountId,
        technicianId: ctx.actorId,
        owner: SELF,
        openedAt,
        overrideReason: override,
        reasons: JSON.stringify(reasons),
        cols: input.cols,
        rows: input.rows,
        auth: input.auth,
        jump: JSON.stringify(input.jump),
        runPreConnect: input.runPreConnect,
        recordInput: input.recordInput,
        tool: input.tool,
      },
      recording,
      recordingKey: {
        id: recordingKey.row.id,
        generation: recordingKey.row.generation,
        wrappedKey: recordingKey.row.wrapped_key,
        createdAt: recordingKey.row.created_at,
      },
    });
    const recorder = recorderOf(
      recording.id,
      // As bytes: the embedded store's writer keeps them so, a quarter smaller; the books make text of them.
      (text) => sealSecretBytes(recordingKey.row.id, recordingKey.key, text),
      // An embedded store's batches are written by a worker thread (recording/recordingWriter.node.ts).
      sessionRecordingSink(this.backend, recordingSinkOf(this.books, id)),
      { recordInput: input.recordInput },
    );
    // What the session shows while the store cannot say (its opening waits in the local queue).
    const opened: SessionView = {
      id,
      kind: input.kind,
      state: 'connecting',
      title,
      ticketId: ticket.id,
      ticketRef: labels.ticketRef,
      customerId: ticket.customerId,
      customerName: labels.customerName,
      environmentId: environment.id,
      serverId: input.serverId,
      accountId: input.accountId,
      openedAt,
      closedAt: null,
      endMessage: null,
      endCode: null,
      hostKeyChange: null,
      overridden: override !== null,
      choices: {
        auth: input.auth,
        jump: input.jump,
        runPreConnect: input.runPreConnect,
        recordInput: input.recordInput,
        tool: input.tool,
      },
      warnings: reasons,
      recordingId: recording.id,
      timeEntryId: null,
      cols: input.cols,
      rows: input.rows,
    };
    const session: LiveSession = {
      id,
      ticketId: ticket.id,
      customerId: ticket.customerId,
      kind: input.kind,
      title,
      recorder,
      questions: new SessionQuestions(
        (prompt) => this.backend.emit('sessions.prompt', prompt),
        this.options.promptTimeoutMs ?? DEFAULT_PROMPT_TIMEOUT_MS,
      ),
      size: new SizeSaver(async (size) => {
        await this.books.write(id, { kind: 'session-state', op: 'update', changes: size });
      }, this.options.sizeSaveIntervalMs ?? DEFAULT_SIZE_SAVE_INTERVAL_MS),
      terminalSize: { cols: input.cols, rows: input.rows },
      stream: null,
      verdictCachedAt,
      reads,
      connection: null,
      lastView: opened,
      viewReads: { asked: 0, shown: 0 },
      timeEntryStart: null,
      timeEntryId: null,
      endAudited: false,
      ending: null,
      vpn,
      toolLaunch,
      toolHandedOffAt: null,
    };
    this.live.set(id, session);
    this.openedWith.set(id, input);

    const preConnect = input.runPreConnect ? environment.preConnectCommand.trim() : '';
    void this.establish(session, input, preConnect).catch((error: unknown) => {
      // A person's own refusals (a host key, a login) say what to do; anything else is Lotsen's, for its log.
      if (!(error instanceof LotsenError)) {
        console.error(`lotsen: session ${session.id} could not be opened:`, reasonOf(error));
      }
      this.endUnawaited(session, failure(error));
    });
    return this.changed(id, session);
  }

  /**
   * Opens a new session the way an ended one was opened, from what its row keeps (so any window can, after a
   * reload too). It passes the gate afresh: an override given then does not count now.
   */
  async reconnect(input: {
    sessionId: string;
    overrideReason: string | null;
    runPreConnect?: boolean | undefined;
  }): Promise<SessionView> {
    if (this.reconnecting.has(input.sessionId)) {
      throw keyedError('CONFLICT', 'sessions.reconnectUnderWay');
    }
    this.reconnecting.add(input.sessionId);
    try {
      const ended = await this.endedSession(input.sessionId);
      return await this.open({
        ...ended,
        runPreConnect: input.runPreConnect ?? ended.runPreConnect,
        overrideReason: input.overrideReason,
      });
    } finally {
      this.reconnecting.delete(input.sessionId);
    }
  }

  /** Whether this Lotsen opened the session since it was unlocked: then it is the person's own, whoever they are. */
  openedHere(sessionId: string): boolean {
    return this.openedWith.has(sessionId);
  }

  /**
   * How an ended session was opened, as its row says; with the team database away, as this Lotsen opened it (when it
   * did, since unlock), so that it can be reconnected on a cached verdict.
   */
  private async endedSession(sessionId: string): Promise<SessionOpenFields> {
    let ended: SessionView | null;
    try {
      ended = await getSession(this.backend.registryContext().db, sessionId);
    } catch (error) {
      const opened = this.openedWith.get(sessionId);
      if (!isConnectionLoss(error) || opened === undefined) throw error;
      if (this.live.has(sessionId)) throw stillLive();
      return opened;
    }
    if (!ended) throw keyedError('NOT_FOUND', 'sessions.noSuchSession');
    if (liveSessionStates.includes(ended.state)) throw stillLive();
    return {
      ticketId: ended.ticketId,
      environmentId: ended.environmentId,
      kind: ended.kind,
      serverId: ended.serverId,
      accountId: ended.accountId,
      ...ended.choices,
      overrideReason: null,
      cols: ended.cols,
      rows: ended.rows,
    };
  }

  answerPrompt(input: { sessionId: string; promptId: string; accept: boolean; answers: string[] }): void {
    this.require(input.sessionId).questions.answer(input.promptId, {
      accept: input.accept,
      answers: input.answers,
    });
  }

  input(sessionId: string, data: string): void {
    const session = this.require(sessionId);
    if (!session.stream) throw keyedError('CONFLICT', 'sessions.notConnectedYet');
    session.stream.input(data);
    session.recorder.input(data);
  }

  /**
   * Types into a session's pre-connect (VPN) terminal, and not into its recording: for what main itself answers a
   * VPN's prompt with (vpn/vpnOneTimeCode.ts). Only while the pre-connect command runs; CONFLICT otherwise.
   */
  typeAtVpnPrompt(sessionId: string, type: (environmentId: string) => Promise<string>): Promise<void> {
    const session = this.require(sessionId);
    const atPrompt = () =>
      session.vpn !== null &&
      !session.ending &&
      session.lastView.state === 'preconnect' &&
      session.stream !== null;
    if (!atPrompt()) {
      return Promise.reject(keyedError('CONFLICT', 'sessions.notAtVpnPrompt'));
    }
    return type(session.vpn!.environmentId).then((text) => {
      // The connect command may have ended while the text was being made: nothing is typed into what follows it.
      if (!atPrompt()) throw keyedError('CONFLICT', 'sessions.vpnCommandEnded');
      session.stream!.input(text);
    });
  }

  resize(sessionId: string, cols: number, rows: number): void {
    const session = this.require(sessionId);
    session.terminalSize = { cols, rows };
    session.stream?.resize(cols, rows);
    session.recorder.resize(cols, rows);
    session.size.set({ cols, rows });
  }

  ack(sessionId: string, bytes: number): void {
    // Acks may race the end of a session: they are harmless then and not an error.
    this.live.get(sessionId)?.stream?.ack(bytes);
  }

  async close(sessionId: string): Promise<SessionView> {
    const session = this.live.get(sessionId);
    if (!session) {
      const stored = await getSession(this.backend.registryContext().db, sessionId);
      if (!stored) throw keyedError('NOT_FOUND', 'sessions.noSuchSession');
      return stored;
    }
    return this.end(session, { state: 'closed', code: null, message: null });
  }

  /** Ends every live session (lock, shutdown) as `outcome` says, each closing its time entry and recording. */
  async endAll(outcome: SessionOutcome): Promise<void> {
    await Promise.all([...this.live.values()].map((session) => this.end(session, outcome)));
  }

  private async establish(session: LiveSession, input: SessionOpenFields, preConnect: string): Promise<void> {
    if (preConnect !== '') {
      await this.setState(session, 'preconnect');
      await this.startTime(session);
      if (session.ending) return;
      // Opened only now, for this one program, and held no longer than its start: never in the command's text.
      const secret = await session.reads.preConnectSecret();
      const { spawnPty } = await ptyModule();
      const started = performance.now();
      // From its start on, the session's end runs the disconnect command too, whatever the connect's exit.
      if (session.vpn) session.vpn.started = true;
      const exit = await this.runToEnd(
        session,
        spawnPty(preConnectProgram(preConnect, session.terminalSize, secret)),
      );
      const durationMs = Math.round(performance.now() - started);
      const split = exit.exitCode === 0 && !session.ending ? await vpnSplitFinding(session.vpn) : null;
      // Every run is audited, also one cut short by the session's end (its exit says how it was stopped).
      await auditPreConnectRun(this.backend, session, {
        environmentId: input.environmentId,
        commandSha256: session.vpn?.approvalSha256 ?? commandSha256(preConnect),
        exit,
        durationMs,
        ...(split === null ? {} : { vpn: split }),
      });
      if (session.ending) return;
      if (exit.exitCode !== 0) {
        throw exit.signal
          ? keyedError('PRECONNECT_FAILED', 'sessions.preConnectSignalled', { signal: exit.signal })
          : keyedError('PRECONNECT_FAILED', 'sessions.preConnectExited', { exitCode: exitCodeOf(exit) });
      }
      await this.setState(session, 'connecting');
      if (session.ending) return;
    }
    if (input.kind === 'local') {
      // Loaded by open(): no await here, so the shell is attached before open returns.
      const { spawnPty } = ptyLoaded ?? (await ptyModule());
      if (session.ending) return;
      this.attachShell(session, spawnPty({ file: this.options.shell, ...session.terminalSize }));
    } else if (input.kind === 'rdp') {
      // The RDP client's console is the session's terminal; the client's end is the session's end.
      const { connectRdp } = await import('./rdp/rdpSession.node.ts');
      const { spawnPty } = await ptyModule();
      const client = await connectRdp({
        backend: this.backend,
        sessionId: session.id,
        input,
        questions: session.questions,
        reads: session.reads,
        spawnPty,
        size: session.terminalSize,
        options: this.options.rdp,
        stillWanted: () => !session.ending,
      });
      if (!client) return;
      if (session.ending) return client.close();
      this.attachShell(session, client);
    } else if (session.toolLaunch !== null) {
      const launch = session.toolLaunch;
      const { spawnPty } = await ptyModule();
      if (session.ending) return;
      const started = performance.now();
      // The tool's output shows (and is recorded) in the session's terminal; its end ends the session, unless it
      // handed off at once: then the session goes on until the person clicks Done.
      this.attach(
        session,
        spawnPty({ file: launch.file, args: launch.args, ...session.terminalSize }),
        (exit) => {
          session.stream = null;
          const durationMs = Math.round(performance.now() - started);
          const handed = !session.ending && handedOff(exit, durationMs, this.options.toolHandoffMs);
          void auditToolRun(this.backend, session, {
            environmentId: input.environmentId,
            launch,
            exit,
            durationMs,
            handedOff: handed,
          })
            .catch((error: unknown) => console.error('lotsen: a tool run was not audited:', reasonOf(error)))
            .then(async () => {
              if (session.ending) return;
              if (!handed) return this.endUnawaited(session, toolOutcome(exit));
              session.toolHandedOffAt = this.backend.registryContext().now();
              await this.changed(session.id, session);
            })
            .catch((error: unknown) =>
              console.error('lotsen: a tool session did not update:', reasonOf(error)),
            );
        },
      );
    } else {
      const { connectSessionSsh } = await import('./sessionSsh.node.ts');
      if (session.ending) return;
      const connection = await connectSessionSsh(
        this.backend,
        session.id,
        input,
        session.questions,
        this.options,
        session.reads,
      );
      if (session.ending) return connection.close();
      session.connection = connection;
      connection.onClose((reason) => {
        if (reason === 'dropped') this.endUnawaited(session, dropped(session.title));
      });
      const requested = session.terminalSize;
      const shell = await connection.openShell({ ...requested, term: 'xterm-256color' });
      this.attachShell(session, streamSource(shell, { coalesceOutput: true }));
      // A resize while the channel was being opened reached no terminal.
      const { cols, rows } = session.terminalSize;
      if (session.terminalSize !== requested) session.stream?.resize(cols, rows);
    }
    await this.startTime(session);
    if (session.ending) return;
    // From here its end is audited too. Both are decided in this same step, and the audit log appends in the order
    // it is asked, so an end that comes now is logged after the opening, and one that came before logs neither.
    session.endAudited = true;
    await auditOpened(this.backend, session);
    await this.setState(session, 'open');
  }

  /** Starts the ticket's time unless the session has begun ending; `finish` waits for a start under way. */
  private startTime(session: LiveSession): Promise<void> {
    if (session.ending) return Promise.resolve();
    session.timeEntryStart ??= startTimeEntry(this.backend, session);
    return session.timeEntryStart;
  }

  /** Makes `source` the session's terminal: output goes to the client and the recording. */
  private attach(session: LiveSession, source: TerminalSource, onExit: (info: TerminalExit) => void): void {
    session.stream = connectTerminal(
      source,
      {
        output: (data) => this.backend.emit('terminal.output', { sessionId: session.id, data }),
        exit: onExit,
      },
      { recording: session.recorder },
    );
  }

  /** The shell's end ends the session. */
  private attachShell(session: LiveSession, source: TerminalSource): void {
    this.attach(session, source, (info) => {
      if (!session.ending) this.endUnawaited(session, exitOutcome(session, info));
    });
  }

  /**
   * Runs a program (the pre-connect command, the disconnect command) in the session's terminal and resolves when it
   * ends; after `timeoutMs`, when given, it is stopped (its exit then says by which signal).
   */
  private runToEnd(session: LiveSession, source: TerminalSource, timeoutMs?: number): Promise<TerminalExit> {
    return new Promise((resolve) => {
      const timer =
        timeoutMs === undefined ? undefined : setTimeout(() => session.stream?.close(), timeoutMs);
      this.attach(session, source, (info) => {
        clearTimeout(timer);
        session.stream = null;
        resolve(info);
      });
    });
  }

  private end(session: LiveSession, outcome: SessionOutcome): Promise<SessionView> {
    session.ending ??= this.finish(session, outcome);
    return session.ending;
  }

  /** For ends nobody waits on (a shell's exit, a dropped connection): a failure must not take the server down. */
  private endUnawaited(session: LiveSession, outcome: SessionOutcome): void {
    this.end(session, outcome).catch((error: unknown) =>
      console.error(`lotsen: session ${session.id} did not end cleanly:`, reasonOf(error)),
    );
  }

  private async finish(session: LiveSession, outcome: SessionOutcome): Promise<SessionView> {
    session.questions.close();
    const size = session.size.take();
    session.stream?.close();
    session.connection?.close();
    // An entry still being created would be made after the books closed, and left running; waiting for it before
    // taking the end's moment also keeps the entry from ending before it started.
    await session.timeEntryStart?.catch(() => undefined);
    // The VPN goes down after the session and before its end is taken: its time counts in the session's entry.
    await this.disconnectVpn(session);
    const endedAt = this.backend.registryContext().now();
    try {
      await session.recorder.finish();
    } catch {
      // The recorder already kept what it could; the session still ends and its time entry still closes.
      console.error('lotsen: a session recording lost a batch');
    }
    let booksClosed = true;
    try {
      await this.books.write(session.id, {
        kind: 'session-state',
        op: 'end',
        ticketId: session.ticketId,
        customerId: session.customerId,
        title: session.title,
        timeEntryId: session.timeEntryId,
        endAudited: session.endAudited,
        outcome,
        endedAt,
        size,
      });
    } catch (error) {
      booksClosed = false;
      console.error(`lotsen: the end of session ${session.id} was not fully recorded:`, reasonOf(error));
    } finally {
      // Its terminal is gone whatever the books say, so nothing may keep using it as live.
      this.live.delete(session.id);
      // A reconnect while the store cannot be asked opens at the size it ended with, as the store keeps it.
      const opened = this.openedWith.get(session.id);
      if (opened) this.openedWith.set(session.id, { ...opened, ...session.terminalSize });
    }
    // Whether the end reached the store depends on where closing failed (the audit head file is written after the
    // transaction has committed), so the store, not the error, says what the session is now; while its books wait
    // in the local queue, what it last said with the end put on it.
    const view = await this.changed(session.id, session, {
      state: outcome.state,
      closedAt: endedAt,
      endCode: outcome.code,
      endMessage: outcome.message,
      ...endDetailOf(outcome.details),
    });
    if (!booksClosed && liveSessionStates.includes(view.state)) {
      throw new LotsenError(
        'INTERNAL',
        'The session was stopped, but its end could not be written to the store, which lists it as live until Lotsen next starts.',
      );
    }
    return view;
  }

  /**
   * Runs the environment's disconnect command in the session's terminal (shown and recorded like the connect's),
   * once its connect command started; audited with its exit. A disconnect that fails or hangs does not keep the
   * session from ending: it is stopped after a while, and the audit says how it ended.
   */
  private async disconnectVpn(session: LiveSession): Promise<void> {
    const vpn = session.vpn;
    if (!vpn?.started || vpn.disconnectCommand === '') return;
    vpn.started = false;
    try {
      const { spawnPty } = await ptyModule();
      const started = performance.now();
      const exit = await this.runToEnd(
        session,
        spawnPty(preConnectProgram(vpn.disconnectCommand, session.terminalSize, null)),
        DISCONNECT_TIMEOUT_MS,
      );
      await auditVpnDisconnect(this.backend, session, {
        environmentId: vpn.environmentId,
        commandSha256: vpn.approvalSha256,
        exit,
        durationMs: Math.round(performance.now() - started),
      });
    } catch (error) {
      console.error(`lotsen: the VPN of session ${session.id} could not be disconnected:`, reasonOf(error));
    }
  }

  private async setState(session: LiveSession, state: 'preconnect' | 'connecting' | 'open'): Promise<void> {
    if (session.ending) return;
    await this.books.write(session.id, { kind: 'session-state', op: 'update', changes: { state } });
    await this.changed(session.id, session, { state });
  }

  /**
   * Tells every window what the session is now, as the store says. A live session whose team database is out of reach
   * (its books queued) is told from what the store last said of it with `known` put on it.
   */
  private async changed(
    id: string,
    live?: LiveSession,
    known: Partial<SessionView> = {},
  ): Promise<SessionView> {
    const read = live ? ++live.viewReads.asked : 0;
    let view: SessionView | null;
    try {
      view = await getSession(this.backend.registryContext().db, id);
    } catch (error) {
      if (!live || !isConnectionLoss(error)) throw error;
      view = null;
    }
    // Reads overlap (open's own with its establishing's first state) and a team database's pool may answer them out
    // of order: a view read before the one already shown is stale, so it neither replaces it nor goes to the windows.
    if (live && read < live.viewReads.shown) return this.withVerdict(live.lastView);
    // Not in the store (yet): its opening waits in the local queue, or is being written from it now.
    if (!view && live) view = { ...live.lastView, ...known };
    if (!view) throw keyedError('NOT_FOUND', 'sessions.noSuchSession');
    if (live) {
      live.lastView = view;
      live.viewReads.shown = read;
    }
    view = this.withVerdict(view);
    this.backend.emit('sessions.changed', view);
    return view;
  }

  /** The store's reads, remembered with the verdict, or (a session on a cached verdict) what the cache holds. */
  private readsFor(input: SessionOpenFields, verdictCachedAt: number | null): OpeningReads {
    const needs = this.verdicts.latest(input)?.needs ?? new OpeningNeeds();
    return verdictCachedAt === null
      ? storeOpeningReads(this.backend, input, needs)
      : cachedOpeningReads(needs, () => this.backend.registryContext().now());
  }

  /** What only a live session says: the cached verdict it started on, a tool that handed off, a VPN code it can type. */
  private withVerdict(view: SessionView): SessionView {
    const live = this.live.get(view.id);
    const cachedAt = live?.verdictCachedAt ?? null;
    const handedOffAt = live?.toolHandedOffAt ?? null;
    return {
      ...view,
      ...(cachedAt === null ? {} : { verdictCachedAt: cachedAt }),
      ...(handedOffAt === null ? {} : { toolHandedOffAt: handedOffAt }),
      ...(live?.vpn?.oneTimeCode ? { vpnOneTimeCode: true } : {}),
    };
  }

  private require(sessionId: string): LiveSession {
    const session = this.live.get(sessionId);
    if (!session) throw keyedError('NOT_FOUND', 'sessions.sessionNotOpen');
    return session;
  }
}

function stillLive(): LotsenError {
  return keyedError('CONFLICT', 'sessions.stillLive');
}

/** The variable a pre-connect command reads its environment's secret from (README, Pre-connect commands). */
export const PRE_CONNECT_SECRET_VARIABLE = 'LOTSEN_PRE_CONNECT_SECRET';

function preConnectProgram(command: string, size: { cols: number; rows: number }, secret: string | null) {
  const ownEnv: Record<string, string> = secret === null ? {} : { [PRE_CONNECT_SECRET_VARIABLE]: secret };
  return process.platform === 'win32'
    ? { file: process.env.COMSPEC || 'cmd.exe', args: ['/d', '/s', '/c', command], ownEnv, ...size }
    : { file: '/bin/sh', args: ['-c', command], ownEnv, ...size };
}

const managers = new WeakMap<Backend, SessionManager>();

/**
 * The one session manager of a backend: every dispatcher made for it (IPC, browser mode, a test's second window)
 * must see the same live sessions. Options count when the first is made.
 */
export function sessionManagerOf(backend: Backend, options: SessionManagerOptions = {}): SessionManager {
  let manager = managers.get(backend);
  if (!manager) managers.set(backend, (manager = new SessionManager(backend, options)));
  return manager;
}
