import type { Verdict } from '../../../common/agreements/verdict.ts';

/** Every reason of a verdict, blockers first, each with its code (what support leads search for) and sentence. */
export function ReasonList({ verdict }: { verdict: Verdict }) {
  if (verdict.blockers.length === 0 && verdict.warnings.length === 0) {
    return <p className="reasons__none">Everything required is in place.</p>;
  }
  return (
    <ul className="reasons">
      {verdict.blockers.map((reason) => (
        <li key={`${reason.code}-${reason.message}`} className="reasons__item reasons__item--blocker">
          <span className="reasons__code">{reason.code}</span> {reason.message}
        </li>
      ))}
      {verdict.warnings.map((reason) => (
        <li key={`${reason.code}-${reason.message}`} className="reasons__item reasons__item--warning">
          <span className="reasons__code">{reason.code}</span> {reason.message}
        </li>
      ))}
    </ul>
  );
}
