import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isTyping } from '../features/shell/shortcuts.ts';
import './period.css';

interface PeriodStepperProps {
  /** `week` or `month`: names the buttons ("Previous week"). */
  unit: 'week' | 'month';
  /** The period shown, as a heading. */
  label: ReactNode;
  onStep(delta: number): void;
  /** Back to the period holding today, e.g. "This week"; left out when there is none. */
  current?: { label: string; onSelect(): void; disabled?: boolean };
  /** Anything else that picks a period (a month field). */
  children?: ReactNode;
}

/**
 * Previous and next buttons around a period's name. ← and → step too, from anywhere on the page, unless someone is
 * typing or a dialog is open (as the app's other single-key shortcuts).
 */
export function PeriodStepper({ unit, label, onStep, current, children }: PeriodStepperProps) {
  const { t } = useTranslation('forms');
  usePeriodKeys(onStep);
  return (
    <div className="period" role="group" aria-label={t(`period.${unit}.choose`)}>
      <button
        type="button"
        className="button button--small"
        aria-label={t(`period.${unit}.previous`)}
        title={t(`period.${unit}.previousKey`)}
        onClick={() => onStep(-1)}
      >
        <span aria-hidden="true">←</span>
      </button>
      <h2 className="period__label" aria-live="polite">
        {label}
      </h2>
      <button
        type="button"
        className="button button--small"
        aria-label={t(`period.${unit}.next`)}
        title={t(`period.${unit}.nextKey`)}
        onClick={() => onStep(1)}
      >
        <span aria-hidden="true">→</span>
      </button>
      {current && (
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={current.onSelect}
          disabled={current.disabled}
        >
          {current.label}
        </button>
      )}
      {children}
    </div>
  );
}

export function usePeriodKeys(onStep: (delta: number) => void): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      if (isTyping(event.target)) return;
      // Dialogs, and widgets that use the arrows themselves (tabs, radio groups, sliders), keep them.
      if (
        event.target instanceof Element &&
        event.target.closest('dialog, [role="tablist"], [role="radiogroup"]')
      )
        return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      onStep(event.key === 'ArrowLeft' ? -1 : 1);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onStep]);
}
