import { useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { datePattern, dayToText, textToDay } from './dateText.ts';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'defaultValue'> & {
  /** An ISO day (`2026-12-04`) or ''. */
  value: string;
  /** Called with an ISO day or '' once what is typed is a date (or nothing); never with half-typed text. */
  onChange(isoDay: string): void;
  ref?: (element: HTMLElement | null) => void;
};

/**
 * A date typed in the chosen language's way (`2026-12-04` in Swedish, `04/12/2026` in English), in place of the native
 * date input that follows the browser's locale. What is typed stays as typed until it is a date; text that is no
 * date marks the field invalid and changes nothing.
 */
export function DateInput({ value, onChange, className, onBlur, ...rest }: Props) {
  const { i18n } = useTranslation();
  const shown = dayToText(value);
  const [draft, setDraft] = useState(shown);
  const [seen, setSeen] = useState({ value, language: i18n.language });
  // A value set from elsewhere (clearing the filters) or a language switch rewrites the text.
  if (seen.value !== value || seen.language !== i18n.language) {
    setSeen({ value, language: i18n.language });
    if (textToDay(draft) !== value || seen.language !== i18n.language) setDraft(shown);
  }
  const invalid = textToDay(draft) === null;
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      className={className ?? 'input'}
      placeholder={datePattern()}
      value={draft}
      aria-invalid={invalid || rest['aria-invalid'] === true ? true : undefined}
      onChange={(event) => {
        setDraft(event.target.value);
        const day = textToDay(event.target.value);
        if (day !== null && day !== value) onChange(day);
      }}
      onBlur={(event) => {
        if (!invalid) setDraft(dayToText(textToDay(draft) ?? ''));
        onBlur?.(event);
      }}
    />
  );
}
