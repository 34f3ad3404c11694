import type { Handlers } from '../api/dispatcher.ts';
import type { Backend } from '../app/backend.node.ts';
import { accessReport } from './accessReport.ts';
import { accessReportCsv, accessReportFileName } from './accessReportCsv.ts';

type ReportHandlers = Pick<Handlers, Extract<keyof Handlers, `reports.${string}`>>;

/** The access report per customer: read it, or take it out as CSV (audited). */
export function reportHandlers(backend: Backend): ReportHandlers {
  const db = () => backend.registryContext().db;
  return {
    'reports.access': async (period) => accessReport(db(), period),
    'reports.exportAccess': async ({ excelSv, ...period }) => {
      const report = await accessReport(db(), period);
      const csv = accessReportCsv(report, { excelSv });
      // Written before the file leaves, with ids, the period and counts only: the next report lists this export.
      await backend.audit().append({
        event: 'report.access_exported',
        subject: { type: 'customer', id: report.customerId },
        details: {
          from: report.from,
          to: report.to,
          sessions: report.sessions.length,
          exports: report.exports.length,
        },
      });
      return {
        fileName: accessReportFileName(report),
        mediaType: 'text/csv; charset=utf-8',
        csv,
        report,
      };
    },
  };
}
