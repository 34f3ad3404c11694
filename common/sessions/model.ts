import { z } from 'zod';
import { errorDetailSchema } from '../api/errorDetails/index.ts';
import { reasonSchema } from '../agreements/verdict.ts';
import { idSchema } from '../registry/model.ts';
import { serverRoles, type ServerRole } from '../registry/vocabulary.ts';
import { lazily } from '../api/lazySchema.ts';

/**
 * An SSH session to a registered server, a local terminal (the VPN client's CLI, PowerShell), an RDP session (the
 * platform's own RDP client launched and watched by Lotsen, its console output in the session's terminal), or an
 * environment's external tool (TeamViewer and the like) launched from its approved template (common/sessions/tools.ts).
 */
export const sessionKinds = ['ssh', 'local', 'rdp', 'tool'] as const;
export type SessionKind = (typeof sessionKinds)[number];

/**
 * `preconnect`: the environment's VPN command runs in the session's terminal before SSH connects.
 * `closed` was asked for; `disconnected` was not (network, server, keepalive, or Lotsen locked); `failed` never opened.
 */
export const sessionStates = [
  'connecting',
  'preconnect',
  'open',
  'closed',
  'disconnected',
  'failed',
] as const;
export type SessionState = (typeof sessionStates)[number];
export const liveSessionStates: readonly SessionState[] = ['connecting', 'preconnect', 'open'];

/** `auto` uses the account's stored secret: a private key when it holds one, else a password. */
export const sshAuthChoices = ['auto', 'password', 'privateKey', 'keyboardInteractive', 'agent'] as const;
export type SshAuthChoice = (typeof sshAuthChoices)[number];

const terminalSize = {
  cols: z.number().int().min(10).max(1_000).default(120),
  rows: z.number().int().min(4).max(500).default(32),
};

const hopInputSchema = lazily(() =>
  z
    .object({
      serverId: idSchema,
      accountId: idSchema,
      auth: z.enum(sshAuthChoices).default('auto'),
    })
    .strict(),
);

/** As many as OpenSSH users chain in practice; each hop adds a handshake before the target's. */
export const MAX_JUMP_HOSTS = 4;

/** A hop that sends the route round in a circle: `code` for the console to word, `message` the API's English. */
export type JumpRouteProblem = { index: number; message: string } & (
  | { code: 'isTarget' }
  /** `earlier`: the jump host (counted from 1) the server already is. */
  | { code: 'alreadyOnRoute'; earlier: number }
);

/**
 * Where a route goes round in a circle: a jump host that is the target itself, or that is already on the route. The
 * API refuses such a route and the dialog shows the same message beside the hop.
 */
export function jumpRouteProblems(
  targetServerId: string | null,
  jump: readonly { serverId: string }[],
): JumpRouteProblem[] {
  const problems: JumpRouteProblem[] = [];
  jump.forEach((hop, index) => {
    const earlier = jump.findIndex((other) => other.serverId === hop.serverId);
    if (hop.serverId === targetServerId) {
      problems.push({ index, code: 'isTarget', message: 'This is the server you are connecting to.' });
    } else if (earlier < index) {
      problems.push({
        index,
        code: 'alreadyOnRoute',
        earlier: earlier + 1,
        message: `This server is already jump host ${earlier + 1}.`,
      });
    }
  });
  return problems;
}

/** A written reason lets a session pass eligibility blockers; it is audited. */
const overrideReasonSchema = lazily(() =>
  z
    .string()
    .trim()
    .min(10, { error: 'Explain the override in at least 10 characters' })
    .max(1_000)
    .nullable()
    .default(null),
);

export const sessionOpenInputSchema = lazily(() =>
  z
    .object({
      ticketId: idSchema,
      environmentId: idSchema,
      kind: z.enum(sessionKinds),
      /** The target; required for SSH. */
      serverId: idSchema.nullable().default(null),
      accountId: idSchema.nullable().default(null),
      auth: z.enum(sshAuthChoices).default('auto'),
      /** Jump hosts, nearest first, as OpenSSH's `-J a,b` (each from the same environment). */
      jump: z
        .array(hopInputSchema)
        .max(MAX_JUMP_HOSTS, { error: `At most ${MAX_JUMP_HOSTS} jump hosts` })
        .default([]),
      /** An external-tool session: which of the environment's tools to launch (its approved template). */
      tool: z.string().trim().min(1).max(100).nullable().default(null),
      /** Run the environment's pre-connect (VPN) command in this terminal before connecting. */
      runPreConnect: z.boolean().default(true),
      /** Record keystrokes too (asciicast "i" events); off by default, since they carry what is typed at prompts. */
      recordInput: z.boolean().default(false),
      overrideReason: overrideReasonSchema,
      ...terminalSize,
    })
    .strict()
    .superRefine((input, ctx) => {
      if (input.kind === 'ssh' && input.serverId === null) {
        ctx.addIssue({ code: 'custom', path: ['serverId'], message: 'An SSH session needs a server' });
      }
      if (input.kind === 'ssh' && input.accountId === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['accountId'],
          message: 'An SSH session needs a support account',
        });
      }
      if (input.kind === 'rdp' && (input.serverId === null || input.accountId === null)) {
        ctx.addIssue({
          code: 'custom',
          path: [input.serverId === null ? 'serverId' : 'accountId'],
          message: 'An RDP session needs a server and a support account',
        });
      }
      if (input.kind === 'rdp' && input.jump.length > 0) {
        ctx.addIssue({ code: 'custom', path: ['jump'], message: 'An RDP session has no jump hosts' });
      }
      if (input.kind === 'tool' && input.tool === null) {
        ctx.addIssue({ code: 'custom', path: ['tool'], message: 'An external-tool session needs a tool' });
      }
      for (const { index, message } of jumpRouteProblems(input.serverId, input.jump)) {
        ctx.addIssue({ code: 'custom', path: ['jump', index, 'serverId'], message });
      }
    }),
);
export type SessionOpenInput = z.input<typeof sessionOpenInputSchema>;
export type SessionOpenFields = z.output<typeof sessionOpenInputSchema>;

/** Opens a new session exactly as an ended one was opened; an override is not carried over, only a new one counts. */
export const sessionReconnectInputSchema = lazily(() =>
  z
    .object({
      sessionId: idSchema,
      overrideReason: overrideReasonSchema,
      /** Whether to run the pre-connect command this time; left out, as the ended session was opened. */
      runPreConnect: z.boolean().optional(),
    })
    .strict(),
);

/** Replaces the stored host key with the one a session was refused for; the key comes from that session alone. */
export const hostKeyReplaceInputSchema = lazily(() =>
  z
    .object({
      sessionId: idSchema,
      reason: z
        .string()
        .trim()
        .min(10, { error: 'Say how the new key was confirmed (10 characters or more)' })
        .max(1_000),
    })
    .strict(),
);

export const hostKeyChangeSchema = lazily(() =>
  z.object({
    /** The name the key is kept under (with its jump chain, when reached through jump hosts). */
    host: z.string(),
    port: z.number().int(),
    keyType: z.string(),
    expected: z.string(),
    presented: z.string(),
  }),
);
export type HostKeyChange = z.infer<typeof hostKeyChangeSchema>;

/** How a session was opened, beyond its ticket, environment, kind, target and size: what a reconnect repeats. */
export const sessionChoicesSchema = lazily(() =>
  z.object({
    auth: z.enum(sshAuthChoices),
    jump: z.array(hopInputSchema),
    runPreConnect: z.boolean(),
    recordInput: z.boolean(),
    /** The external tool launched (kind `tool`); null for other kinds. */
    tool: z.string().nullable(),
  }),
);
export type SessionChoices = z.infer<typeof sessionChoicesSchema>;

export const sessionViewSchema = lazily(() =>
  z.object({
    id: idSchema,
    kind: z.enum(sessionKinds),
    state: z.enum(sessionStates),
    /** What a tab shows: `user@host` or the local shell. */
    title: z.string(),
    ticketId: idSchema,
    ticketRef: z.string(),
    customerId: idSchema,
    customerName: z.string(),
    environmentId: idSchema,
    serverId: idSchema.nullable(),
    accountId: idSchema.nullable(),
    openedAt: z.number().int(),
    closedAt: z.number().int().nullable(),
    /** Why it ended or failed, in a sentence; null while live or after a normal close. */
    endMessage: z.string().nullable(),
    endCode: z.string().nullable(),
    /** `endMessage` as a detail key and values, for the console to word in the reader's language (older rows lack it). */
    endDetail: errorDetailSchema.optional(),
    /** Set when the session failed on a changed host key: what replacing the stored key needs. */
    hostKeyChange: hostKeyChangeSchema.nullable(),
    overridden: z.boolean(),
    choices: sessionChoicesSchema,
    warnings: z.array(reasonSchema),
    recordingId: idSchema.nullable(),
    timeEntryId: idSchema.nullable(),
    cols: z.number().int(),
    rows: z.number().int(),
    /**
     * Set while a session that started on a cached eligibility verdict (the team database could not be reached) is
     * live: when that verdict was fetched. Its audit event keeps it for good.
     */
    verdictCachedAt: z.number().int().optional(),
    /**
     * Set while an external-tool session whose tool handed off and exited at once is live: when it exited. Such a
     * session is tracked until the person clicks Done (sessions.close).
     */
    toolHandedOffAt: z.number().int().optional(),
    /**
     * Set on a live session that runs its environment's VPN connect command when the environment holds the VPN's
     * one-time code seed: then main can type the current code at the VPN's prompt (`sessions.fillVpnOneTimeCode`).
     */
    vpnOneTimeCode: z.literal(true).optional(),
  }),
);
export type SessionView = z.infer<typeof sessionViewSchema>;

/** Something the person must answer before the session goes on: an unknown host key, or the server's prompts. */
export const sessionPromptSchema = lazily(() =>
  z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('hostKey'),
      sessionId: idSchema,
      promptId: idSchema,
      host: z.string(),
      port: z.number().int(),
      keyType: z.string(),
      /** `SHA256:…`, exactly as OpenSSH prints it. */
      fingerprint: z.string(),
    }),
    z.object({
      kind: z.literal('keyboard'),
      sessionId: idSchema,
      promptId: idSchema,
      host: z.string(),
      name: z.string(),
      instructions: z.string(),
      prompts: z.array(z.object({ prompt: z.string(), echo: z.boolean() })),
      /**
       * Set when main itself asks, for the passphrase of an encrypted private key stored for this account: the console
       * words the question in the reader's language instead of showing `name`, `instructions` and the prompt (English,
       * kept for other clients). A server's own prompts are the server's words and leave it unset.
       */
      keyPassphraseFor: z.object({ username: z.string(), host: z.string() }).optional(),
    }),
  ]),
);
export type SessionPrompt = z.infer<typeof sessionPromptSchema>;

export const promptAnswerInputSchema = lazily(() =>
  z
    .object({
      sessionId: idSchema,
      promptId: idSchema,
      /** Host key: trust it. Keyboard: false cancels the login. */
      accept: z.boolean(),
      answers: z.array(z.string().max(4_096)).max(20).default([]),
    })
    .strict(),
);

export const terminalInputSchema = lazily(() =>
  z.object({ sessionId: idSchema, data: z.string().min(1).max(65_536) }).strict(),
);
export const terminalResizeSchema = lazily(() => z.object({ sessionId: idSchema, ...terminalSize }).strict());
export const terminalAckSchema = lazily(() =>
  z
    .object({
      sessionId: idSchema,
      bytes: z
        .number()
        .int()
        .min(1)
        .max(16 * 1024 * 1024),
    })
    .strict(),
);

/** Terminal output: bytes, whole UTF-8 characters; travels as a binary frame, never through UI state. */
export const terminalOutputSchema = lazily(() =>
  z.object({
    sessionId: idSchema,
    data: z.custom<Uint8Array>((value) => value instanceof Uint8Array),
  }),
);
export type TerminalOutput = z.infer<typeof terminalOutputSchema>;

/** A server's stored role as the vocabulary has it; null for no server (deleted, or a local terminal). */
export function asServerRole(role: string | null | undefined): ServerRole | null {
  return (serverRoles as readonly string[]).includes(role ?? '') ? (role as ServerRole) : null;
}

export const recordingViewSchema = lazily(() =>
  z.object({
    id: idSchema,
    sessionId: idSchema.nullable(),
    title: z.string(),
    /** The session's kind and its server's role, which name it as its tab does; null when no session or server is left. */
    sessionKind: z.string().nullable(),
    serverRole: z.enum(serverRoles).nullable(),
    ticketRef: z.string().nullable(),
    customerName: z.string().nullable(),
    startedAt: z.number().int(),
    endedAt: z.number().int().nullable(),
    bytes: z.number().int(),
    width: z.number().int(),
    height: z.number().int(),
  }),
);
export type RecordingView = z.infer<typeof recordingViewSchema>;

export const recordingPageSchema = lazily(() =>
  z.object({
    /** The asciicast v2 header line. */
    header: z.string(),
    /** asciicast event lines, in order. */
    events: z.string(),
    /** Pass back to read on; null at the end. */
    nextSeq: z.number().int().nullable(),
  }),
);
export type RecordingPage = z.infer<typeof recordingPageSchema>;

/** A recording as a `.cast` file the console saves as a download (audited as `recording.exported`). */
export const recordingDownloadSchema = lazily(() =>
  z.object({
    fileName: z.string(),
    mediaType: z.string(),
    bytes: z.number().int(),
    sha256: z.string(),
    /** The asciicast v2 file: the header line, then every event line. */
    content: z.string(),
  }),
);
export type RecordingDownload = z.infer<typeof recordingDownloadSchema>;
