import { z } from 'zod';
import { idSchema } from '../registry/model.ts';

/**
 * An environment's external tool (TeamViewer and the like) with its launch template, and whether the template may
 * run on this machine: as with pre-connect commands, only a template a person approved here runs, and any change to
 * it (an edit, an import) needs approving again.
 */
export const toolViewSchema = z.object({
  environmentId: idSchema,
  tool: z.string(),
  template: z.string(),
  /** Lower-case hex SHA-256 of the template's UTF-8 text: what an approval and the audit log name. */
  templateSha256: z.string(),
  approved: z.boolean(),
});
export type ToolView = z.infer<typeof toolViewSchema>;

/** Approves the template the person was shown; refused (CONFLICT) when the environment's template is no longer it. */
export const toolApproveInputSchema = z
  .object({
    environmentId: idSchema,
    tool: z.string().min(1).max(100),
    template: z.string().min(1, { error: 'Say which template to approve' }).max(1_000),
  })
  .strict();
export type ToolApproveInput = z.input<typeof toolApproveInputSchema>;

/**
 * A tool that exits within this long after its launch, successfully, handed off (TeamViewer's launcher passes the
 * connection to its running instance and ends): its session is tracked until the person says they are done.
 */
export const TOOL_HANDOFF_MS = 5_000;
