import { keyedError } from '../../../common/api/errors.ts';
import type { SessionOpenFields } from '../../../common/sessions/model.ts';
import { TOOL_HANDOFF_MS } from '../../../common/sessions/tools.ts';
import type { TerminalExit } from '../terminal/terminalSource.ts';
import type { Backend } from '../../app/backend.node.ts';
import { personalDetail } from '../../audit/auditDetails.ts';
import { booksOf } from '../../team/outbox/sessionBooks.ts';
import { approvedTemplate } from './toolApprovals.ts';
import { findProgram, launchArguments, type ToolValues } from './toolLaunch.ts';

/** What an external-tool session runs, decided before the session exists (so a refusal leaves nothing behind). */
export interface ToolLaunch {
  tool: string;
  templateSha256: string;
  /** The program as found on PATH, and its arguments with the placeholders filled in. */
  file: string;
  args: string[];
}

/**
 * The launch of an external-tool session: the environment's template for the tool, approved on this machine, filled
 * in from the registry (the chosen server's host and port, the chosen account's user name, the environment's
 * TeamViewer id), and its program found. Refused (TOOL_NOT_APPROVED, TOOL_FAILED) before anything is stored.
 */
export async function prepareToolLaunch(
  backend: Backend,
  input: Pick<SessionOpenFields, 'environmentId' | 'serverId' | 'accountId' | 'tool'>,
): Promise<ToolLaunch> {
  const tool = input.tool!;
  const { template, templateSha256 } = await approvedTemplate(backend, input.environmentId, tool);
  const { db } = backend.registryContext();
  const environment = await db
    .selectFrom('environments')
    .select('teamviewer_id')
    .where('id', '=', input.environmentId)
    .executeTakeFirstOrThrow();
  const values: ToolValues = { teamviewerId: environment.teamviewer_id.replace(/\s/g, '') };
  if (input.serverId !== null) {
    const server = await db
      .selectFrom('servers')
      .select(['host', 'port'])
      .where('id', '=', input.serverId)
      .where('environment_id', '=', input.environmentId)
      .executeTakeFirst();
    if (!server) throw keyedError('NOT_FOUND', 'sessions.noSuchServer');
    values.host = server.host;
    values.port = String(server.port);
  }
  if (input.accountId !== null) {
    const account = await db
      .selectFrom('support_accounts')
      .select('username')
      .where('id', '=', input.accountId)
      .where('environment_id', '=', input.environmentId)
      .executeTakeFirst();
    if (!account) throw keyedError('NOT_FOUND', 'sessions.noSuchAccount');
    values.username = account.username;
  }
  const { file, args } = launchArguments(template, values);
  const found = findProgram(file);
  if (found === null) {
    throw keyedError('TOOL_FAILED', 'sessions.toolNotFound', { program: file, tool }, { program: file });
  }
  return { tool, templateSha256, file: found, args };
}

/**
 * Whether a tool's exit means it handed off: it ended successfully within TOOL_HANDOFF_MS of its launch, as
 * TeamViewer's launcher does when it passes the connection to the running TeamViewer.
 */
export function handedOff(exit: TerminalExit, ranMs: number, limitMs = TOOL_HANDOFF_MS): boolean {
  return exit.exitCode === 0 && exit.signal === null && ranMs <= limitMs;
}

/** Every tool's end is audited: how it ended, how long it ran, and whether it handed off. */
export async function auditToolRun(
  backend: Backend,
  session: { id: string; ticketId: string },
  run: {
    environmentId: string;
    launch: ToolLaunch;
    exit: TerminalExit;
    durationMs: number;
    handedOff: boolean;
  },
): Promise<void> {
  await booksOf(backend).audit(session.id, {
    event: 'tool.ran',
    subject: { type: 'session', id: session.id },
    details: {
      ticketId: session.ticketId,
      environmentId: run.environmentId,
      tool: personalDetail(run.launch.tool, session.ticketId),
      templateSha256: run.launch.templateSha256,
      exitCode: run.exit.exitCode,
      signal: run.exit.signal,
      handedOff: run.handedOff,
      durationMs: run.durationMs,
    },
  });
}
