import type { z } from 'zod';
import type { FieldIssue } from './errors.ts';

/*
 * How much one request may carry, and how much an error report about it may say. The ceilings are chosen from the
 * largest legitimate call, a registry import sent from the UI: a 2,000-customer registry (three contacts, three
 * environments with servers and accounts each) is 3.1 MB as the client sends it, 11.9 MB with an agreement, a DPA
 * and five described tickets per customer. A larger file is imported with `lotsen registry import`, which reads it
 * as a stream.
 */

/** The largest call a transport accepts, in bytes of JSON (the WebSocket's frame limit). */
export const MAX_REQUEST_BYTES = 16 * 1024 * 1024;
/**
 * Objects and arrays in one call. The registry above has about 70,000; parsing is what costs memory on a small
 * request (8 MB of `{},` becomes 270 MB of objects), so this, not the byte count, is what keeps it bounded.
 */
export const MAX_REQUEST_CONTAINERS = 500_000;
/** How deeply one call nests; the registry file nests 8 deep. */
export const MAX_REQUEST_DEPTH = 64;

/** Field issues one error report lists; the rest are counted in a last line. A screenful, with the message. */
export const MAX_REPORTED_ISSUES = 20;
/** Characters of an issue's message, record label or path; longer text is cut, so no report echoes a huge input. */
export const MAX_ISSUE_MESSAGE_CHARS = 300;
export const MAX_ISSUE_RECORD_CHARS = 80;
export const MAX_ISSUE_PATH_CHARS = 200;
/** Characters of an error's own message. */
export const MAX_ERROR_MESSAGE_CHARS = 1_000;

/** RFC 5321: an address is at most 254 characters in practice (256 with the path's brackets), its local part 64. */
export const MAX_EMAIL_CHARS = 254;
export const MAX_EMAIL_LOCAL_PART_CHARS = 64;

/** Cuts text to `max` characters, marking the cut, so a report never repeats a huge input whole. */
export function cutText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function cutIssue(issue: FieldIssue): FieldIssue {
  const cut: FieldIssue = {
    path: cutText(issue.path, MAX_ISSUE_PATH_CHARS),
    message: cutText(issue.message, MAX_ISSUE_MESSAGE_CHARS),
  };
  if (issue.record !== undefined) cut.record = cutText(issue.record, MAX_ISSUE_RECORD_CHARS);
  // Its values are bounded by the detail's own schema; the console words it from them, not from the cut message.
  if (issue.detail !== undefined) cut.detail = issue.detail;
  return cut;
}

/** The last line of a capped report. */
export function moreIssuesLine(count: number): FieldIssue {
  return {
    path: '',
    message: `…and ${count.toLocaleString('en-GB')} more ${count === 1 ? 'problem' : 'problems'}`,
  };
}

/**
 * Collects a report's issues: keeps the first MAX_REPORTED_ISSUES (cut to size) and only counts the rest, so a file
 * with millions of bad records is reported in bounded memory.
 */
export class IssueReport {
  private readonly kept: FieldIssue[] = [];
  private total = 0;
  private unchecked = 0;

  add(issue: FieldIssue): void {
    this.total += 1;
    if (this.kept.length < MAX_REPORTED_ISSUES) this.kept.push(cutIssue(issue));
  }

  /** An issue that must be seen whatever else is wrong (the whole file is too large): listed first. */
  addFirst(issue: FieldIssue): void {
    this.total += 1;
    this.kept.unshift(cutIssue(issue));
    if (this.kept.length > MAX_REPORTED_ISSUES) this.kept.pop();
  }

  /** Whether a screenful of issues is already kept: a reader of a huge file may stop checking records here. */
  get full(): boolean {
    return this.total >= MAX_REPORTED_ISSUES;
  }

  /** Counts a record that was not checked because the report was already full. */
  skipRecord(): void {
    this.unchecked += 1;
  }

  addAll(issues: Iterable<FieldIssue>): void {
    for (const issue of issues) this.add(issue);
  }

  /** A zod error's issues under `prefix`, for `record`; issues past the cap are only counted, never formatted. */
  addZod(error: z.ZodError, prefix: readonly (string | number)[] = [], record?: string): void {
    for (const issue of error.issues) {
      if (this.kept.length >= MAX_REPORTED_ISSUES) {
        this.total += 1;
        continue;
      }
      const path = [...prefix, ...issue.path].map(String).join('.');
      this.add(
        record === undefined ? { path, message: issue.message } : { path, message: issue.message, record },
      );
    }
  }

  /** Every issue seen, kept or only counted. */
  get count(): number {
    return this.total;
  }

  /** Records left unchecked because the report was already full. */
  get uncheckedRecords(): number {
    return this.unchecked;
  }

  /** The kept issues, and last lines counting the others and any records left unchecked. */
  issues(): FieldIssue[] {
    const more = this.total - this.kept.length;
    const lines = more > 0 ? [...this.kept, moreIssuesLine(more)] : [...this.kept];
    if (this.unchecked > 0) {
      lines.push({
        path: '',
        message: `…and ${this.unchecked.toLocaleString('en-GB')} more records not checked`,
      });
    }
    return lines;
  }
}

/** A list of issues as a capped report: a list that was already capped (its last lines included) passes unchanged. */
export function capIssues(issues: readonly FieldIssue[]): FieldIssue[] {
  if (issues.length <= MAX_REPORTED_ISSUES + 2 && issues.every(withinSize)) return [...issues];
  const report = new IssueReport();
  report.addAll(issues);
  return report.issues();
}

function withinSize(issue: FieldIssue): boolean {
  return (
    issue.path.length <= MAX_ISSUE_PATH_CHARS &&
    issue.message.length <= MAX_ISSUE_MESSAGE_CHARS &&
    (issue.record === undefined || issue.record.length <= MAX_ISSUE_RECORD_CHARS)
  );
}
