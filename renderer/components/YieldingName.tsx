import type { NameRuns } from './nameRuns.ts';
import './yieldingName.css';

/**
 * A name on one line whose yielding part is ellipsized first when the line is short, the words around it kept whole.
 * The runs read as one text to a screen reader and to a search for it.
 */
export function YieldingName({ runs, className }: { runs: NameRuns; className?: string }) {
  return (
    <span className={className ? `yielding-name ${className}` : 'yielding-name'}>
      {runs.before && <span className="yielding-name__kept">{runs.before}</span>}
      <span className="yielding-name__yielding">{runs.yielding}</span>
      {runs.after && <span className="yielding-name__kept">{runs.after}</span>}
    </span>
  );
}
