import type { AgreementView, DpaView } from '../../../common/agreements/model.ts';
import type { Verdict } from '../../../common/agreements/verdict.ts';

/** The open customer's agreements, DPAs and verdict. */
export interface ContractsState {
  customerId: string | null;
  agreements: AgreementView[];
  dpas: DpaView[];
  verdict: Verdict | null;
  error: string | null;
}

export const initialContractsState: ContractsState = {
  customerId: null,
  agreements: [],
  dpas: [],
  verdict: null,
  error: null,
};
