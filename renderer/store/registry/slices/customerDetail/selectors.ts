import type { ContactView } from '../../../../../common/registry/model.ts';
import type { CustomerDetailState } from './initialState.ts';

export const selectDetail = (s: CustomerDetailState) => s.detail;
export const selectDetailStatus = (s: CustomerDetailState) => s.detailStatus;
export const selectDetailError = (s: CustomerDetailState) => s.detailError;

type TrainingTicks = Pick<ContactView, 'adminTrainingDone' | 'toolTrainingDone'>;

export type Training = 'admin' | 'tool';

/**
 * The trainings a named support contact still lacks, as codes the page words; the terms require both before the vendor
 * gives 2nd-line help.
 */
export function missingTraining(contact: TrainingTicks): Training[] {
  const missing: Training[] = [];
  if (!contact.adminTrainingDone) missing.push('admin');
  if (!contact.toolTrainingDone) missing.push('tool');
  return missing;
}

export function countContactsMissingTraining(detail: { contacts: readonly TrainingTicks[] }): number {
  return detail.contacts.filter((contact) => missingTraining(contact).length > 0).length;
}

/** Every server and support account that goes with a customer when it is deleted, for the confirmation. */
export function customerDeletionScope(detail: {
  environments: readonly { servers: readonly unknown[]; supportAccounts: readonly unknown[] }[];
  contacts: readonly unknown[];
}) {
  return {
    environments: detail.environments.length,
    servers: detail.environments.reduce((n, env) => n + env.servers.length, 0),
    supportAccounts: detail.environments.reduce((n, env) => n + env.supportAccounts.length, 0),
    contacts: detail.contacts.length,
  };
}
