import type { CustomerMonth, ExportFormat } from '../../../common/billing/model.ts';

export type ExportChoice = 'csv' | 'csv_excel_sv' | 'xlsx';

export const exportChoices: { value: ExportChoice; label: string; hint: string }[] = [
  { value: 'csv', label: 'CSV', hint: 'Comma-separated, decimal point: for finance systems and scripts.' },
  {
    value: 'csv_excel_sv',
    label: 'CSV for Excel (Swedish)',
    hint: 'Semicolons and decimal commas, as Excel on a Swedish Windows opens it with a double-click.',
  },
  { value: 'xlsx', label: 'Excel workbook (XLSX)', hint: 'A summary sheet per customer and a detail sheet.' },
];

export function exportFormatOf(choice: ExportChoice): { format: ExportFormat; excelSv: boolean } {
  if (choice === 'xlsx') return { format: 'xlsx', excelSv: false };
  return { format: 'csv', excelSv: choice === 'csv_excel_sv' };
}

/** What the export covers: the whole month, or one customer's month (its batch once approved). */
export function exportScopeLabel(customer: CustomerMonth): string {
  return customer.status === 'approved'
    ? `Batch ${customer.batchNumber} — ${customer.customerName}`
    : `${customer.customerName} (not approved: preview)`;
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
