import { useTranslation } from 'react-i18next';
import type { Reason } from '../../common/agreements/verdict.ts';
import { reasonSentence } from './reasonSentence.ts';
import './reasons.css';

export { reasonSentence };

/** Warnings that say something is down now (an expired AD FS or WAP certificate): shown louder, still not blocking. */
const urgentWarnings: ReadonlySet<Reason['code']> = new Set(['CERTIFICATE_EXPIRED']);

/**
 * Reasons, blockers first, each with its code in words and sentence; the code itself (what support leads search for)
 * stays in the tooltip. Main can give a code
 * more than once (a support account missing in two environments), so each is kept by its place. With `none`, says
 * so when there are no reasons; without it, shows nothing.
 */
export function ReasonList({
  blockers = [],
  warnings = [],
  none,
}: {
  blockers?: readonly Reason[];
  warnings?: readonly Reason[];
  none?: string;
}) {
  if (blockers.length === 0 && warnings.length === 0) {
    return none === undefined ? null : <p className="reasons__none">{none}</p>;
  }
  return (
    <ul className="reasons">
      {blockers.map((reason, index) => (
        <li key={`blocker-${index}`} className="reasons__item reasons__item--blocker">
          <ReasonName code={reason.code} /> {reasonSentence(reason)}
        </li>
      ))}
      {warnings.map((reason, index) => (
        <li
          key={`warning-${index}`}
          className={`reasons__item reasons__item--warning${urgentWarnings.has(reason.code) ? ' reasons__item--urgent' : ''}`}
        >
          <ReasonName code={reason.code} /> {reasonSentence(reason)}
        </li>
      ))}
    </ul>
  );
}

/** A reason code in words, the code kept in its tooltip and data attribute for whoever searches by it. */
export function ReasonName({ code }: { code: Reason['code'] }) {
  const { t } = useTranslation('reasons');
  return (
    <span className="reasons__code" title={code} data-code={code}>
      {t(`codes.${code}`)}
    </span>
  );
}
