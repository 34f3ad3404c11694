import { useId, type ReactNode } from 'react';
import './radioChoices.css';

export interface RadioChoice<T extends string> {
  value: T;
  label: string;
  /** A line under the label saying what choosing it means. */
  hint?: string;
}

interface RadioChoicesProps<T extends string> {
  legend: string;
  options: readonly RadioChoice<T>[];
  value: T;
  onChange(value: T): void;
  disabled?: boolean;
  /** Something shown beside an option's label (a "Suggested" badge). */
  aside?(value: T): ReactNode;
  /** The first radio, for a form that moves the cursor to an invalid field. */
  attachFirst?(element: HTMLElement | null): void;
  error?: string | null;
  children?: ReactNode;
}

/** One choice out of a few, each with a hint: native radios, so the arrow keys move between them. */
export function RadioChoices<T extends string>({
  legend,
  options,
  value,
  onChange,
  disabled,
  aside,
  attachFirst,
  error,
  children,
}: RadioChoicesProps<T>) {
  const id = useId();
  return (
    <fieldset className="fieldset choices" disabled={disabled}>
      <legend>{legend}</legend>
      <div className="choices__list" role="radiogroup" aria-label={legend}>
        {options.map((option, index) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div key={option.value} className="choices__item">
              <input
                id={optionId}
                ref={index === 0 ? attachFirst : undefined}
                type="radio"
                name={id}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
              />
              <div>
                <label className="choices__label" htmlFor={optionId}>
                  {option.label}
                </label>
                {aside?.(option.value)}
                {option.hint && (
                  <span className="choices__hint" id={`${optionId}-hint`}>
                    {option.hint}
                  </span>
                )}
              </div>
            </div>
          );
        })}
      </div>
      {children}
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
