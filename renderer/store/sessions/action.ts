import { z } from 'zod';
import type { StateCreator } from 'zustand/vanilla';
import type { MethodInput } from '../../../common/api/contract.ts';
import { LotsenError } from '../../../common/api/errors.ts';
import {
  liveSessionStates,
  type RecordingDownload,
  type RecordingPage,
  type SessionOpenInput,
  type SessionPrompt,
  type SessionView,
} from '../../../common/sessions/model.ts';
import { reasonSchema, type Reason, type Verdict } from '../../../common/agreements/verdict.ts';
import {
  preConnectCommandViewSchema,
  type PreConnectCommandView,
} from '../../../common/sessions/preConnect.ts';
import type { TicketView } from '../../../common/tickets/model.ts';
import type { VpnProfileView } from '../../../common/sessions/vpn.ts';
import type { ToolView } from '../../../common/sessions/tools.ts';
import type { SessionsService } from '../../services/sessionsService.ts';
import { errorMessage } from '../errorMessage.ts';
import { initialSessionsState, type SessionsState } from './initialState.ts';

export interface SessionsActions {
  /** Opens a session and makes its tab active; rejects with the API's error (NOT_ELIGIBLE names the blockers). */
  open(input: SessionOpenInput): Promise<SessionView>;
  /**
   * Opens a new session the way an ended one was opened (main keeps how), in its tab's place. A customer blocked now
   * rejects with NOT_ELIGIBLE, and the tab keeps the blockers (`reconnectBlockers`) until a written
   * `overrideReason` (audited) gets past them. A pre-connect command not approved on this machine rejects with
   * COMMAND_NOT_APPROVED, and the tab keeps the command (`reconnectCommand`) to be read, approved or left out
   * (`runPreConnect` false).
   */
  reconnect(sessionId: string, overrideReason?: string | null, runPreConnect?: boolean): Promise<void>;
  close(sessionId: string): Promise<void>;
  /** Removes an ended session's tab. */
  dismiss(sessionId: string): void;
  activate(sessionId: string): void;
  answer(prompt: SessionPrompt, accept: boolean, answers?: string[]): Promise<void>;
  replaceHostKey(input: MethodInput<'sessions.replaceHostKey'>): Promise<void>;
  /** A customer's open tickets, for the open-session dialog; not kept in the store. */
  openTicketsOf(customerId: string): Promise<TicketView[]>;
  /** The verdict a session would get, shown before connecting. */
  check(input: MethodInput<'eligibility.check'>): Promise<Verdict>;
  createTicket(input: MethodInput<'tickets.save'>): Promise<TicketView>;
  /** Reads which of a customer's pre-connect commands may run on this machine. */
  loadPreConnect(customerId: string): Promise<void>;
  /** Approves the exact command text shown, for this machine (audited); CONFLICT when it changed meanwhile. */
  approvePreConnect(environmentId: string, command: string, disconnectCommand?: string): Promise<void>;
  /** A customer's external tools' launch templates and whether each may run here; not kept in the store. */
  tools(customerId: string): Promise<ToolView[]>;
  /** Approves the exact launch template shown, for this machine (audited); CONFLICT when it changed meanwhile. */
  approveTool(input: MethodInput<'tools.approve'>): Promise<ToolView>;
  /** A VPN profile's connect and disconnect commands for this machine, to fill an environment's access with. */
  vpnProfile(input: MethodInput<'sessions.vpnProfile'>): Promise<VpnProfileView>;
  /** Main types the VPN's current one-time code at its prompt in the pre-connect terminal; the code stays in main. */
  fillVpnOneTimeCode(sessionId: string): Promise<{ validUntil: number }>;
  loadRecordings(): Promise<void>;
  /** A page of a recording for the player; the text goes to its terminal, not into the store. */
  readRecording(recordingId: string, fromSeq: number): Promise<RecordingPage>;
  /** The recording as a .cast file for the player to save as a download; main audits the export first. */
  exportRecording(recordingId: string): Promise<RecordingDownload>;
  /** Picks up sessions that are live in main (after a reload), as tabs. */
  load(): Promise<void>;
  /** Follows session state and prompts; returns the function that stops. */
  start(): () => void;
  reset(): void;
}

export type SessionsStore = SessionsState & SessionsActions;

const isLive = (session: SessionView) => liveSessionStates.includes(session.state);

/** The command a COMMAND_NOT_APPROVED refusal names, to be shown in full; null for any other failure. */
function unapprovedCommand(error: unknown): PreConnectCommandView | null {
  if (!(error instanceof LotsenError) || error.code !== 'COMMAND_NOT_APPROVED') return null;
  const named = preConnectCommandViewSchema.safeParse({ ...error.details, approved: false });
  return named.success ? named.data : null;
}

/** The blockers a NOT_ELIGIBLE refusal names (`details.blockers`), or null for any other failure. */
function refusedFor(error: unknown): Reason[] | null {
  if (!(error instanceof LotsenError) || error.code !== 'NOT_ELIGIBLE') return null;
  const blockers = z.array(reasonSchema).safeParse(error.details?.['blockers']);
  return blockers.success ? blockers.data : [];
}

export const createSessionsActions =
  (service: SessionsService): StateCreator<SessionsStore, [], [], SessionsActions> =>
  (set, get) => {
    /** `ours`: opened from this window, so shown even if it ended before its tab appeared. */
    const upsert = (session: SessionView, ours = false) => {
      const tabs = get().tabs;
      const index = tabs.findIndex((tab) => tab.session.id === session.id);
      if (index === -1) {
        // A session opened elsewhere (another window, the CLI) shows up only while it is live.
        if (!ours && !isLive(session)) return;
        set({ tabs: [...tabs, { session }] });
        return;
      }
      // Events and answers can arrive in either order; a session never goes back from ended to live.
      const current = tabs[index]!.session;
      if (!isLive(current) && isLive(session)) return;
      set({ tabs: tabs.map((tab, i) => (i === index ? { ...tab, session } : tab)) });
      if (!isLive(session)) {
        set({ prompts: get().prompts.filter((p) => p.sessionId !== session.id) });
      }
    };

    /**
     * Puts the new session where the tab of `oldId` was. Its own `sessions.changed` arrives before the call that
     * opened it answers, so it may already have a tab of its own, holding a state at least as new: that tab is taken
     * into the old one's place rather than left beside it.
     */
    const replaceTab = (oldId: string, session: SessionView) => {
      const tabs = get().tabs;
      const next = tabs.find((tab) => tab.session.id === session.id) ?? { session };
      const others = tabs.filter((tab) => tab.session.id !== session.id);
      const placed = others.some((tab) => tab.session.id === oldId)
        ? others.map((tab) => (tab.session.id === oldId ? next : tab))
        : // The old tab was closed meanwhile: the new session is still the person's, at the end.
          [...others, next];
      set({ tabs: placed, activeId: session.id });
    };

    return {
      async open(input) {
        const session = await service.open(input);
        // Events may have brought a newer state before this answer; upsert keeps it.
        if (!get().tabs.some((tab) => tab.session.id === session.id)) upsert(session, true);
        set({ activeId: session.id });
        return session;
      },
      async reconnect(sessionId, overrideReason = null, runPreConnect) {
        let session: SessionView;
        try {
          session = await service.reconnect(sessionId, overrideReason, runPreConnect);
        } catch (error) {
          const blockers = refusedFor(error);
          const command = unapprovedCommand(error);
          if (blockers !== null || command !== null) {
            set({
              tabs: get().tabs.map((tab) =>
                tab.session.id !== sessionId
                  ? tab
                  : {
                      ...tab,
                      ...(blockers === null ? {} : { reconnectBlockers: blockers }),
                      ...(command === null ? {} : { reconnectCommand: command }),
                    },
              ),
            });
          }
          throw error;
        }
        service.terminal.forget(sessionId);
        replaceTab(sessionId, session);
      },
      async close(sessionId) {
        upsert(await service.close(sessionId));
      },
      dismiss(sessionId) {
        service.terminal.forget(sessionId);
        const tabs = get().tabs.filter((tab) => tab.session.id !== sessionId);
        const activeId = get().activeId === sessionId ? (tabs.at(-1)?.session.id ?? null) : get().activeId;
        set({ tabs, activeId });
      },
      activate(sessionId) {
        set({ activeId: sessionId });
      },
      async answer(prompt, accept, answers = []) {
        set({ prompts: get().prompts.filter((p) => p.promptId !== prompt.promptId) });
        await service.answerPrompt({
          sessionId: prompt.sessionId,
          promptId: prompt.promptId,
          accept,
          answers,
        });
      },
      async replaceHostKey(input) {
        await service.replaceHostKey(input);
      },
      async openTicketsOf(customerId) {
        return (await service.openTickets()).filter((ticket) => ticket.customerId === customerId);
      },
      check: (input) => service.check(input),
      createTicket: (input) => service.createTicket(input),
      async loadPreConnect(customerId) {
        const commands = await service.preConnectCommands(customerId);
        set({ preConnect: { ...get().preConnect, [customerId]: commands } });
      },
      vpnProfile: (input) => service.vpnProfile(input),
      fillVpnOneTimeCode: (sessionId) => service.fillVpnOneTimeCode(sessionId),
      tools: (customerId) => service.tools(customerId),
      approveTool: (input) => service.approveTool(input),
      async approvePreConnect(environmentId, command, disconnectCommand) {
        const approved = await service.approvePreConnect(environmentId, command, disconnectCommand);
        const preConnect = Object.fromEntries(
          Object.entries(get().preConnect).map(([customerId, commands]) => [
            customerId,
            commands.map((c) => (c.environmentId === environmentId ? approved : c)),
          ]),
        );
        // A tab refused for this command has it approved now; its reconnect goes ahead with it.
        const tabs = get().tabs.map((tab) =>
          tab.reconnectCommand?.environmentId === environmentId
            ? { ...tab, reconnectCommand: undefined }
            : tab,
        );
        set({ preConnect, tabs });
      },
      async loadRecordings() {
        set({ recordingsStatus: 'loading' });
        try {
          set({ recordings: await service.recordings(), recordingsStatus: 'ready', recordingsError: null });
        } catch (error) {
          set({ recordingsStatus: 'error', recordingsError: errorMessage(error) });
        }
      },
      readRecording: (recordingId, fromSeq) => service.readRecording(recordingId, fromSeq),
      exportRecording: (recordingId) => service.exportRecording(recordingId),
      async load() {
        let live: Awaited<ReturnType<typeof service.listLive>>;
        try {
          live = await service.listLive();
        } catch {
          // Asked at start-up beside everything else: a store locked or a main gone meanwhile is shown by the shell
          // (lock screen, connection banner), and each live session announces itself through onChanged anyway.
          return;
        }
        for (const session of live.reverse()) upsert(session);
        if (get().activeId === null) set({ activeId: get().tabs[0]?.session.id ?? null });
      },
      start() {
        const stops = [
          service.onChanged((session) => upsert(session)),
          service.onPrompt((prompt) => {
            if (get().tabs.some((tab) => tab.session.id === prompt.sessionId)) {
              set({ prompts: [...get().prompts, prompt], activeId: prompt.sessionId });
            }
          }),
        ];
        return () => {
          for (const stop of stops) stop();
        };
      },
      reset() {
        for (const tab of get().tabs) service.terminal.forget(tab.session.id);
        set(initialSessionsState);
      },
    };
  };
