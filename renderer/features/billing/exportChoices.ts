import type { CustomerMonth, ExportFormat } from '../../../common/billing/model.ts';
import { t } from '../../i18n/i18n.ts';

export type ExportChoice = 'csv' | 'csv_excel_sv' | 'xlsx';

const choices: readonly ExportChoice[] = ['csv', 'csv_excel_sv', 'xlsx'];

/** The formats offered, in the chosen language (called while rendering). */
export function exportChoices(): { value: ExportChoice; label: string; hint: string }[] {
  return choices.map((value) => ({
    value,
    label: t(`billing:exportDialog.formats.${value}.label`),
    hint: t(`billing:exportDialog.formats.${value}.hint`),
  }));
}

export function exportFormatOf(choice: ExportChoice): { format: ExportFormat; excelSv: boolean } {
  if (choice === 'xlsx') return { format: 'xlsx', excelSv: false };
  return { format: 'csv', excelSv: choice === 'csv_excel_sv' };
}

/** What the export covers: the whole month, or one customer's month (its batch once approved). */
export function exportScopeLabel(customer: CustomerMonth): string {
  return customer.status === 'approved'
    ? t('billing:exportDialog.batch', { number: customer.batchNumber ?? '', customer: customer.customerName })
    : t('billing:exportDialog.preview', { customer: customer.customerName });
}

/** `1,2 kB`, `850 B`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString('sv-SE', { maximumFractionDigits: 1 })} ${units[unit]}`;
}
