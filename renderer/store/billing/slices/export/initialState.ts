import type { ExportFormat } from '../../../../../common/billing/model.ts';

export interface ExportJob {
  /** Echoed by main in `billing.exportProgress`, so this export's progress is told from others'. */
  progressId: string;
  state: 'running' | 'done' | 'failed';
  /** Rows written so far and the (estimated) total. */
  done: number;
  total: number;
  format: ExportFormat;
  fileName: string | null;
  rows: number | null;
  bytes: number | null;
  /** The file holds a month that is not approved: its rows are what approval would store now. */
  preview: boolean;
  error: string | null;
}

export interface BillingExportState {
  exportJob: ExportJob | null;
}

export const initialBillingExportState: BillingExportState = { exportJob: null };
