import { keyedError, LotsenError } from '../../../common/api/errors.ts';
import type { ToolTemplate } from '../../../common/registry/model.ts';
import type { ToolView } from '../../../common/sessions/tools.ts';
import type { Backend } from '../../app/backend.node.ts';
import { machineIdOf } from '../../app/machineId.node.ts';
import type { Db } from '../../store/database.node.ts';
import { personalDetail } from '../../audit/auditDetails.ts';
import { isApprovedHere, recordApproval, textSha256 } from '../approvals/machineApprovals.ts';

/*
 * The trust rule of pre-connect commands (approvals/machineApprovals.ts), for external tools' launch templates: a
 * template runs only after a person approved that exact text for that tool of that environment on this machine.
 */

function templatesOf(row: { tool_templates: string }): ToolTemplate[] {
  return JSON.parse(row.tool_templates) as ToolTemplate[];
}

function isApproved(
  db: Db,
  environmentId: string,
  tool: string,
  sha256: string,
  machineId: string,
): Promise<boolean> {
  return isApprovedHere(db, { table: 'tool_approvals', environmentId, tool }, sha256, machineId);
}

async function viewOf(
  db: Db,
  environmentId: string,
  template: ToolTemplate,
  machineId: string,
): Promise<ToolView> {
  const sha256 = textSha256(template.template);
  return {
    environmentId,
    tool: template.tool,
    template: template.template,
    templateSha256: sha256,
    approved: await isApproved(db, environmentId, template.tool, sha256, machineId),
  };
}

/** Every launch template of a customer's environments, and whether it may run here. */
export async function listTools(backend: Backend, customerId: string): Promise<ToolView[]> {
  const { db } = backend.registryContext();
  const machineId = await machineIdOf(backend.dataDir);
  const environments = await db
    .selectFrom('environments')
    .select(['id', 'tool_templates'])
    .where('customer_id', '=', customerId)
    .orderBy('name')
    .execute();
  const views: ToolView[] = [];
  for (const environment of environments) {
    for (const template of templatesOf(environment)) {
      views.push(await viewOf(db, environment.id, template, machineId));
    }
  }
  return views;
}

/**
 * Approves the template the person was shown for running on this machine, audited with its SHA-256 (never its text).
 * Refused when the environment's template for the tool is no longer that text. An approval replaces this machine's
 * earlier one for the tool, so a template changed back later needs approving again.
 */
export async function approveTool(
  backend: Backend,
  input: { environmentId: string; tool: string; template: string; withOverride?: boolean | undefined },
): Promise<ToolView> {
  const ctx = backend.registryContext();
  const machineId = await machineIdOf(backend.dataDir);
  const sha256 = textSha256(input.template);
  await backend.audit().appendWith(
    async (trx) => {
      const environment = await trx
        .selectFrom('environments')
        .select(['id', 'tool_templates'])
        .where('id', '=', input.environmentId)
        .executeTakeFirst();
      if (!environment) throw keyedError('NOT_FOUND', 'sessions.noSuchEnvironment');
      const current = templatesOf(environment).find((t) => t.tool === input.tool);
      if (current?.template !== input.template) {
        throw keyedError(
          'CONFLICT',
          'sessions.toolTemplateStale',
          {},
          { environmentId: environment.id, tool: input.tool },
        );
      }
      await recordApproval(
        trx,
        { table: 'tool_approvals', environmentId: environment.id, tool: input.tool },
        sha256,
        { machineId, at: ctx.now(), actorId: ctx.actorId },
      );
    },
    () => ({
      event: 'tool.approved',
      subject: { type: 'environment', id: input.environmentId },
      details: {
        tool: personalDetail(input.tool),
        templateSha256: sha256,
        machineId,
        ...(input.withOverride === true ? { withOverride: true } : {}),
      },
    }),
  );
  const { environmentId, tool, template } = input;
  return { environmentId, tool, template, templateSha256: sha256, approved: true };
}

/**
 * The gate's part for an external-tool session: the environment's template for the tool, when that exact text is
 * approved on this machine. The refusal carries the text, so the person can read it in full and approve it.
 */
export async function approvedTemplate(
  backend: Backend,
  environmentId: string,
  tool: string,
): Promise<{ template: string; templateSha256: string }> {
  const { db } = backend.registryContext();
  const environment = await db
    .selectFrom('environments')
    .select(['id', 'tool_templates'])
    .where('id', '=', environmentId)
    .executeTakeFirst();
  if (!environment) throw keyedError('NOT_FOUND', 'sessions.noSuchEnvironment');
  const template = templatesOf(environment).find((t) => t.tool === tool);
  if (!template) {
    throw keyedError('TOOL_FAILED', 'sessions.noToolTemplate', { tool }, { environmentId, tool });
  }
  const sha256 = textSha256(template.template);
  if (await isApproved(db, environmentId, tool, sha256, await machineIdOf(backend.dataDir))) {
    return { template: template.template, templateSha256: sha256 };
  }
  throw new LotsenError(
    'TOOL_NOT_APPROVED',
    `The launch template of ${tool} has not been approved on this machine, so it was not run. Read it, then approve it to run here.`,
    { environmentId, tool, template: template.template, templateSha256: sha256 },
  );
}
