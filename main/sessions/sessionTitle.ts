import type { SessionOpenFields } from '../../common/sessions/model.ts';
import { hopTitle, type FindHopTarget } from './ssh/sshHops.ts';
import { defaultShell } from './terminal/defaultShell.ts';

/** What a session's tab shows: `user@host[:port]` of its SSH target, or the local shell's name. */
export async function sessionTitle(
  findTarget: FindHopTarget,
  input: Pick<SessionOpenFields, 'kind' | 'serverId' | 'accountId' | 'tool'>,
  shell: string | undefined,
): Promise<string> {
  if (input.kind === 'ssh') {
    return hopTitle(await findTarget({ serverId: input.serverId!, accountId: input.accountId! }));
  }
  if (input.kind === 'tool') return input.tool!;
  const program = shell ?? defaultShell();
  return `Local: ${program.split(/[\\/]/).pop() ?? program}`;
}
