import { keyedError } from '../../common/api/errors.ts';
import type { PreConnectCommandView } from '../../common/sessions/preConnect.ts';
import type { Backend } from '../app/backend.node.ts';
import { machineIdOf } from '../app/machineId.node.ts';
import type { Db } from '../store/database.node.ts';
import { isApprovedHere, recordApproval, textSha256 } from './approvals/machineApprovals.ts';

/*
 * The trust rule for pre-connect commands (approvals/machineApprovals.ts): a command runs only after a person approved
 * that exact text for that environment on this machine. The text itself is not a secret, but it is never written to a
 * log.
 */

/** Lower-case hex SHA-256 of the command's UTF-8 text. */
export const commandSha256 = textSha256;

/** What would run: the stored text without surrounding space (the registry stores it trimmed already). */
function runnable(stored: string): string {
  return stored.trim();
}

/** An environment's commands as they are approved and run: connect before the session, disconnect after it. */
export interface PreConnectCommands {
  id: string;
  preConnectCommand: string;
  disconnectCommand: string;
}

/**
 * What an approval covers: the connect command alone (as before disconnect commands existed, so those approvals
 * stand), or both commands, so a changed disconnect command is a pair nobody approved either.
 */
export function approvalSha256(connect: string, disconnect: string): string {
  const [up, down] = [runnable(connect), runnable(disconnect)];
  return commandSha256(down === '' ? up : `${up}\n\u0000disconnect\u0000\n${down}`);
}

function isApproved(db: Db, environmentId: string, sha256: string, machineId: string): Promise<boolean> {
  return isApprovedHere(db, { table: 'pre_connect_approvals', environmentId }, sha256, machineId);
}

async function viewOf(
  db: Db,
  environment: { id: string; pre_connect_command: string; disconnect_command: string },
  machineId: string,
): Promise<PreConnectCommandView> {
  const command = runnable(environment.pre_connect_command);
  const sha256 = approvalSha256(command, environment.disconnect_command);
  return {
    environmentId: environment.id,
    command,
    disconnectCommand: runnable(environment.disconnect_command),
    commandSha256: sha256,
    approved: command !== '' && (await isApproved(db, environment.id, sha256, machineId)),
  };
}

/** The pre-connect command of each of a customer's environments that has one, and whether it may run here. */
export async function listPreConnectCommands(
  backend: Backend,
  customerId: string,
): Promise<PreConnectCommandView[]> {
  const { db } = backend.registryContext();
  const machineId = await machineIdOf(backend.dataDir);
  const environments = await db
    .selectFrom('environments')
    .select(['id', 'pre_connect_command', 'disconnect_command'])
    .where('customer_id', '=', customerId)
    .where('pre_connect_command', '!=', '')
    .orderBy('name')
    .execute();
  return Promise.all(environments.map((environment) => viewOf(db, environment, machineId)));
}

/**
 * Approves the command the person was shown for running on this machine, audited with its SHA-256 (never its text).
 * Refused when the environment's command is no longer that text: what was read is not what would run. An approval
 * replaces this machine's earlier one for the environment, so a command changed back later needs approving again.
 */
export async function approvePreConnectCommand(
  backend: Backend,
  input: { environmentId: string; command: string; disconnectCommand?: string | undefined },
): Promise<PreConnectCommandView> {
  const ctx = backend.registryContext();
  const machineId = await machineIdOf(backend.dataDir);
  const disconnectCommand = input.disconnectCommand ?? '';
  const sha256 = approvalSha256(input.command, disconnectCommand);
  await backend.audit().appendWith(
    async (trx) => {
      const environment = await trx
        .selectFrom('environments')
        .select(['id', 'pre_connect_command', 'disconnect_command'])
        .where('id', '=', input.environmentId)
        .executeTakeFirst();
      if (!environment) throw keyedError('NOT_FOUND', 'sessions.noSuchEnvironment');
      if (
        runnable(environment.pre_connect_command) !== input.command ||
        runnable(environment.disconnect_command) !== disconnectCommand
      ) {
        throw keyedError(
          'CONFLICT',
          'sessions.preConnectApprovalStale',
          {},
          { environmentId: environment.id },
        );
      }
      await recordApproval(trx, { table: 'pre_connect_approvals', environmentId: environment.id }, sha256, {
        machineId,
        at: ctx.now(),
        actorId: ctx.actorId,
      });
    },
    () => ({
      event: 'preconnect.approved',
      subject: { type: 'environment', id: input.environmentId },
      details: { commandSha256: sha256, machineId },
    }),
  );
  return {
    environmentId: input.environmentId,
    command: input.command,
    disconnectCommand,
    commandSha256: sha256,
    approved: true,
  };
}

/**
 * The gate's part: a session that is to run the environment's pre-connect command passes only when that exact text
 * is approved on this machine. The refusal carries the text, so the person can read it in full and approve it.
 */
export async function assertPreConnectApproved(
  backend: Backend,
  environment: PreConnectCommands,
): Promise<void> {
  const command = runnable(environment.preConnectCommand);
  if (command === '') return;
  const { db } = backend.registryContext();
  const disconnectCommand = runnable(environment.disconnectCommand);
  const sha256 = approvalSha256(command, disconnectCommand);
  if (await isApproved(db, environment.id, sha256, await machineIdOf(backend.dataDir))) return;
  throw keyedError(
    'COMMAND_NOT_APPROVED',
    'sessions.preConnectNotApproved',
    {},
    { environmentId: environment.id, command, disconnectCommand, commandSha256: sha256 },
  );
}
