import { useEffect, useId, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict, ConflictField, ConflictSide } from './form/conflict.ts';
import type { FormValues } from './form/formSpec.ts';
import { formatDateTime } from '../i18n/format.ts';
import { conflictSentence, staleRecordInWords } from './conflictSentence.ts';
import './conflictPanel.css';

interface ConflictPanelProps {
  conflict: Conflict<FormValues>;
  onChoose(field: string, side: ConflictSide): void;
  onReloadTheirs(): void;
}

/**
 * A colliding edit, field by field (issue 14): what the person opened, what is stored now and who stored it, what
 * they typed, and a choice per field; the form's own Save sends the choices. Native radios in a fieldset per field,
 * so Tab moves between fields and the arrow keys between "keep mine" and "use theirs". The cursor starts on the first
 * field's choice, so a keyboard user lands in the panel, not behind it.
 */
export function ConflictPanel({ conflict, onChoose, onReloadTheirs }: ConflictPanelProps) {
  const { t } = useTranslation('forms');
  const headingId = useId();
  const first = useRef<HTMLInputElement>(null);
  const reload = useRef<HTMLButtonElement>(null);
  const { details } = conflict;

  useEffect(() => {
    (first.current ?? reload.current)?.focus();
  }, [details.rowVersion]);

  const storedBy = [details.changedBy, details.changedAt === null ? null : formatDateTime(details.changedAt)]
    .filter(Boolean)
    .join(', ');

  return (
    <section className="conflict" aria-labelledby={headingId}>
      <h3 className="conflict__title" id={headingId}>
        {t('conflict.title')}
      </h3>
      <p className="callout" role="alert">
        {conflictSentence(details)}
      </p>
      {conflict.fields.length === 0 ? (
        <p>{t('conflict.nothingDiffers')}</p>
      ) : (
        <ul className="conflict__fields">
          {conflict.fields.map((field, index) => (
            <li key={field.name}>
              <FieldChoice
                field={field}
                storedBy={storedBy}
                firstRef={index === 0 ? first : undefined}
                onChoose={(side) => onChoose(field.name, side)}
              />
            </li>
          ))}
        </ul>
      )}
      <div className="conflict__reload">
        <button ref={reload} type="button" className="button" onClick={onReloadTheirs}>
          {t('conflict.reload')}
        </button>
        <span className="field__hint">
          {t('conflict.reloadHint', { record: staleRecordInWords(details.record) })}
        </span>
      </div>
    </section>
  );
}

function FieldChoice({
  field,
  storedBy,
  firstRef,
  onChoose,
}: {
  field: ConflictField;
  storedBy: string;
  firstRef?: RefObject<HTMLInputElement | null>;
  onChoose(side: ConflictSide): void;
}) {
  const { t } = useTranslation('forms');
  const name = useId();
  const choices: { side: ConflictSide; label: string }[] = [
    { side: 'mine', label: t('conflict.keepMine') },
    { side: 'theirs', label: t('conflict.useTheirs') },
  ];
  return (
    <fieldset className="conflict__field">
      <legend className="conflict__label">{field.label}</legend>
      <dl className="conflict__values">
        <div className="conflict__value">
          <dt>{t('conflict.opened')}</dt>
          <dd>{field.opened}</dd>
        </div>
        <div className="conflict__value conflict__value--theirs">
          <dt>{storedBy ? t('conflict.storedBy', { by: storedBy }) : t('conflict.stored')}</dt>
          <dd>{field.stored}</dd>
        </div>
        <div className="conflict__value conflict__value--mine">
          <dt>{t('conflict.typed')}</dt>
          <dd>{field.mine}</dd>
        </div>
      </dl>
      <div className="conflict__choices">
        {choices.map(({ side, label }) => (
          <label key={side} className="conflict__choice">
            <input
              ref={field.choice === side ? firstRef : undefined}
              type="radio"
              name={name}
              value={side}
              checked={field.choice === side}
              onChange={() => onChoose(side)}
            />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
