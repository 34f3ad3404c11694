import type { Backend } from '../app/backend.node.ts';
import { personalDetail } from '../audit/auditDetails.ts';
import {
  exportMonth,
  type ExportDestination,
  type ExportOutcome,
  type ExportRequest,
} from './billingExport.ts';

/** The finance export, written to the audit log before a file is put in place: unrecorded, it is not written. */
export async function exportMonthAudited<D extends ExportDestination>(
  backend: Backend,
  request: ExportRequest,
  destination: D,
  onProgress: (done: number, total: number) => void,
): Promise<ExportOutcome<D>> {
  return exportMonth(backend.registryContext().db, request, destination, onProgress, async (outcome) => {
    await backend.audit().append({
      event: 'billing.exported',
      subject: request.customerId ? { type: 'customer', id: request.customerId } : null,
      details: {
        month: request.month,
        format: request.format,
        excelSv: request.excelSv,
        rows: outcome.rows,
        bytes: outcome.bytes,
        sha256: outcome.sha256,
        preview: outcome.preview,
        batches: outcome.batchNumbers,
        to: personalDetail(outcome.path ?? 'download'),
      },
    });
  });
}
