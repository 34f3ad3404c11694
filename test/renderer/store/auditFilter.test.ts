import { describe, expect, it } from 'vitest';
import {
  auditFilterProblem,
  auditListInput,
  isFiltered,
  noAuditFilter,
} from '../../../renderer/store/audit/auditFilter.ts';

describe('the audit view filters as an audit.list call', () => {
  it('sends only the filters that are set', () => {
    expect(auditListInput(noAuditFilter, { limit: 100 })).toEqual({ limit: 100 });
    expect(isFiltered(noAuditFilter)).toBe(false);
    const filter = {
      ...noAuditFilter,
      event: 'session.opened' as const,
      actorId: 'u1',
      subjectType: 'session',
      subjectId: '  s1 ',
    };
    expect(isFiltered(filter)).toBe(true);
    expect(auditListInput(filter, { limit: 100, beforeSeq: 7 })).toEqual({
      limit: 100,
      beforeSeq: 7,
      event: 'session.opened',
      actorId: 'u1',
      subjectType: 'session',
      subjectId: 's1',
    });
  });

  it('turns Swedish days into a period from the first midnight to the midnight after the last day', () => {
    // 29 March 2026: Swedish clocks go from 02:00 CET to 03:00 CEST, so the day is 23 hours long.
    const input = auditListInput(
      { ...noAuditFilter, fromDay: '2026-03-29', toDay: '2026-03-29' },
      { limit: 1 },
    );
    expect(input.from).toBe(Date.UTC(2026, 2, 28, 23));
    expect(input.to).toBe(Date.UTC(2026, 2, 29, 22));
    // A winter day is 24 hours, starting at 23:00 UTC the day before.
    const winter = auditListInput(
      { ...noAuditFilter, fromDay: '2026-01-15', toDay: '2026-01-16' },
      { limit: 1 },
    );
    expect(winter.to! - winter.from!).toBe(48 * 3_600_000);
    expect(winter.from).toBe(Date.UTC(2026, 0, 14, 23));
  });

  it('leaves an open end open, and says what main would refuse before anything is sent', () => {
    expect(auditListInput({ ...noAuditFilter, fromDay: '2026-01-15' }, { limit: 1 })).toEqual({
      limit: 1,
      from: Date.UTC(2026, 0, 14, 23),
    });
    expect(auditFilterProblem({ ...noAuditFilter, fromDay: '2026-01-15' })).toBeNull();
    expect(auditFilterProblem({ ...noAuditFilter, fromDay: '2026-01-16', toDay: '2026-01-15' })).toBe(
      'The end of the period must come after its start',
    );
  });
});
