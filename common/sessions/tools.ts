import { z } from 'zod';
import { idSchema } from '../registry/model.ts';
import { lazily } from '../api/lazySchema.ts';

/**
 * An environment's external tool (TeamViewer and the like) with its launch template, and whether the template may
 * run on this machine: as with pre-connect commands, only a template a person approved here runs, and any change to
 * it (an edit, an import) needs approving again.
 */
export const toolViewSchema = lazily(() =>
  z.object({
    environmentId: idSchema,
    tool: z.string(),
    template: z.string(),
    /** Lower-case hex SHA-256 of the template's UTF-8 text: what an approval and the audit log name. */
    templateSha256: z.string(),
    approved: z.boolean(),
  }),
);
export type ToolView = z.infer<typeof toolViewSchema>;

/** Approves the template the person was shown; refused (CONFLICT) when the environment's template is no longer it. */
export const toolApproveInputSchema = lazily(() =>
  z
    .object({
      environmentId: idSchema,
      tool: z.string().min(1).max(100),
      template: z.string().min(1, { error: 'Say which template to approve' }).max(1_000),
      /**
       * Approved by the launch button of a blocked session, which overrides the block and approves the template in one
       * click: the approval's audit event says so.
       */
      withOverride: z.boolean().optional(),
    })
    .strict(),
);
export type ToolApproveInput = z.input<typeof toolApproveInputSchema>;

/** Placeholders only a server or an account fills; a template using none of them launches for the environment. */
const serverPlaceholders = /\{(host|port|username)\}/;

/** Whether the template needs a server (or account) chosen: without one, it launches for its environment alone. */
export function templateNeedsServer(template: string): boolean {
  return serverPlaceholders.test(template);
}

/**
 * An external tool that launches for its environment alone (TeamViewer by the environment's id), across all
 * customers: what the command palette offers ("teamviewer lund").
 */
export const toolIndexEntrySchema = lazily(() =>
  z.object({
    customerId: idSchema,
    customerName: z.string(),
    environmentId: idSchema,
    environmentName: z.string(),
    tool: z.string(),
  }),
);
export type ToolIndexEntry = z.infer<typeof toolIndexEntrySchema>;

/**
 * A tool that exits within this long after its launch, successfully, handed off (TeamViewer's launcher passes the
 * connection to its running instance and ends): its session is tracked until the person says they are done.
 */
export const TOOL_HANDOFF_MS = 5_000;
