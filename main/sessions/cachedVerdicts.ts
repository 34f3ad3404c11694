import { OpeningNeeds } from './openingReads.ts';
import type { Admission } from './sessionGate.ts';

/** A verdict older than this does not open a session while the team database is away (issue 14). */
export const CACHED_VERDICT_FRESH_MS = 60 * 60_000;

export interface CachedAdmission {
  /** What the gate answered when the database was there: the ticket, the environment and the verdict. */
  admission: Admission;
  /** When that verdict was fetched (UTC epoch ms, the backend's clock). */
  fetchedAt: number;
  /** What opening its sessions read besides the verdict, kept with it for a session opened on it (openingReads.ts). */
  needs: OpeningNeeds;
}

/**
 * The gate's last answers, per ticket and environment, so a session can still start while the team database cannot
 * be reached (a customer's full-tunnel VPN came up, say) if its verdict is fresh. Per ticket rather than per customer:
 * the verdict also weighs the ticket's service and requester. Kept in memory only, and forgotten when Lotsen locks:
 * a verdict's messages can name the requester, which never goes to a plain file.
 */
export class CachedVerdicts {
  private readonly answers = new Map<string, CachedAdmission>();

  remember(input: GateQuestion, admission: Admission, fetchedAt: number): void {
    // What earlier sessions read stays (another server's hops, say), each part as old as it is.
    const needs = this.answers.get(keyOf(input))?.needs ?? new OpeningNeeds();
    this.answers.set(keyOf(input), { admission, fetchedAt, needs });
  }

  /** The newest answer for this ticket and environment, fresh or not; null when there is none. */
  latest(input: GateQuestion): CachedAdmission | null {
    return this.answers.get(keyOf(input)) ?? null;
  }

  forget(): void {
    this.answers.clear();
  }
}

export interface GateQuestion {
  ticketId: string;
  environmentId: string;
}

/** Whether a verdict fetched at `fetchedAt` may still open a session at `now`; one from the future may not. */
export function isFresh(fetchedAt: number, now: number): boolean {
  const age = now - fetchedAt;
  return age >= 0 && age <= CACHED_VERDICT_FRESH_MS;
}

const keyOf = (input: GateQuestion) => `${input.ticketId}\u0000${input.environmentId}`;
