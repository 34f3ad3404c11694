import { describe, expect, it } from 'vitest';
import type { TimeEntryView } from '../../../../common/time/model.ts';
import { validate } from '../../../../renderer/components/form/fieldErrors.ts';
import { adjustmentSpec } from '../../../../renderer/features/timesheet/adjustmentForm.ts';
import { classifySpec, classifyValues } from '../../../../renderer/features/timesheet/classifyForm.ts';
import {
  manualEntrySpec,
  manualEntryValues,
  type ManualEntryValues,
} from '../../../../renderer/features/timesheet/manualEntryForm.ts';
import { classificationText } from '../../../../renderer/features/timesheet/timeLabels.ts';
import { canDelete, isLocked } from '../../../../renderer/store/time/slices/timesheet/selectors.ts';

const TICKET = '0193c0de-0000-7000-8000-000000000001';
const ENTRY = '0193c0de-0000-7000-8000-000000000002';

const check = (values: ManualEntryValues) => {
  const errors = validate(manualEntrySpec.schema, manualEntrySpec.toInput(values), manualEntrySpec.fields);
  const extra = manualEntrySpec.check?.(values) ?? [];
  return { ...errors.byField, ...Object.fromEntries(extra.map((i) => [i.path, i.message])) };
};

describe('the manual entry form', () => {
  const good: ManualEntryValues = {
    ticketId: TICKET,
    day: '2026-11-18',
    startedAt: '09:00',
    endedAt: '09:37',
    note: '',
  };

  it('turns a Swedish day and times into the API input', () => {
    expect(check(good)).toEqual({});
    expect(manualEntrySpec.toInput(good)).toEqual({
      ticketId: TICKET,
      startedAt: Date.parse('2026-11-18T08:00:00Z'),
      endedAt: Date.parse('2026-11-18T08:37:00Z'),
      note: '',
    });
  });

  it('says what is wrong beside each field, in words', () => {
    expect(check({ ...good, ticketId: '' })).toMatchObject({ ticketId: 'Choose a ticket' });
    expect(check({ ...good, startedAt: '' })).toMatchObject({ startedAt: 'Start must be a time like 09:30' });
    expect(check({ ...good, endedAt: '08:00' })).toMatchObject({
      endedAt: 'The end must be after the start',
    });
    expect(check({ ...good, day: '18/11' })).toMatchObject({ day: 'Date must be a day like 16/11/2026' });
  });

  it('opens on today when today is in the week shown, else on its Monday', () => {
    const wednesday = Date.parse('2026-11-18T10:00:00+01:00');
    expect(manualEntryValues('2026-11-16', wednesday, TICKET).day).toBe('2026-11-18');
    expect(manualEntryValues('2026-11-09', wednesday, TICKET).day).toBe('2026-11-09');
  });
});

describe('the classify form', () => {
  const entry = {
    classification: 'unclassified',
    workType: null,
    suggestion: { classification: 'billable', workType: 'non_standard_access', reason: 'TeamViewer' },
  } as Pick<TimeEntryView, 'classification' | 'workType' | 'suggestion'>;

  it("starts on Lotsen's suggestion for an unclassified entry, and on the entry's own choice after that", () => {
    expect(classifyValues(entry)).toEqual({
      values: { classification: 'billable', workType: 'non_standard_access' },
      fromSuggestion: true,
    });
    expect(classifyValues({ ...entry, classification: 'no_charge' })).toEqual({
      values: { classification: 'no_charge', workType: '' },
      fromSuggestion: false,
    });
    expect(classifyValues({ ...entry, suggestion: null }).values.classification).toBe('included');
  });

  it('asks for a work type only for billable time, and drops it otherwise', () => {
    const spec = classifySpec;
    const errors = validate(
      spec.schema,
      spec.toInput({ classification: 'billable', workType: '' }),
      spec.fields,
    );
    expect(errors.byField).toEqual({ workType: 'Billable time needs a work type' });
    expect(spec.toInput({ classification: 'included', workType: 'project' })).toEqual({
      classification: 'included',
      workType: null,
    });
    expect(classificationText({ classification: 'billable', workType: 'project' })).toBe(
      'Billable · Project work',
    );
  });
});

describe('adjustments and locks', () => {
  it('reads minutes as people type them', () => {
    const spec = adjustmentSpec(ENTRY);
    expect(spec.toInput({ minutes: '−15', note: 'Dubbelregistrerat' })).toEqual({
      entryId: ENTRY,
      minutes: -15,
      note: 'Dubbelregistrerat',
    });
    const errors = validate(spec.schema, spec.toInput({ minutes: '', note: '' }), spec.fields);
    expect(Object.keys(errors.byField).sort()).toEqual(['minutes', 'note']);
  });

  it('a locked entry is never deleted; nor is a running one or a session’s', () => {
    const base = { batchId: null, source: 'manual', endedAt: 1 } as const;
    expect(canDelete(base)).toBe(true);
    expect(isLocked({ batchId: ENTRY })).toBe(true);
    expect(canDelete({ ...base, batchId: ENTRY })).toBe(false);
    expect(canDelete({ ...base, endedAt: null })).toBe(false);
    expect(canDelete({ ...base, source: 'session' })).toBe(false);
  });
});
