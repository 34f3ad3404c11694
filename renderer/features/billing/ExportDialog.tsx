import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { CustomerMonth } from '../../../common/billing/model.ts';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { downloadBase64 } from '../../components/download.ts';
import { formatCount } from '../../i18n/format.ts';
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
  const { t } = useTranslation(['billing', 'common']);
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
    <Dialog title={t('billing:exportDialog.title', { month: monthLabel(month) })} onClose={close}>
      <div className="form">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-scope`}>
            {t('billing:exportDialog.what')}
          </label>
          <select
            id={`${id}-scope`}
            className="input input--select"
            value={scope}
            disabled={running}
            onChange={(e) => setScope(e.target.value)}
          >
            <option value="">{t('billing:exportDialog.everyCustomer', { month: monthLabel(month) })}</option>
            {customers.map((c) => (
              <option key={c.customerId} value={c.customerId}>
                {exportScopeLabel(c)}
              </option>
            ))}
          </select>
        </div>
        <RadioChoices
          legend={t('billing:exportDialog.format')}
          options={exportChoices()}
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
                  aria-label={t('billing:exportDialog.progress')}
                />
                <span>
                  {job.total > 0
                    ? t('billing:exportDialog.writing', {
                        done: formatCount(job.done),
                        total: formatCount(job.total),
                      })
                    : t('billing:exportDialog.starting')}
                </span>
              </>
            )}
            {job.state === 'done' && (
              <p className="callout callout--success">
                <Trans
                  t={t}
                  i18nKey="billing:exportDialog.saved"
                  values={{
                    fileName: job.fileName ?? '',
                    rows: t('billing:exportDialog.rows', { count: job.rows ?? 0 }),
                    size: formatBytes(job.bytes ?? 0),
                  }}
                  components={{ file: <span className="mono" /> }}
                />
                {job.preview && t('billing:exportDialog.previewNote')}
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
            {job?.state === 'done' ? t('common:actions.close') : t('common:actions.cancel')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={running}
            onClick={() => void start()}
          >
            {running
              ? t('billing:exportDialog.exporting')
              : job?.state === 'done'
                ? t('billing:exportDialog.again')
                : t('common:actions.export')}
          </button>
        </DialogActions>
      </div>
    </Dialog>
  );
}
