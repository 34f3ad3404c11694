import { useCallback, useEffect, useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Verdict } from '../../../common/agreements/verdict.ts';
import type { TimeEntryView } from '../../../common/time/model.ts';
import { Badge } from '../../components/Badge.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { reasonSentence } from '../../components/ReasonList.tsx';
import { formatDuration, formatElapsed } from '../../i18n/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PeriodStepper } from '../../components/PeriodStepper.tsx';
import { ActionsHeader, RowActions } from '../../components/RowActions.tsx';
import { Section } from '../../components/Section.tsx';
import { selectLocalUser } from '../../store/app/selectors.ts';
import { errorMessage } from '../../store/errorMessage.ts';
import { listShows } from '../../store/listShows.ts';
import { useAppStore, useTimeStore } from '../../store/StoreProvider.tsx';
import { selectTimerElapsed } from '../../store/time/slices/timer/selectors.ts';
import {
  canDelete,
  isLocked,
  selectTechnicians,
  selectWeekDays,
  selectWeekSummary,
} from '../../store/time/slices/timesheet/selectors.ts';
import { clockTime, dayLabel, weekLabel, weekStartOf } from '../../store/time/week.ts';
import { VerdictBadge } from '../contracts/VerdictBadge.tsx';
import { AdjustmentDialog } from './AdjustmentDialog.tsx';
import { ClassifyDialog } from './ClassifyDialog.tsx';
import { ManualEntryDialog } from './ManualEntryDialog.tsx';
import {
  classificationText,
  classificationTones,
  suggestionReason,
  suggestionText,
  timeSourceLabel,
} from './timeLabels.ts';
import './timesheet.css';

type EntryDialog =
  | { kind: 'classify'; entry: TimeEntryView }
  | { kind: 'adjust'; entry: TimeEntryView }
  | { kind: 'delete'; entry: TimeEntryView }
  | { kind: 'manual' };

/** A technician's week, Monday to Sunday in Swedish time: the timer, every entry, and how each is charged. */
export function TimesheetPage() {
  const { t } = useTranslation(['timesheet', 'common']);
  const user = useAppStore(selectLocalUser);
  const me = { id: user?.id ?? '', name: user?.name ?? t('timesheet:me') };
  const weekStart = useTimeStore((s) => s.weekStart);
  const status = useTimeStore((s) => s.sheetStatus);
  const loadError = useTimeStore((s) => s.sheetError);
  const chosen = useTimeStore((s) => s.technicianId);
  const technicianId = chosen ?? me.id;
  const days = useTimeStore((s) => selectWeekDays(s, technicianId));
  const summary = useTimeStore((s) => selectWeekSummary(s, technicianId));
  const technicians = useTimeStore((s) => selectTechnicians(s, me));
  const openTimesheet = useTimeStore((s) => s.openTimesheet);
  const stepWeek = useTimeStore((s) => s.stepWeek);
  const showThisWeek = useTimeStore((s) => s.showThisWeek);
  const setTechnician = useTimeStore((s) => s.setTechnician);
  const classify = useTimeStore((s) => s.classify);
  const removeEntry = useTimeStore((s) => s.removeEntry);
  const tickets = useTimeStore((s) => s.tickets);
  const [dialog, setDialog] = useState<EntryDialog | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const shows = listShows({ status, error: loadError, count: summary.entries });
  const technicianSelect = useId();

  useEffect(() => openTimesheet(), [openTimesheet]);

  const step = useCallback((delta: number) => stepWeek(delta), [stepWeek]);
  const close = useCallback(() => setDialog(null), []);
  const [thisWeek] = useState(() => weekStartOf(Date.now()));
  const isThisWeek = weekStart === thisWeek;

  const acceptSuggestion = (entry: TimeEntryView) => {
    if (!entry.suggestion) return;
    // Billable without a work type (time outside the agreement): the technician picks the type in the dialog.
    if (entry.suggestion.classification === 'billable' && entry.suggestion.workType === null) {
      setDialog({ kind: 'classify', entry });
      return;
    }
    setActionError(null);
    classify({
      entryId: entry.id,
      rowVersion: entry.rowVersion,
      classification: entry.suggestion.classification,
      workType: entry.suggestion.workType,
    }).catch((e) => setActionError(errorMessage(e)));
  };

  return (
    <div className="page timesheet">
      <PageHeader
        title={t('timesheet:title')}
        intro={t('timesheet:intro')}
        action={
          <button type="button" className="button" onClick={() => setDialog({ kind: 'manual' })}>
            {t('timesheet:addManually')}
          </button>
        }
      />

      <TimerPanel />

      <div className="timesheet__toolbar">
        <PeriodStepper
          unit="week"
          label={weekLabel(weekStart)}
          onStep={step}
          current={{ label: t('timesheet:thisWeek'), onSelect: showThisWeek, disabled: isThisWeek }}
        />
        <div className="timesheet__technician">
          <label htmlFor={technicianSelect}>{t('timesheet:technician')}</label>
          <select
            id={technicianSelect}
            className="input input--select"
            value={technicianId}
            onChange={(e) => setTechnician(e.target.value === me.id ? null : e.target.value)}
          >
            {technicians.map((tech) => (
              <option key={tech.id} value={tech.id}>
                {tech.id === me.id ? t('timesheet:you', { name: tech.name }) : tech.name}
              </option>
            ))}
          </select>
        </div>
      </div>

      {(loadError || actionError) && (
        <p className="form-errors" role="alert">
          {actionError ?? loadError}
        </p>
      )}

      <p className="timesheet__summary" data-testid="week-summary">
        <span>
          <Trans
            t={t}
            i18nKey="timesheet:worked"
            values={{ time: formatDuration(summary.seconds) }}
            components={{ strong: <strong /> }}
          />
        </span>
        <span>{t('timesheet:entries', { count: summary.entries })}</span>
        {summary.unclassified > 0 && (
          <span>
            <Badge tone="warning">{t('timesheet:unclassified', { count: summary.unclassified })}</Badge>
          </span>
        )}
        {summary.locked > 0 && <span>{t('timesheet:locked', { count: summary.locked })}</span>}
      </p>

      {shows === 'error-only' ? null : shows === 'empty-state' ? (
        <EmptyState
          title={t('timesheet:emptyTitle')}
          action={
            <button type="button" className="button" onClick={() => setDialog({ kind: 'manual' })}>
              {t('timesheet:addManually')}
            </button>
          }
        >
          {t('timesheet:emptyText')}
        </EmptyState>
      ) : (
        <div className="card">
          <table className="table" aria-label={t('timesheet:tableLabel', { week: weekLabel(weekStart) })}>
            <thead>
              <tr>
                <th scope="col">{t('timesheet:col.time')}</th>
                <th scope="col">{t('timesheet:col.ticket')}</th>
                <th scope="col">{t('timesheet:col.worked')}</th>
                <th scope="col">{t('timesheet:col.source')}</th>
                <th scope="col">{t('timesheet:col.classification')}</th>
                <ActionsHeader />
              </tr>
            </thead>
            {days.map(({ day, entries, seconds }) => (
              <tbody key={day} data-testid="timesheet-day">
                <tr
                  className={entries.length === 0 ? 'timesheet__day timesheet__day--empty' : 'timesheet__day'}
                >
                  <th scope="colgroup" colSpan={6}>
                    <span className="timesheet__day-name">{dayLabel(day)}</span>
                    <span className="timesheet__day-total">
                      {entries.length > 0 ? formatDuration(seconds) : t('timesheet:noTime')}
                    </span>
                  </th>
                </tr>
                {entries.map((entry) => (
                  <EntryRow
                    key={entry.id}
                    entry={entry}
                    onClassify={() => setDialog({ kind: 'classify', entry })}
                    onAccept={() => acceptSuggestion(entry)}
                    onAdjust={() => setDialog({ kind: 'adjust', entry })}
                    onDelete={() => setDialog({ kind: 'delete', entry })}
                  />
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}

      {dialog?.kind === 'manual' && <ManualEntryDialog tickets={tickets} onClose={close} />}
      {dialog?.kind === 'classify' && <ClassifyDialog entry={dialog.entry} onClose={close} />}
      {dialog?.kind === 'adjust' && <AdjustmentDialog entry={dialog.entry} onClose={close} />}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t('timesheet:deleteTitle')}
          confirmLabel={t('timesheet:deleteConfirm')}
          onConfirm={() => removeEntry(dialog.entry.id)}
          onClose={close}
        >
          {t('timesheet:deleteText', {
            subject: dialog.entry.ticketSubject,
            customer: dialog.entry.customerName,
            span: `${clockTime(dialog.entry.startedAt)}${dialog.entry.endedAt !== null ? `–${clockTime(dialog.entry.endedAt)}` : ''}`,
          })}
        </ConfirmDialog>
      )}
    </div>
  );
}

function EntryRow({
  entry,
  onClassify,
  onAccept,
  onAdjust,
  onDelete,
}: {
  entry: TimeEntryView;
  onClassify(): void;
  onAccept(): void;
  onAdjust(): void;
  onDelete(): void;
}) {
  const { t } = useTranslation(['timesheet', 'common']);
  const locked = isLocked(entry);
  const running = entry.endedAt === null;
  const what = t('timesheet:entryAt', { subject: entry.ticketSubject, time: clockTime(entry.startedAt) });
  return (
    <tr data-testid="time-entry-row" data-locked={locked ? 'true' : undefined}>
      <td className="mono timesheet__time">
        {clockTime(entry.startedAt)}–{entry.endedAt === null ? '' : clockTime(entry.endedAt)}
      </td>
      <td>
        <span className="cell-strong">{entry.ticketSubject}</span>
        <span className="muted"> · {entry.customerName}</span>
        {entry.note && <span className="timesheet__suggestion">{entry.note}</span>}
        {entry.verdict && <EntryVerdict verdict={entry.verdict} />}
      </td>
      <td className="timesheet__time">
        {running ? <RunningFor entry={entry} /> : formatDuration(entry.actualSeconds ?? 0)}
      </td>
      <td>{timeSourceLabel(entry.source)}</td>
      <td>
        <Badge tone={classificationTones[entry.classification]}>{classificationText(entry)}</Badge>
        {locked && (
          <>
            {' '}
            <Badge tone="neutral" title={t('timesheet:lockedTitle')}>
              {t('timesheet:lockedBadge')}
            </Badge>
          </>
        )}
        {entry.classification === 'unclassified' && entry.suggestion && (
          <span className="timesheet__suggestion" title={suggestionReason(entry.suggestion)}>
            {t('timesheet:suggested', { what: suggestionText(entry.suggestion) })}
          </span>
        )}
      </td>
      <RowActions>
        {locked ? (
          <button
            type="button"
            className="button button--quiet button--small"
            aria-label={t('timesheet:adjustLabel', { what })}
            onClick={onAdjust}
          >
            {t('timesheet:adjust')}
          </button>
        ) : (
          <>
            {entry.classification === 'unclassified' && entry.suggestion && (
              <button
                type="button"
                className="button button--small"
                aria-label={t('timesheet:acceptLabel', { what })}
                title={t('timesheet:acceptTitle', { what: suggestionText(entry.suggestion) })}
                onClick={onAccept}
              >
                {t('timesheet:accept')}
              </button>
            )}
            <button
              type="button"
              className="button button--quiet button--small"
              aria-label={t('timesheet:classifyLabel', { what })}
              onClick={onClassify}
            >
              {t('timesheet:classify')}
            </button>
            {canDelete(entry) && (
              <button
                type="button"
                className="button button--quiet-danger button--small"
                aria-label={t('timesheet:deleteLabel', { what })}
                onClick={onDelete}
              >
                {t('common:actions.delete')}
              </button>
            )}
          </>
        )}
      </RowActions>
    </tr>
  );
}

/** A running entry's time so far: the local user's timer ticks with the chip; others show when they began. */
function RunningFor({ entry }: { entry: TimeEntryView }) {
  const { t } = useTranslation('timesheet');
  const mine = useTimeStore((s) => s.running?.id === entry.id);
  const elapsed = useTimeStore(selectTimerElapsed);
  return (
    <Badge tone="success">{mine ? t('runningFor', { elapsed: formatElapsed(elapsed) }) : t('running')}</Badge>
  );
}

/** Start the timer on an open ticket, or see and stop the one that runs. */
function TimerPanel() {
  const { t } = useTranslation('timesheet');
  const running = useTimeStore((s) => s.running);
  const tickets = useTimeStore((s) => s.tickets);
  const busy = useTimeStore((s) => s.timerBusy);
  const startTimer = useTimeStore((s) => s.startTimer);
  const stopTimer = useTimeStore((s) => s.stopTimer);
  const elapsed = useTimeStore(selectTimerElapsed);
  const [ticketId, setTicketId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const selectId = useId();
  const chosen = tickets.some((ticket) => ticket.id === ticketId) ? ticketId : (tickets[0]?.id ?? '');

  const run = (work: () => Promise<unknown>) => {
    setError(null);
    work().catch((e) => setError(errorMessage(e)));
  };

  return (
    <Section title={t('timer.title')} intro={t('timer.intro')}>
      <div className="card timesheet__timer">
        {running && (
          <p className="timesheet__running" data-testid="timer-running">
            <Badge tone="success">{t('running')}</Badge>
            <span>
              <span className="cell-strong">{running.ticketSubject}</span>
              <span className="muted"> · {running.customerName}</span>
            </span>
            <span className="mono">{formatElapsed(elapsed)}</span>
            <button type="button" className="button" disabled={busy} onClick={() => run(stopTimer)}>
              {t('timer.stop')}
            </button>
          </p>
        )}
        {tickets.length === 0 ? (
          <p className="muted">{t('timer.noTickets')}</p>
        ) : (
          <>
            <div className="field">
              <label className="field__label" htmlFor={selectId}>
                {running ? t('timer.switchTo') : t('timer.ticket')}
              </label>
              <select
                id={selectId}
                className="input input--select"
                value={chosen}
                onChange={(e) => setTicketId(e.target.value)}
              >
                {tickets.map((ticket) => (
                  <option key={ticket.id} value={ticket.id}>
                    {t('timer.ticketOption', { customer: ticket.customerName, subject: ticket.subject })}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="button button--primary"
              disabled={busy || chosen === '' || running?.ticketId === chosen}
              onClick={() => run(() => startTimer(chosen))}
            >
              {t('timer.start')}
            </button>
          </>
        )}
        {error && (
          <p className="form-errors" role="alert">
            {error}
          </p>
        )}
      </div>
    </Section>
  );
}

/** The entry's eligibility when it started: a badge, and the first blocker (else warning) in words. */
function EntryVerdict({ verdict }: { verdict: Verdict }) {
  const first = verdict.blockers[0] ?? verdict.warnings[0];
  const all = [...verdict.blockers, ...verdict.warnings].map(reasonSentence).join('\n');
  return (
    <span className="timesheet__verdict" data-testid="entry-verdict" title={all || undefined}>
      <VerdictBadge status={verdict.status} />
      {first && <span className="muted"> {reasonSentence(first)}</span>}
    </span>
  );
}
