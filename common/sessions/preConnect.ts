import { z } from 'zod';
import { idSchema } from '../registry/model.ts';
import { lazily } from '../api/lazySchema.ts';

/**
 * An environment's pre-connect command and whether it may run on this machine. A command runs only once a person
 * has approved that exact text here: one that arrived by import or by an edit stays inert until then.
 */
export const preConnectCommandViewSchema = lazily(() =>
  z.object({
    environmentId: idSchema,
    command: z.string(),
    /** What runs after the session to take the VPN down (a VPN profile's); approved together with `command`. */
    disconnectCommand: z.string(),
    /**
     * Lower-case hex SHA-256 of what is approved: the command's UTF-8 text, or with a disconnect command, both
     * (main/sessions/preConnectApprovals.ts, approvalText). What an approval and the audit log name.
     */
    commandSha256: z.string(),
    approved: z.boolean(),
  }),
);
export type PreConnectCommandView = z.infer<typeof preConnectCommandViewSchema>;

/** Approves the text the person was shown; refused (CONFLICT) when the environment's command is no longer that. */
export const preConnectApproveInputSchema = lazily(() =>
  z
    .object({
      environmentId: idSchema,
      command: z.string().min(1, { error: 'Say which command to approve' }).max(1_000),
      /** The disconnect command the person was shown with it; none when left out. */
      disconnectCommand: z.string().max(1_000).default(''),
    })
    .strict(),
);
export type PreConnectApproveInput = z.input<typeof preConnectApproveInputSchema>;
