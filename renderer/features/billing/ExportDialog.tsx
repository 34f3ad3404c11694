import { useId, useState } from 'react';
import type { CustomerMonth } from '../../../common/billing/model.ts';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { downloadBase64 } from '../../components/download.ts';
import { plural } from '../../i18n/format.ts';
import { RadioChoices } from '../../components/RadioChoices.tsx';
import { exportFraction } from '../../store/billing/slices/export/selectors.ts';
import { monthLabel } from '../../store/billing/months.ts';
import { useBillingStore } from '../../store/StoreProvider.tsx';
import {
  exportChoices,
  exportFormatOf,
  exportScopeLabel,
  formatBytes,
  type ExportChoice,
} from './exportChoices.ts';

/**
 * The finance export of a month (every customer) or of one customer's month, which is its batch once approved. The
 * file is made by main, with progress shown for long exports, and saved by the browser as a download.
 */
export function ExportDialog({
  month,
  customers,
  customerId = '',
  onClose,
}: {
  month: string;
  customers: CustomerMonth[];
  customerId?: string;
  onClose(): void;
}) {
  const id = useId();
  const [scope, setScope] = useState(customerId);
  const [choice, setChoice] = useState<ExportChoice>('csv');
  const job = useBillingStore((s) => s.exportJob);
  const runExport = useBillingStore((s) => s.runExport);
  const clearExport = useBillingStore((s) => s.clearExport);
  const running = job?.state === 'running';
  const fraction = exportFraction(job);

  async function start() {
    try {
      const result = await runExport({
        month,
        ...(scope === '' ? {} : { customerId: scope }),
        ...exportFormatOf(choice),
      });
      downloadBase64(result.fileName, result.contentBase64, result.mediaType);
    } catch {
      // The job says what went wrong.
    }
  }

  function close() {
    clearExport();
    onClose();
  }

  return (
    <Dialog title={`Export ${monthLabel(month)}`} onClose={close}>
      <div className="form">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-scope`}>
            What
          </label>
          <select
            id={`${id}-scope`}
            className="input input--select"
            value={scope}
            disabled={running}
            onChange={(e) => setScope(e.target.value)}
          >
            <option value="">Every customer, {monthLabel(month)}</option>
            {customers.map((c) => (
              <option key={c.customerId} value={c.customerId}>
                {exportScopeLabel(c)}
              </option>
            ))}
          </select>
        </div>
        <RadioChoices
          legend="Format"
          options={exportChoices}
          value={choice}
          onChange={(value: ExportChoice) => setChoice(value)}
          disabled={running}
        />
        {job && (
          <div className="export__status" role="status" data-testid="export-status">
            {job.state === 'running' && (
              <>
                <progress
                  className="export__progress"
                  max={1}
                  value={fraction ?? undefined}
                  aria-label="Export progress"
                />
                <span>
                  {job.total > 0
                    ? `Writing rows: ${job.done.toLocaleString('sv-SE')} of ${job.total.toLocaleString('sv-SE')}…`
                    : 'Starting the export…'}
                </span>
              </>
            )}
            {job.state === 'done' && (
              <p className="callout callout--success">
                Saved <span className="mono">{job.fileName}</span>: {plural(job.rows ?? 0, 'row', 'rows')},{' '}
                {formatBytes(job.bytes ?? 0)}.
                {job.preview && ' Holds a month that is not approved yet, so its rows are a preview.'}
              </p>
            )}
            {job.state === 'failed' && (
              <p className="form-errors" role="alert">
                {job.error}
              </p>
            )}
          </div>
        )}
        <DialogActions>
          <button type="button" className="button" onClick={close}>
            {job?.state === 'done' ? 'Close' : 'Cancel'}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={running}
            onClick={() => void start()}
          >
            {running ? 'Exporting…' : job?.state === 'done' ? 'Export again' : 'Export'}
          </button>
        </DialogActions>
      </div>
    </Dialog>
  );
}
