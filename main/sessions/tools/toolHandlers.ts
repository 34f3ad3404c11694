import type { Handlers } from '../../api/dispatcher.ts';
import type { Backend } from '../../app/backend.node.ts';
import { approveTool, listTools } from './toolApprovals.ts';
import { toolIndex } from './toolIndex.ts';

/** External tools' templates and their approvals; a tool's session opens through `sessions.open` (kind `tool`). */
export function toolHandlers(
  backend: Backend,
): Pick<Handlers, 'tools.list' | 'tools.approve' | 'tools.index'> {
  return {
    'tools.list': ({ customerId }) => listTools(backend, customerId),
    'tools.approve': (input) => approveTool(backend, input),
    'tools.index': () => toolIndex(backend),
  };
}
