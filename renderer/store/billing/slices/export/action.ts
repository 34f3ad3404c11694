import type { StateCreator } from 'zustand/vanilla';
import type { ExportFormat, ExportResult } from '../../../../../common/billing/model.ts';
import type { BillingService } from '../../../../services/billingService.ts';
import { errorMessage } from '../../../errorMessage.ts';
import type { BillingStore } from '../../store.ts';
import { initialBillingExportState, type ExportJob } from './initialState.ts';

export interface ExportRequest {
  month: string;
  /** One customer's month (an approved one is its batch); without it, every customer's. */
  customerId?: string;
  format: ExportFormat;
  excelSv: boolean;
}

export interface BillingExportActions {
  /**
   * Runs an export whose bytes come back in the answer (saved by the page as a download); progress arrives as
   * events meanwhile. Resolves with the file; rejects on failure (the job then says why).
   */
  runExport(request: ExportRequest): Promise<ExportResult>;
  /** Follows this store's export's progress events. */
  onProgress(progress: { progressId: string; done: number; total: number }): void;
  clearExport(): void;
}

let counter = 0;
const newProgressId = () =>
  `export-${Date.now().toString(36)}-${(++counter).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export const createBillingExportActions = (
  service: BillingService,
): StateCreator<BillingStore, [], [], BillingExportActions> => {
  return (set, get) => {
    const update = (progressId: string, change: Partial<ExportJob>) => {
      const job = get().exportJob;
      if (job?.progressId === progressId) set({ exportJob: { ...job, ...change } });
    };
    return {
      async runExport(request) {
        const progressId = newProgressId();
        set({
          exportJob: {
            progressId,
            state: 'running',
            done: 0,
            total: 0,
            format: request.format,
            fileName: null,
            rows: null,
            bytes: null,
            preview: false,
            error: null,
          },
        });
        try {
          const result = await service.export({ ...request, progressId });
          update(progressId, {
            state: 'done',
            done: result.rows,
            total: result.rows,
            fileName: result.fileName,
            rows: result.rows,
            bytes: result.bytes,
            preview: result.preview,
          });
          return result;
        } catch (error) {
          update(progressId, { state: 'failed', error: errorMessage(error) });
          throw error;
        }
      },
      onProgress({ progressId, done, total }) {
        const job = get().exportJob;
        if (job?.progressId !== progressId || job.state !== 'running') return;
        update(progressId, { done, total: Math.max(total, done) });
      },
      clearExport() {
        if (get().exportJob?.state !== 'running') set(initialBillingExportState);
      },
    };
  };
};
