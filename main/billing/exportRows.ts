/** The finance export's rows and columns, shared by the CSV and XLSX writers. */
import type { BillingLineKind } from '../../common/billing/model.ts';

export const exportColumns = [
  'Customer',
  'Organisation number',
  'Agreement',
  'Batch',
  'Line',
  'Ticket',
  'Subject',
  'Date',
  'Technician',
  'Work type',
  'Actual minutes',
  'Billed minutes',
  'Billed hours',
  'Rate (SEK/h)',
  'Amount (SEK)',
  'Note',
] as const;

export const summaryColumns = [
  'Customer',
  'Organisation number',
  'Month',
  'Batch',
  'Approved',
  'Approved by',
  'Lines',
  'Actual minutes',
  'Billed minutes',
  'Billed hours',
  'Amount (SEK)',
] as const;

/** One detail row, as both formats write it. */
export interface ExportRow {
  customer: string;
  orgNumber: string;
  agreement: string;
  batch: string;
  kind: BillingLineKind;
  ticketRef: string;
  subject: string;
  day: string;
  technician: string;
  workType: string;
  actualMinutes: number;
  billedMinutes: number;
  rateOre: number;
  amountOre: number;
  note: string;
}

export interface SummaryRow {
  customer: string;
  orgNumber: string;
  month: string;
  batch: string;
  approvedAt: number | null;
  approvedBy: string;
  lines: number;
  actualMinutes: number;
  billedMinutes: number;
  amountOre: number;
}

export interface RowWriter {
  /** Writes the header; a workbook also writes its summary sheet, one row per customer, first. */
  begin(summaries: readonly SummaryRow[]): Promise<void>;
  writeRows(rows: readonly ExportRow[]): Promise<void>;
  finish(): Promise<void>;
}
