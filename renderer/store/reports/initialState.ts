import type { AccessReport } from '../../../common/reports/accessReport.ts';

/** The open customer's access report for one Swedish month. */
export interface ReportsState {
  customerId: string | null;
  /** YYYY-MM, Swedish time; null until a customer is opened. */
  month: string | null;
  report: AccessReport | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  exporting: boolean;
  exportError: string | null;
}

export const initialReportsState: ReportsState = {
  customerId: null,
  month: null,
  report: null,
  status: 'idle',
  error: null,
  exporting: false,
  exportError: null,
};
