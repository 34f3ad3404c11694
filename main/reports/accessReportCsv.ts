import { auditEventLabels } from '../../common/audit/auditEvents.ts';
import {
  csvNumber,
  csvRow,
  plainCsv,
  swedishExcelCsv,
  UTF8_BOM,
  type CsvCell,
} from '../../common/csv/csv.ts';
import type { AccessReport } from '../../common/reports/accessReport.ts';
import { formatInstant } from '../tickets/formatInstant.ts';
import { daysOfPeriod } from './reportPeriod.ts';

/*
 * The access report as one CSV table (RFC 4180, UTF-8 with BOM, formula-safe through common/csv): a row per session,
 * then a row per export or reveal, told apart by the first column, so it sorts and filters as one sheet. Instants
 * are ISO 8601 in Swedish time with their offset.
 */

export const accessReportColumns = [
  'Record',
  'At (Stockholm)',
  'Ended (Stockholm)',
  'Duration (s)',
  'Who',
  'Environment',
  'Server',
  'Server role',
  'Session kind',
  'End state',
  'Ticket ref',
  'Ticket id',
  'Recorded',
  'Eligibility overridden',
  'Event',
  'Subject type',
  'Subject id',
  'Subject ref',
] as const;

export const LOCAL_TERMINAL = 'local terminal';

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** To the second: `2026-11-23T13:05:09+01:00`. */
const instant = (ms: number) => formatInstant(Math.floor(ms / 1000) * 1000);

export function accessReportCsv(report: AccessReport, options: { excelSv: boolean }): string {
  const dialect = options.excelSv ? swedishExcelCsv : plainCsv;
  let text = UTF8_BOM + csvRow([...accessReportColumns], dialect);
  for (const s of report.sessions) {
    const cells: CsvCell[] = [
      'session',
      instant(s.openedAt),
      s.closedAt === null ? '' : instant(s.closedAt),
      s.durationSeconds === null ? '' : csvNumber(s.durationSeconds),
      s.technicianName,
      s.environmentName ?? '(deleted environment)',
      s.serverHost ?? LOCAL_TERMINAL,
      s.serverRole ?? '',
      s.kind,
      s.endCode ? `${s.state} (${s.endCode})` : s.state,
      s.ticketRef,
      s.ticketId,
      yesNo(s.recorded),
      yesNo(s.overridden),
      '',
      '',
      '',
      '',
    ];
    text += csvRow(cells, dialect);
  }
  for (const e of report.exports) {
    const cells: CsvCell[] = [
      'export',
      instant(e.at),
      '',
      '',
      e.actorName,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      auditEventLabels[e.event],
      e.subjectType ?? '',
      e.subjectId ?? '',
      e.subjectRef,
    ];
    text += csvRow(cells, dialect);
  }
  return text;
}

/** `access-report-212000-0704-2026-11-01--2026-11-30.csv`. */
export function accessReportFileName(report: Pick<AccessReport, 'orgNumber' | 'from' | 'to'>): string {
  const { firstDay, lastDay } = daysOfPeriod(report.from, report.to);
  return `access-report-${report.orgNumber.replace(/[^0-9A-Za-z-]/g, '')}-${firstDay}--${lastDay}.csv`;
}
