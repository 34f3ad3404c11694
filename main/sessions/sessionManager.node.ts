import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { LotsenError } from '../../common/api/errors.ts';
import type { Reason } from '../../common/agreements/verdict.ts';
import type { SessionOpenFields, SessionPrompt, SessionView } from '../../common/sessions/model.ts';
import { checkEligibility } from '../agreements/eligibilityService.ts';
import type { Backend } from '../app/backend.node.ts';
import type { RegistryContext } from '../registry/registryContext.ts';
import { insertEntry } from '../time/timeEntryRepository.ts';
import { startRecording, type Recorder } from './recording/recorder.ts';
import {
  endInterruptedSessions,
  getSession,
  insertSession,
  listSessions,
  updateSession,
} from './sessionRepository.ts';
import { knownHostsPolicy } from './ssh/knownHosts.ts';
import { connectSsh, type SshConnection } from './ssh/sshConnection.node.ts';
import { resolveHops, type HopQuestions } from './ssh/sshHops.ts';
import { defaultShell, spawnPty } from './terminal/ptySource.node.ts';
import { streamSource } from './terminal/streamSource.ts';
import type { TerminalExit, TerminalSource } from './terminal/terminalSource.ts';
import { connectTerminal, type TerminalStream } from './terminal/terminalStream.ts';

export interface SessionManagerOptions {
  /** The local shell; the user's login shell by default. */
  shell?: string;
  /** The SSH agent for agent authentication; SSH_AUTH_SOCK of the Lotsen process by default. */
  agentSocket?: string;
  keepaliveIntervalMs?: number;
  keepaliveCountMax?: number;
  connectTimeoutMs?: number;
  /** How long a question (host key, password prompt) may wait for the person before the session gives up. */
  promptTimeoutMs?: number;
}

interface Outcome {
  state: 'closed' | 'disconnected' | 'failed';
  code: string | null;
  message: string | null;
  /** Kept with the session when the person can act on it (a changed host key). */
  details?: Record<string, unknown>;
}

interface PendingPrompt {
  prompt: SessionPrompt;
  resolve(answer: { accept: boolean; answers: string[] }): void;
  reject(error: Error): void;
}

interface LiveSession {
  readonly id: string;
  readonly ticketId: string;
  readonly customerId: string;
  readonly kind: SessionOpenFields['kind'];
  readonly title: string;
  readonly recorder: Recorder;
  /** The terminal now in use: the pre-connect command's, then the SSH shell's. */
  stream: TerminalStream | null;
  connection: SshConnection | null;
  timeEntryId: string | null;
  opened: boolean;
  readonly prompts: Map<string, PendingPrompt>;
  ending: Promise<SessionView> | null;
}

const DEFAULT_PROMPT_TIMEOUT_MS = 10 * 60_000;

/** This process, as a session's owner. */
const SELF = `${hostname()}#${process.pid}`;

/**
 * Whether the process that owns a session still runs. A session from another machine (a store on a shared drive)
 * counts as alive: only its own machine can tell.
 */
function ownerAlive(owner: string): boolean {
  if (owner === SELF) return true;
  const at = owner.lastIndexOf('#');
  if (owner.slice(0, at) !== hostname()) return true;
  try {
    process.kill(Number(owner.slice(at + 1)), 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Owns the live terminal and SSH sessions: opens them for a ticket behind the eligibility gate, asks the person
 * about host keys and prompts, records their output, keeps their time entry and writes their audit events. A
 * session's row in the store is its history; this object holds only what a live session needs at runtime.
 */
export class SessionManager {
  private readonly live = new Map<string, LiveSession>();

  constructor(
    private readonly backend: Backend,
    private readonly options: SessionManagerOptions = {},
  ) {
    backend.afterUnlock(() => this.endInterrupted());
    backend.beforeLock(() => this.endAll('Lotsen was locked, which ends every session.'));
    if (backend.status().state === 'unlocked') {
      void this.endInterrupted().catch(() => console.error('lotsen: could not end interrupted sessions'));
    }
  }

  /** Sessions a crash left "live" in the store end now (at unlock, or at start when the store is already open). */
  private async endInterrupted(): Promise<void> {
    await endInterruptedSessions(this.backend.registryContext().db, (owner) => !ownerAlive(owner));
  }

  list(filter: { live: boolean; ticketId?: string }): Promise<SessionView[]> {
    return listSessions(this.backend.registryContext().db, filter);
  }

  /** Checks and records everything, then answers with the session in `connecting`; the rest follows as events. */
  async open(input: SessionOpenFields): Promise<SessionView> {
    const ctx = this.backend.registryContext();
    const ticket = await ctx.db
      .selectFrom('tickets')
      .select(['id', 'customer_id', 'external_ref', 'subject', 'service_id', 'requester_email'])
      .where('id', '=', input.ticketId)
      .executeTakeFirst();
    if (!ticket) throw new LotsenError('NOT_FOUND', 'No such ticket; it may have been deleted.');
    const environment = await ctx.db
      .selectFrom('environments')
      .select(['id', 'customer_id', 'name', 'pre_connect_command'])
      .where('id', '=', input.environmentId)
      .executeTakeFirst();
    if (!environment || environment.customer_id !== ticket.customer_id) {
      throw new LotsenError('NOT_FOUND', "No such environment for this ticket's customer.");
    }

    const verdict = await checkEligibility(ctx.db, ticket.customer_id, {
      at: ctx.now(),
      environmentId: environment.id,
      serviceId: ticket.service_id,
      requesterEmail: ticket.requester_email || null,
    });
    if (verdict.blockers.length > 0 && input.overrideReason === null) {
      throw new LotsenError(
        'NOT_ELIGIBLE',
        `This customer may not be helped now: ${verdict.blockers.map((b) => b.message).join(' ')} ` +
          'A support lead may override with a written reason, which is audited.',
        { blockers: verdict.blockers, warnings: verdict.warnings },
      );
    }

    const title = input.kind === 'ssh' ? await sshTitle(ctx, input) : localTitle(this.options.shell);
    const id = randomUUID();
    if (verdict.blockers.length > 0) {
      await this.backend.audit().append({
        event: 'eligibility.overridden',
        subject: { type: 'session', id },
        details: {
          ticketId: ticket.id,
          customerId: ticket.customer_id,
          blockers: verdict.blockers.map((b) => b.code),
          reason: input.overrideReason,
        },
      });
    }

    const recorder = await startRecording(ctx.db, {
      width: input.cols,
      height: input.rows,
      env: { TERM: 'xterm-256color' },
    });
    await insertSession(ctx.db, {
      id,
      kind: input.kind,
      title,
      ticket_id: ticket.id,
      environment_id: environment.id,
      server_id: input.serverId,
      account_id: input.accountId,
      technician_id: ctx.actorId,
      owner: SELF,
      state: 'connecting',
      opened_at: ctx.now(),
      closed_at: null,
      end_code: null,
      end_message: null,
      end_details: null,
      override_reason: verdict.blockers.length > 0 ? input.overrideReason : null,
      warnings: JSON.stringify([...verdict.blockers, ...verdict.warnings] satisfies Reason[]),
      recording_id: recorder.id,
      time_entry_id: null,
      cols: input.cols,
      rows: input.rows,
    });
    const session: LiveSession = {
      id,
      ticketId: ticket.id,
      customerId: ticket.customer_id,
      kind: input.kind,
      title,
      recorder,
      stream: null,
      connection: null,
      timeEntryId: null,
      opened: false,
      prompts: new Map(),
      ending: null,
    };
    this.live.set(id, session);

    const preConnect = input.runPreConnect ? environment.pre_connect_command.trim() : '';
    void this.establish(session, input, preConnect).catch((error: unknown) =>
      this.end(session, {
        state: 'failed',
        code: error instanceof LotsenError ? error.code : 'INTERNAL',
        message:
          error instanceof LotsenError
            ? error.message
            : 'The session could not be opened for an internal reason.',
        ...(error instanceof LotsenError && error.code === 'HOST_KEY_MISMATCH'
          ? { details: error.details }
          : {}),
      }),
    );
    return this.changed(id);
  }

  answerPrompt(input: { sessionId: string; promptId: string; accept: boolean; answers: string[] }): void {
    const pending = this.require(input.sessionId).prompts.get(input.promptId);
    if (!pending) throw new LotsenError('NOT_FOUND', 'That question was already answered or has expired.');
    pending.resolve({ accept: input.accept, answers: input.answers });
  }

  input(sessionId: string, data: string): void {
    const session = this.require(sessionId);
    if (!session.stream) throw new LotsenError('CONFLICT', 'The session is not connected yet.');
    session.stream.input(data);
    session.recorder.input(data);
  }

  async resize(sessionId: string, cols: number, rows: number): Promise<void> {
    const session = this.require(sessionId);
    session.stream?.resize(cols, rows);
    session.recorder.resize(cols, rows);
    await updateSession(this.backend.registryContext().db, sessionId, { cols, rows });
  }

  ack(sessionId: string, bytes: number): void {
    // Acks may race the end of a session: they are harmless then and not an error.
    this.live.get(sessionId)?.stream?.ack(bytes);
  }

  async close(sessionId: string): Promise<SessionView> {
    const session = this.live.get(sessionId);
    if (!session) {
      const stored = await getSession(this.backend.registryContext().db, sessionId);
      if (!stored) throw new LotsenError('NOT_FOUND', 'No such session.');
      return stored;
    }
    return this.end(session, { state: 'closed', code: null, message: null });
  }

  /** Ends every live session as disconnected (lock, shutdown), each closing its time entry and recording. */
  async endAll(message: string): Promise<void> {
    await Promise.all(
      [...this.live.values()].map((session) =>
        this.end(session, { state: 'disconnected', code: 'SSH_DISCONNECTED', message }),
      ),
    );
  }

  private async establish(session: LiveSession, input: SessionOpenFields, preConnect: string): Promise<void> {
    if (preConnect !== '') {
      await this.setState(session, 'preconnect');
      await this.startTime(session);
      const exit = await this.runToEnd(session, spawnPty(preConnectProgram(preConnect, input)));
      if (session.ending) return;
      if (exit.exitCode !== 0) {
        throw new LotsenError(
          'PRECONNECT_FAILED',
          `The pre-connect command ended with ${exit.signal ? `signal ${exit.signal}` : `exit code ${String(exit.exitCode)}`}; the session was not connected.`,
        );
      }
      await this.setState(session, 'connecting');
    }
    if (input.kind === 'local') {
      this.attachShell(session, spawnPty({ file: this.options.shell, cols: input.cols, rows: input.rows }));
    } else {
      const connection = await this.connect(session, input);
      if (session.ending) return connection.close();
      session.connection = connection;
      connection.onClose((reason) => {
        if (reason === 'dropped') void this.end(session, dropped(session.title));
      });
      const shell = await connection.openShell({
        cols: input.cols,
        rows: input.rows,
        term: 'xterm-256color',
      });
      this.attachShell(session, streamSource(shell));
    }
    session.opened = true;
    await this.startTime(session);
    await this.setState(session, 'open');
    await this.backend.audit().append({
      event: 'session.opened',
      subject: { type: 'session', id: session.id },
      details: {
        kind: session.kind,
        title: session.title,
        ticketId: session.ticketId,
        customerId: session.customerId,
      },
    });
  }

  private async connect(session: LiveSession, input: SessionOpenFields): Promise<SshConnection> {
    const ctx = this.backend.registryContext();
    const questions: HopQuestions = {
      keyboard: async (host, prompts, name, instructions) => {
        const answer = await this.ask(session, (promptId) => ({
          kind: 'keyboard',
          sessionId: session.id,
          promptId,
          host,
          name,
          instructions,
          prompts,
        }));
        if (!answer.accept)
          throw new LotsenError('SSH_AUTH_FAILED', 'The login was cancelled at the prompt.');
        return answer.answers;
      },
      keyPassphrase: async (host, username) => {
        const answer = await this.ask(session, (promptId) => ({
          kind: 'keyboard',
          sessionId: session.id,
          promptId,
          host,
          name: 'Private key',
          instructions: `The key stored for ${username}@${host} is encrypted.`,
          prompts: [{ prompt: 'Passphrase for the key: ', echo: false }],
        }));
        if (!answer.accept || answer.answers[0] === undefined) {
          throw new LotsenError('SSH_AUTH_FAILED', 'The key passphrase was not given.');
        }
        return answer.answers[0];
      },
    };
    const hops = await resolveHops(
      ctx.db,
      input.environmentId,
      [...input.jump, { serverId: input.serverId!, accountId: input.accountId!, auth: input.auth }],
      questions,
      this.options.agentSocket ?? process.env.SSH_AUTH_SOCK,
    );
    const verifyHostKey = knownHostsPolicy(ctx, async (endpoint, keyType, fingerprint) => {
      const answer = await this.ask(session, (promptId) => ({
        kind: 'hostKey',
        sessionId: session.id,
        promptId,
        host: endpoint.host,
        port: endpoint.port,
        keyType,
        fingerprint,
      }));
      if (answer.accept) {
        await this.backend.audit().append({
          event: 'hostkey.trusted',
          subject: { type: 'host', id: `${endpoint.host}:${endpoint.port}` },
          details: { keyType, fingerprint, sessionId: session.id },
        });
      }
      return answer.accept;
    });
    return connectSsh({
      hops,
      verifyHostKey,
      keepaliveIntervalMs: this.options.keepaliveIntervalMs,
      keepaliveCountMax: this.options.keepaliveCountMax,
      connectTimeoutMs: this.options.connectTimeoutMs,
    });
  }

  /** Sends a question to the UI and waits for its answer (or for the session to end, or the person to walk away). */
  private ask(
    session: LiveSession,
    build: (promptId: string) => SessionPrompt,
  ): Promise<{ accept: boolean; answers: string[] }> {
    if (session.ending) return Promise.reject(new LotsenError('SSH_DISCONNECTED', 'The session has ended.'));
    const prompt = build(randomUUID());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        session.prompts.delete(prompt.promptId);
        reject(
          new LotsenError('SSH_UNREACHABLE', 'Nobody answered the question in time; the session gave up.'),
        );
      }, this.options.promptTimeoutMs ?? DEFAULT_PROMPT_TIMEOUT_MS);
      timer.unref?.();
      const settle = () => {
        clearTimeout(timer);
        session.prompts.delete(prompt.promptId);
      };
      session.prompts.set(prompt.promptId, {
        prompt,
        resolve: (answer) => {
          settle();
          resolve(answer);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      });
      this.backend.emit('sessions.prompt', prompt);
    });
  }

  /** Makes `source` the session's terminal: output goes to the client and the recording. */
  private attach(session: LiveSession, source: TerminalSource, onExit: (info: TerminalExit) => void): void {
    session.stream = connectTerminal(
      source,
      {
        output: (data) => this.backend.emit('terminal.output', { sessionId: session.id, data }),
        exit: onExit,
      },
      { record: (bytes) => session.recorder.output(bytes) },
    );
  }

  /** The shell's end ends the session. */
  private attachShell(session: LiveSession, source: TerminalSource): void {
    this.attach(session, source, (info) => {
      if (!session.ending) void this.end(session, this.exitOutcome(session, info));
    });
  }

  /** Runs a program (the pre-connect command) in the session's terminal and resolves when it ends. */
  private runToEnd(session: LiveSession, source: TerminalSource): Promise<TerminalExit> {
    return new Promise((resolve) => {
      this.attach(session, source, (info) => {
        session.stream = null;
        resolve(info);
      });
    });
  }

  private exitOutcome(session: LiveSession, info: TerminalExit): Outcome {
    // A shell that ends sends its exit status; a channel that closes without one went down with its connection.
    if (session.kind === 'ssh' && info.exitCode === null && info.signal === null)
      return dropped(session.title);
    const how = info.signal ? `signal ${info.signal}` : `exit code ${String(info.exitCode)}`;
    return { state: 'closed', code: null, message: `The shell ended (${how}).` };
  }

  private async startTime(session: LiveSession): Promise<void> {
    if (session.timeEntryId !== null) return;
    const ctx = this.backend.registryContext();
    session.timeEntryId = await insertEntry(ctx.db, ctx, {
      ticketId: session.ticketId,
      startedAt: ctx.now(),
      endedAt: null,
      source: 'session',
      sessionId: session.id,
      note: session.title,
    });
    await updateSession(ctx.db, session.id, { time_entry_id: session.timeEntryId });
    this.backend.emit('tickets.changed', { ticketId: session.ticketId, customerId: session.customerId });
  }

  private end(session: LiveSession, outcome: Outcome): Promise<SessionView> {
    session.ending ??= this.finish(session, outcome);
    return session.ending;
  }

  private async finish(session: LiveSession, outcome: Outcome): Promise<SessionView> {
    for (const pending of session.prompts.values()) {
      pending.reject(new LotsenError('SSH_DISCONNECTED', 'The session ended while waiting for an answer.'));
    }
    session.stream?.close();
    session.connection?.close();
    const ctx = this.backend.registryContext();
    const endedAt = ctx.now();
    try {
      await session.recorder.finish();
    } catch {
      // The recorder already kept what it could; the session still ends and its time entry still closes.
      console.error('lotsen: a session recording lost a batch');
    }
    await ctx.db.transaction().execute(async (trx) => {
      if (session.timeEntryId !== null) {
        await trx
          .updateTable('time_entries')
          .set({ ended_at: endedAt, updated_at: endedAt, updated_by: ctx.actorId })
          .where('id', '=', session.timeEntryId)
          .where('ended_at', 'is', null)
          .execute();
      }
      await updateSession(trx, session.id, {
        state: outcome.state,
        closed_at: endedAt,
        end_code: outcome.code,
        end_message: outcome.message,
        end_details: outcome.details ? JSON.stringify(outcome.details) : null,
      });
    });
    if (session.opened) {
      await this.backend.audit().append({
        event: outcome.state === 'closed' ? 'session.closed' : 'session.disconnected',
        subject: { type: 'session', id: session.id },
        details: {
          ticketId: session.ticketId,
          title: session.title,
          ...(outcome.code ? { code: outcome.code } : {}),
          ...(outcome.message ? { message: outcome.message } : {}),
        },
      });
    }
    this.live.delete(session.id);
    if (session.timeEntryId !== null) {
      this.backend.emit('tickets.changed', { ticketId: session.ticketId, customerId: session.customerId });
    }
    return this.changed(session.id);
  }

  private async setState(session: LiveSession, state: 'preconnect' | 'connecting' | 'open'): Promise<void> {
    if (session.ending) return;
    await updateSession(this.backend.registryContext().db, session.id, { state });
    await this.changed(session.id);
  }

  private async changed(id: string): Promise<SessionView> {
    const view = await getSession(this.backend.registryContext().db, id);
    if (!view) throw new LotsenError('NOT_FOUND', 'No such session.');
    this.backend.emit('sessions.changed', view);
    return view;
  }

  private require(sessionId: string): LiveSession {
    const session = this.live.get(sessionId);
    if (!session) throw new LotsenError('NOT_FOUND', 'That session is not open (it may have ended).');
    return session;
  }
}

function dropped(title: string): Outcome {
  return {
    state: 'disconnected',
    code: 'SSH_DISCONNECTED',
    message: `The connection to ${title} dropped (the server, the network or the VPN went away). Reconnect to go on.`,
  };
}

async function sshTitle(ctx: RegistryContext, input: SessionOpenFields): Promise<string> {
  const server = await ctx.db
    .selectFrom('servers')
    .select(['host', 'port'])
    .where('id', '=', input.serverId!)
    .where('environment_id', '=', input.environmentId)
    .executeTakeFirst();
  const account = await ctx.db
    .selectFrom('support_accounts')
    .select('username')
    .where('id', '=', input.accountId!)
    .where('environment_id', '=', input.environmentId)
    .executeTakeFirst();
  if (!server) throw new LotsenError('NOT_FOUND', 'No such server in this environment.');
  if (!account) throw new LotsenError('NOT_FOUND', 'No such support account in this environment.');
  return `${account.username}@${server.host}${server.port === 22 ? '' : `:${server.port}`}`;
}

function localTitle(shell: string | undefined): string {
  const program = shell ?? defaultShell();
  return `Local: ${program.split(/[\\/]/).pop() ?? program}`;
}

function preConnectProgram(command: string, size: { cols: number; rows: number }) {
  return process.platform === 'win32'
    ? { file: process.env.COMSPEC || 'cmd.exe', args: ['/d', '/s', '/c', command], ...size }
    : { file: '/bin/sh', args: ['-c', command], ...size };
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
