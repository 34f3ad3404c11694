import type { BillableWorkType, RoundingScope } from '../../common/agreements/model.ts';

/** What an agreement says about turning time into money (all amounts integer öre, durations whole minutes). */
export interface BillingRules {
  incrementMinutes: number;
  scope: RoundingScope;
  minimumMinutes: number;
  hourlyRatesOre: Partial<Record<BillableWorkType, number>>;
}

export interface BillableEntry {
  entryId: string;
  ticketId: string;
  /** The Swedish calendar date the work was done on (YYYY-MM-DD). */
  day: string;
  workType: BillableWorkType;
  actualSeconds: number;
}

export interface BilledLine {
  /** The entries this line bills: one when rounding per entry, all of a ticket's day when per ticket and day. */
  entryIds: string[];
  ticketId: string;
  day: string;
  workType: BillableWorkType;
  actualMinutes: number;
  billedMinutes: number;
  rateOre: number;
  amountOre: number;
}

/**
 * Rounds billable time as the agreement says, keeping actual and billed minutes apart so every rounding can be
 * explained: each line is rounded UP to the increment and to at least the minimum charge. Per ticket and day, a
 * ticket's entries of one work type on one day are summed first and rounded once.
 */
export function billLines(entries: readonly BillableEntry[], rules: BillingRules): BilledLine[] {
  if (!Number.isInteger(rules.incrementMinutes) || rules.incrementMinutes < 1) {
    throw new RangeError('The rounding increment must be a whole number of minutes, at least 1');
  }
  const groups = new Map<string, BillableEntry[]>();
  for (const entry of entries) {
    const key = rules.scope === 'entry' ? entry.entryId : `${entry.ticketId}|${entry.day}|${entry.workType}`;
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const actualSeconds = group.reduce((sum, e) => sum + e.actualSeconds, 0);
    const billedMinutes = roundBilledMinutes(actualSeconds, rules);
    const rateOre = rules.hourlyRatesOre[first.workType] ?? 0;
    return {
      entryIds: group.map((e) => e.entryId),
      ticketId: first.ticketId,
      day: first.day,
      workType: first.workType,
      actualMinutes: Math.round(actualSeconds / 60),
      billedMinutes,
      rateOre,
      amountOre: amountFor(billedMinutes, rateOre),
    };
  });
}

/** Up to the next whole increment, then up to the minimum charge; no time, no charge. */
export function roundBilledMinutes(
  actualSeconds: number,
  rules: Pick<BillingRules, 'incrementMinutes' | 'minimumMinutes'>,
): number {
  if (actualSeconds <= 0) return 0;
  const incrementSeconds = rules.incrementMinutes * 60;
  const rounded = Math.ceil(actualSeconds / incrementSeconds) * rules.incrementMinutes;
  return Math.max(rounded, rules.minimumMinutes);
}

/**
 * minutes x öre per hour / 60, to whole öre, halves up (towards +∞: 0.5 öre -> 1). Callers pass minutes and rates
 * ≥ 0 (a correction is priced as the difference of two such amounts), so this is also half away from zero for
 * them. Integer arithmetic: no float drift.
 */
export function amountFor(billedMinutes: number, rateOre: number): number {
  const numerator = billedMinutes * rateOre;
  return Math.floor((numerator + 30) / 60);
}
