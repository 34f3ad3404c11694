import { createStore } from 'zustand/vanilla';
import type { AuditService } from '../../services/auditService.ts';
import { createAuditActions, type AuditStore } from './action.ts';
import { initialAuditState } from './initialState.ts';

/** The audit log as the audit view shows it: newest first, filtered, a page at a time, with the chain's verification. */
export function createAuditStore(service: AuditService) {
  return createStore<AuditStore>()((...args) => ({
    ...initialAuditState,
    ...createAuditActions(service)(...args),
  }));
}

export type AuditStoreApi = ReturnType<typeof createAuditStore>;
