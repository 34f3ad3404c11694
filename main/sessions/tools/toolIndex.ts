import type { ToolTemplate } from '../../../common/registry/model.ts';
import { templateNeedsServer, type ToolIndexEntry } from '../../../common/sessions/tools.ts';
import type { Backend } from '../../app/backend.node.ts';

/**
 * Every environment's external tools whose templates need no server, with the customer and environment they belong
 * to, in customer then environment order: the command palette's "teamviewer lund". Names only, never a template's
 * text (that is read, approved and launched through the launch dialog).
 */
export async function toolIndex(backend: Backend): Promise<ToolIndexEntry[]> {
  const { db } = backend.registryContext();
  const rows = await db
    .selectFrom('environments')
    .innerJoin('customers', 'customers.id', 'environments.customer_id')
    .select([
      'customers.id as customer_id',
      'customers.name as customer_name',
      'environments.id',
      'environments.name',
      'environments.tool_templates',
    ])
    .where('environments.tool_templates', '!=', '[]')
    .orderBy('customers.name')
    .orderBy('environments.name')
    .execute();
  return rows.flatMap((row) =>
    (JSON.parse(row.tool_templates) as ToolTemplate[])
      .filter(({ template }) => !templateNeedsServer(template))
      .map(({ tool }) => ({
        customerId: row.customer_id,
        customerName: row.customer_name,
        environmentId: row.id,
        environmentName: row.name,
        tool,
      })),
  );
}
