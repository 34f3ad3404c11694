import { randomUUID } from 'node:crypto';
import type { Handlers } from '../api/dispatcher.ts';
import type { Backend } from '../app/backend.node.ts';
import { personalDetail } from '../audit/auditDetails.ts';
import { exportMonthAudited } from './auditedExport.ts';
import { billedHoursSeries } from './billedHours.ts';
import { addAdjustment, listAdjustments, ticketOfEntry } from './billingAdjustments.ts';
import { listBatches } from './billingBatches.ts';
import { monthOf } from './billingPeriod.ts';
import { approveMonth } from './monthApproval.ts';
import { monthSummary } from './monthSummary.ts';

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
    // Always a download: the answer carries the bytes, and no client of the API can have main write a file.
    'billing.export': async ({ progressId, ...request }) => {
      const id = progressId ?? randomUUID();
      let last = 0;
      const outcome = await exportMonthAudited(backend, request, { kind: 'download' }, (done, total) => {
        const now = Date.now();
        if (done !== 0 && done !== total && now - last < PROGRESS_INTERVAL_MS) return;
        last = now;
        backend.emit('billing.exportProgress', { progressId: id, done, total });
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
        contentBase64: outcome.content.toString('base64'),
      };
    },
    'billing.addAdjustment': async (input) => {
      const adjustment = await addAdjustment(ctx(), input);
      // The note is sealed under the ticket whose time it corrects.
      const ticketId = await ticketOfEntry(ctx().db, adjustment.entryId);
      await backend.audit().append({
        event: 'billing.adjustment_added',
        subject: { type: 'time_entry', id: adjustment.entryId },
        details: {
          adjustmentId: adjustment.id,
          customerId: adjustment.customerId,
          ticketId,
          month: adjustment.month,
          minutes: adjustment.minutes,
          note: personalDetail(adjustment.note, ticketId),
        },
      });
      backend.emit('billing.changed', { month: adjustment.month, customerId: adjustment.customerId });
      return adjustment;
    },
    'billing.listAdjustments': async (filter) => listAdjustments(ctx().db, filter),
  };
}
