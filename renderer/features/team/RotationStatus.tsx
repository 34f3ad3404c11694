import type { RotationJob } from '../../store/team/initialState.ts';
import { describeRotations, rotationFraction, treeNames } from '../../store/team/selectors.ts';

/**
 * A rotation of the vault's keys as it runs: a bar per tree with the data keys re-wrapped so far (main's
 * `team.rotationProgress` events), then what rotated and what is left due for a member who holds the key.
 */
export function RotationStatus({ job }: { job: RotationJob }) {
  const count = (n: number) => n.toLocaleString('sv-SE');
  return (
    <div className="team__rotation" role="status" data-testid="rotation-status">
      {job.progress.map((p) => (
        <div key={p.tree} className="team__rotation-tree">
          <span>
            Key to {treeNames[p.tree]}, generation {p.from} → {p.to}:{' '}
            <span data-testid={`rotation-count-${p.tree}`}>
              {count(p.done)} of {count(p.total)} data keys re-wrapped
            </span>
            {p.finished && ' ✓'}
          </span>
          <progress
            className="team__progress"
            max={1}
            value={rotationFraction(p)}
            aria-label={`Rotation of the key to ${treeNames[p.tree]}`}
          />
        </div>
      ))}
      {job.state === 'running' && job.progress.length === 0 && <p className="muted">Rotating the keys…</p>}
      {job.state === 'done' && job.result && (
        <ul className="team__rotation-result" data-testid="rotation-result">
          {describeRotations(job.result).map((line) => (
            <li key={line}>{line}</li>
          ))}
          {job.result.rotated.length === 0 && job.result.leftDue.length === 0 && (
            <li>No key needed rotating.</li>
          )}
        </ul>
      )}
      {job.state === 'failed' && (
        <p className="form-errors" role="alert">
          The rotation stopped: {job.error} What was done stays; run it again from the banner to finish it.
        </p>
      )}
    </div>
  );
}
