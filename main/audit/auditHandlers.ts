import type { Handlers } from '../api/dispatcher.ts';
import type { Backend } from '../app/backend.node.ts';
import { listAuditActors, listAuditEvents, readableAuditEvents } from './auditTrail.node.ts';

type AuditHandlers = Pick<Handlers, Extract<keyof Handlers, `audit.${string}`>>;

export function auditHandlers(backend: Backend): AuditHandlers {
  return {
    'audit.list': async (filter) => {
      const db = backend.registryContext().db;
      return readableAuditEvents(db, await listAuditEvents(db, filter));
    },
    'audit.actors': async () => listAuditActors(backend.registryContext().db),
    'audit.verify': async () => backend.audit().verify(),
  };
}
