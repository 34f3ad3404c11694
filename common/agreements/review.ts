import { z } from 'zod';
import { idSchema } from '../registry/model.ts';
import { customerKinds } from '../registry/vocabulary.ts';
import { csvRow } from '../csv/csv.ts';
import { verdictSchema, type VerdictStatus } from './verdict.ts';
import { lazily } from '../api/lazySchema.ts';
import { swedishCompare } from '../swedishCollation.ts';

export const eligibilityReviewRowSchema = lazily(() =>
  z.object({
    customerId: idSchema,
    name: z.string(),
    orgNumber: z.string(),
    kind: z.enum(customerKinds),
    verdict: verdictSchema,
  }),
);
export type EligibilityReviewRow = z.infer<typeof eligibilityReviewRowSchema>;

export interface ReviewFilter {
  status?: VerdictStatus | 'all';
  /** Only customers whose agreement or DPA ends within this many days of the verdict's instant. */
  endingWithinDays?: number | null;
  missingDpa?: boolean;
  query?: string;
}

export type ReviewSort = 'name' | 'status' | 'nextEnd';

const DAY_MS = 86_400_000;
const severity: Record<VerdictStatus, number> = { blocked: 0, warnings: 1, eligible: 2 };
const byName = swedishCompare({ sensitivity: 'base', numeric: true });

/** The review's filters and sorting, shared by the UI and `lotsen eligibility`. */
export function filterReview(
  rows: readonly EligibilityReviewRow[],
  filter: ReviewFilter,
  sort: ReviewSort = 'status',
): EligibilityReviewRow[] {
  const query = filter.query?.trim().toLocaleLowerCase('sv') ?? '';
  const kept = rows.filter((row) => {
    if (filter.status && filter.status !== 'all' && row.verdict.status !== filter.status) return false;
    if (filter.missingDpa && row.verdict.hasValidDpa) return false;
    if (filter.endingWithinDays != null) {
      if (row.verdict.nextEndOn === null) return false;
      const endsAt = Date.parse(`${row.verdict.nextEndOn}T23:59:59Z`);
      if (endsAt - row.verdict.at > filter.endingWithinDays * DAY_MS) return false;
    }
    if (query && !row.name.toLocaleLowerCase('sv').includes(query) && !row.orgNumber.includes(query))
      return false;
    return true;
  });
  return kept.sort((a, b) => {
    if (sort === 'status') {
      const bySeverity = severity[a.verdict.status] - severity[b.verdict.status];
      if (bySeverity !== 0) return bySeverity;
    }
    if (sort === 'nextEnd') {
      const aEnd = a.verdict.nextEndOn ?? '9999-12-31';
      const bEnd = b.verdict.nextEndOn ?? '9999-12-31';
      if (aEnd !== bEnd) return aEnd < bEnd ? -1 : 1;
    }
    return byName(a.name, b.name);
  });
}

/** RFC 4180 CSV of the review as shown, with every reason, for support leads to share. */
export function reviewToCsv(rows: readonly EligibilityReviewRow[]): string {
  const header = [
    'Customer',
    'Organisation number',
    'Status',
    'Blockers',
    'Warnings',
    'Next end date',
    'Verdict at',
  ];
  const lines = rows.map((row) => [
    row.name,
    row.orgNumber,
    row.verdict.status,
    row.verdict.blockers.map((r) => `${r.code}: ${r.message}`).join('\n'),
    row.verdict.warnings.map((r) => `${r.code}: ${r.message}`).join('\n'),
    row.verdict.nextEndOn ?? '',
    new Date(row.verdict.at).toISOString(),
  ]);
  return [header, ...lines].map((cells) => csvRow(cells)).join('');
}
