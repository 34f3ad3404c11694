import type { MethodInput } from '../../common/api/contract.ts';
import type { SessionPrompt, SessionView } from '../../common/sessions/model.ts';
import type { ApiClient } from '../api/client.ts';
import { createTerminalChannel } from './terminalChannel.ts';

export function createSessionsService(api: ApiClient) {
  return {
    open: (input: MethodInput<'sessions.open'>) => api.call('sessions.open', input),
    /** A written reason passes eligibility blockers (audited); without one, a blocked customer is NOT_ELIGIBLE. */
    reconnect: (sessionId: string, overrideReason: string | null = null, runPreConnect?: boolean) =>
      api.call('sessions.reconnect', {
        sessionId,
        overrideReason,
        ...(runPreConnect === undefined ? {} : { runPreConnect }),
      }),
    listLive: () => api.call('sessions.list', { live: true }),
    close: (sessionId: string) => api.call('sessions.close', { sessionId }),
    answerPrompt: (input: MethodInput<'sessions.answerPrompt'>) => api.call('sessions.answerPrompt', input),
    replaceHostKey: (input: MethodInput<'sessions.replaceHostKey'>) =>
      api.call('sessions.replaceHostKey', input),
    /** What the open-session dialog shows before connecting. */
    check: (input: MethodInput<'eligibility.check'>) => api.call('eligibility.check', input),
    openTickets: () => api.call('tickets.list', { openOnly: true }),
    createTicket: (input: MethodInput<'tickets.save'>) => api.call('tickets.save', input),
    /** A customer's pre-connect commands and whether each may run on this machine. */
    preConnectCommands: (customerId: string) => api.call('sessions.preConnectCommands', { customerId }),
    /** Approves the exact text shown, for this machine (audited); CONFLICT when the command changed meanwhile. */
    approvePreConnect: (environmentId: string, command: string, disconnectCommand = '') =>
      api.call('sessions.approvePreConnect', { environmentId, command, disconnectCommand }),
    /** A VPN profile's commands as they would run on this machine (common/sessions/vpn.ts). */
    vpnProfile: (input: MethodInput<'sessions.vpnProfile'>) => api.call('sessions.vpnProfile', input),
    fillVpnOneTimeCode: (sessionId: string) => api.call('sessions.fillVpnOneTimeCode', { sessionId }),
    /** A customer's external tools' launch templates and whether each may run on this machine. */
    tools: (customerId: string) => api.call('tools.list', { customerId }),
    /** Approves the exact template shown, for this machine (audited); CONFLICT when it changed meanwhile. */
    approveTool: (input: MethodInput<'tools.approve'>) => api.call('tools.approve', input),
    /** Every customer's tools that launch without a server, for the command palette. */
    toolIndex: () => api.call('tools.index', {}),
    recordings: () => api.call('recordings.list', {}),
    readRecording: (recordingId: string, fromSeq: number) =>
      api.call('recordings.read', { recordingId, fromSeq }),
    /** The recording as a .cast file in the answer, for a download; audited by main before it answers. */
    exportRecording: (recordingId: string) => api.call('recordings.export', { recordingId }),
    onChanged: (listener: (session: SessionView) => void) => api.subscribe('sessions.changed', listener),
    onPrompt: (listener: (prompt: SessionPrompt) => void) => api.subscribe('sessions.prompt', listener),
    terminal: createTerminalChannel(api),
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
