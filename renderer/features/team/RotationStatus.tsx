import { useTranslation } from 'react-i18next';
import { formatCount } from '../../i18n/format.ts';
import type { RotationJob } from '../../store/team/initialState.ts';
import { describeRotations, rotationFraction, treeName } from '../../store/team/selectors.ts';

/**
 * A rotation of the vault's keys as it runs: a bar per tree with the data keys re-wrapped so far (main's
 * `team.rotationProgress` events), then what rotated and what is left due for a member who holds the key.
 */
export function RotationStatus({ job }: { job: RotationJob }) {
  const { t } = useTranslation('team');
  return (
    <div className="team__rotation" role="status" data-testid="rotation-status">
      {job.progress.map((p) => (
        <div key={p.tree} className="team__rotation-tree">
          <span>
            {t('rotation.tree', { tree: treeName(p.tree), from: p.from, to: p.to })}{' '}
            <span data-testid={`rotation-count-${p.tree}`}>
              {t('rotation.count', { done: formatCount(p.done), total: formatCount(p.total) })}
            </span>
            {p.finished && ' ✓'}
          </span>
          <progress
            className="team__progress"
            max={1}
            value={rotationFraction(p)}
            aria-label={t('rotation.progressLabel', { tree: treeName(p.tree) })}
          />
        </div>
      ))}
      {job.state === 'running' && job.progress.length === 0 && (
        <p className="muted">{t('rotation.running')}</p>
      )}
      {job.state === 'done' && job.result && (
        <ul className="team__rotation-result" data-testid="rotation-result">
          {describeRotations(job.result).map((line) => (
            <li key={line}>{line}</li>
          ))}
          {job.result.rotated.length === 0 && job.result.leftDue.length === 0 && (
            <li>{t('rotation.nothing')}</li>
          )}
        </ul>
      )}
      {job.state === 'failed' && (
        <p className="form-errors" role="alert">
          {t('rotation.failed', { error: job.error ?? '' })}
        </p>
      )}
    </div>
  );
}
