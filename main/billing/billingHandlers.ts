import { randomUUID } from 'node:crypto';
import type { Handlers } from '../api/dispatcher.ts';
import type { Backend } from '../app/backend.node.ts';
import { exportMonth } from './billingExport.ts';
import { monthOf } from './billingPeriod.ts';
import {
  addAdjustment,
  approveMonth,
  billedHoursSeries,
  listAdjustments,
  listBatches,
  monthSummary,
} from './billingRepository.ts';

type BillingHandlers = Pick<Handlers, Extract<keyof Handlers, `billing.${string}`>>;

/** Progress events at most this often (and always the first and the last). */
const PROGRESS_INTERVAL_MS = 200;

/** Billing months, approval, adjustments and the finance export; approvals, adjustments and exports are audited. */
export function billingHandlers(backend: Backend): BillingHandlers {
  const ctx = () => backend.registryContext();
  const actor = () => {
    const user = backend.status().user!;
    return { id: user.id, name: user.name };
  };
  return {
    'billing.monthSummary': async ({ month }) => monthSummary(ctx().db, month, backend.now()),
    'billing.billedHours': async ({ endMonth }) =>
      billedHoursSeries(ctx().db, endMonth ?? monthOf(backend.now())),
    'billing.approveMonth': async (input) => {
      const batch = await approveMonth(ctx(), input, actor());
      await backend.audit().append({
        event: 'billing.month_approved',
        subject: { type: 'billing_batch', id: batch.id },
        details: {
          number: batch.number,
          month: batch.month,
          customerId: batch.customerId,
          customer: batch.customerName,
          entries: batch.entries,
          lines: batch.lines,
          actualMinutes: batch.actualMinutes,
          billedMinutes: batch.billedMinutes,
          amountOre: batch.amountOre,
        },
      });
      backend.emit('billing.changed', { month: batch.month, customerId: batch.customerId });
      return batch;
    },
    'billing.listBatches': async (filter) => listBatches(ctx().db, filter),
    'billing.export': async ({ destination, progressId, ...request }) => {
      const id = progressId ?? randomUUID();
      let last = 0;
      const outcome = await exportMonth(ctx().db, request, destination, (done, total) => {
        const now = Date.now();
        if (done !== 0 && done !== total && now - last < PROGRESS_INTERVAL_MS) return;
        last = now;
        backend.emit('billing.exportProgress', { progressId: id, done, total });
      });
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
          to: destination.kind === 'file' ? destination.path : 'download',
        },
      });
      return {
        fileName: outcome.fileName,
        format: outcome.format,
        mediaType: outcome.mediaType,
        rows: outcome.rows,
        bytes: outcome.bytes,
        sha256: outcome.sha256,
        preview: outcome.preview,
        batchIds: outcome.batchIds,
        path: outcome.path,
        contentBase64: outcome.content === null ? null : outcome.content.toString('base64'),
      };
    },
    'billing.addAdjustment': async (input) => {
      const adjustment = await addAdjustment(ctx(), input);
      await backend.audit().append({
        event: 'billing.adjustment_added',
        subject: { type: 'time_entry', id: adjustment.entryId },
        details: {
          adjustmentId: adjustment.id,
          customerId: adjustment.customerId,
          month: adjustment.month,
          minutes: adjustment.minutes,
          note: adjustment.note,
        },
      });
      backend.emit('billing.changed', { month: adjustment.month, customerId: adjustment.customerId });
      return adjustment;
    },
    'billing.listAdjustments': async (filter) => listAdjustments(ctx().db, filter),
  };
}
