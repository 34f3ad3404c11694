import { useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { datePattern, dayToText, monthPattern, monthToText, textToDay, textToMonth } from './dateText.ts';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'defaultValue'> & {
  /** An ISO value (`2026-12-04`, `2026-12`) or ''. */
  value: string;
  /** Called with an ISO value or '' once what is typed is one (or nothing); never with half-typed text. */
  onChange(isoValue: string): void;
  ref?: (element: HTMLElement | null) => void;
};

interface Written {
  /** The ISO value as the chosen language writes it. */
  toText(isoValue: string): string;
  /** What is typed as an ISO value: '' for nothing, null for text that is none. */
  fromText(text: string): string | null;
  pattern(): string;
}

/**
 * A value typed in the chosen language's way, in place of the native date and month inputs that follow the browser's
 * locale. What is typed stays as typed until it is a value; text that is none marks the field invalid and changes
 * nothing.
 */
function WrittenInput({
  value,
  onChange,
  className,
  onBlur,
  written,
  ...rest
}: Props & { written: Written }) {
  const { i18n } = useTranslation();
  const shown = written.toText(value);
  const [draft, setDraft] = useState(shown);
  const [seen, setSeen] = useState({ value, language: i18n.language });
  // A value set from elsewhere (clearing the filters, the month stepper) or a language switch rewrites the text.
  if (seen.value !== value || seen.language !== i18n.language) {
    setSeen({ value, language: i18n.language });
    if (written.fromText(draft) !== value || seen.language !== i18n.language) setDraft(shown);
  }
  const invalid = written.fromText(draft) === null;
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      className={className ?? 'input'}
      placeholder={written.pattern()}
      value={draft}
      aria-invalid={invalid || rest['aria-invalid'] === true ? true : undefined}
      onChange={(event) => {
        setDraft(event.target.value);
        const typed = written.fromText(event.target.value);
        if (typed !== null && typed !== value) onChange(typed);
      }}
      onBlur={(event) => {
        if (!invalid) setDraft(written.toText(written.fromText(draft) ?? ''));
        onBlur?.(event);
      }}
    />
  );
}

const days: Written = { toText: dayToText, fromText: textToDay, pattern: datePattern };
const months: Written = { toText: monthToText, fromText: textToMonth, pattern: monthPattern };

/** A date typed the chosen language's way (`2026-12-04` in Swedish, `04/12/2026` in English); the value is ISO. */
export function DateInput(props: Props) {
  return <WrittenInput {...props} written={days} />;
}

/** A month typed the chosen language's way (`2026-12` in Swedish, `12/2026` in English); the value is ISO. */
export function MonthInput(props: Props) {
  return <WrittenInput {...props} written={months} />;
}
