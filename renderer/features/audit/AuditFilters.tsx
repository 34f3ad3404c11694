import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditEventCodes, type AuditEventCode } from '../../../common/audit/auditEvents.ts';
import { isFiltered } from '../../store/audit/auditFilter.ts';
import { useAuditStore } from '../../store/StoreProvider.tsx';
import { subjectTypeLabel, subjectTypes } from './subjectTypes.ts';
import { DateInput } from '../../components/form/DateInput.tsx';
import { FormError } from '../../components/form/FormError.tsx';

/** Which events the audit view shows: by kind, who, what it was done to, and days in Swedish time. */
export function AuditFilters() {
  const id = useId();
  const filter = useAuditStore((s) => s.filter);
  const actors = useAuditStore((s) => s.actors);
  const problem = useAuditStore((s) => s.filterProblem);
  const setFilter = useAuditStore((s) => s.setFilter);
  const clearFilter = useAuditStore((s) => s.clearFilter);
  const { t } = useTranslation('audit');
  // A typed id applies on Enter or on leaving the field, not at each keystroke (each would query the log); a change
  // from elsewhere (a row's subject button, clearing the filters) replaces what is typed.
  const [subjectDraft, setSubjectDraft] = useState(filter.subjectId);
  const [appliedSubject, setAppliedSubject] = useState(filter.subjectId);
  if (filter.subjectId !== appliedSubject) {
    setAppliedSubject(filter.subjectId);
    setSubjectDraft(filter.subjectId);
  }
  const applySubject = () => {
    if (subjectDraft !== filter.subjectId) setFilter({ subjectId: subjectDraft });
  };

  return (
    <>
      <div className="audit__filters" role="group" aria-label={t('filters.label')}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-event`}>
            {t('filters.event')}
          </label>
          <select
            id={`${id}-event`}
            className="input input--select"
            value={filter.event}
            onChange={(e) => setFilter({ event: e.target.value as AuditEventCode | 'all' })}
          >
            <option value="all">{t('filters.allEvents')}</option>
            {auditEventCodes.map((code) => (
              <option key={code} value={code}>
                {t(`events.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-actor`}>
            {t('filters.who')}
          </label>
          <select
            id={`${id}-actor`}
            className="input input--select"
            value={filter.actorId}
            onChange={(e) => setFilter({ actorId: e.target.value })}
          >
            <option value="">{t('filters.anyone')}</option>
            {actors.map((actor) => (
              <option key={actor.actorId} value={actor.actorId}>
                {actor.actorName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-subject-type`}>
            {t('filters.subject')}
          </label>
          <select
            id={`${id}-subject-type`}
            className="input input--select"
            value={filter.subjectType}
            onChange={(e) => setFilter({ subjectType: e.target.value })}
          >
            <option value="">{t('filters.anything')}</option>
            {subjectTypes.map((type) => (
              <option key={type} value={type}>
                {subjectTypeLabel(type)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-subject-id`}>
            {t('filters.subjectId')}
          </label>
          <input
            id={`${id}-subject-id`}
            className="input mono"
            value={subjectDraft}
            placeholder={t('filters.subjectIdPlaceholder')}
            spellCheck={false}
            onChange={(e) => setSubjectDraft(e.target.value)}
            onBlur={applySubject}
            onKeyDown={(e) => {
              if (e.key === 'Enter') applySubject();
            }}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-from`}>
            {t('filters.from')}
          </label>
          <DateInput
            id={`${id}-from`}
            value={filter.fromDay}
            aria-invalid={problem !== null}
            onChange={(fromDay) => setFilter({ fromDay })}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-to`}>
            {t('filters.to')} <span className="field__optional">{t('filters.included')}</span>
          </label>
          <DateInput
            id={`${id}-to`}
            value={filter.toDay}
            aria-invalid={problem !== null}
            onChange={(toDay) => setFilter({ toDay })}
          />
        </div>
        {isFiltered(filter) && (
          <button type="button" className="button button--quiet audit__clear" onClick={clearFilter}>
            {t('clearFilters')}
          </button>
        )}
      </div>
      <p className="field__hint audit__zone">{t('filters.zone')}</p>
      <FormError message={problem} />
    </>
  );
}
