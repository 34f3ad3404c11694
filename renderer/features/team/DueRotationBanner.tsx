import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../store/errorMessage.ts';
import { dueReason, dueTrees, selectRotationRunning, treeName } from '../../store/team/selectors.ts';
import { useTeamStore } from '../../store/StoreProvider.tsx';
import { RotationStatus } from './RotationStatus.tsx';

/**
 * A rotation left due (a removal by the CLI or another admin's Lotsen that stopped, a reissued code, one this admin
 * could not run) or stopped midway: which key, why, and a button that runs it with its progress. A key this admin does
 * not hold is said to wait for a member who does.
 */
export function DueRotationBanner() {
  const { t } = useTranslation('team');
  const vault = useTeamStore((s) => s.vault);
  const rotation = useTeamStore((s) => s.rotation);
  const running = useTeamStore(selectRotationRunning);
  const rotate = useTeamStore((s) => s.rotate);
  const clearRotation = useTeamStore((s) => s.clearRotation);
  const [ran, setRan] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const due = dueTrees(vault);
  const canRun = due.some((d) => d.held);

  if (due.length === 0 && !ran) return null;
  return (
    <section className="callout team__banner" aria-label={t('due.label')} data-testid="rotation-banner">
      {due.length > 0 ? (
        <>
          <p>
            <strong>{due.length === 1 ? t('due.one') : t('due.many')}</strong>
          </p>
          <ul>
            {due.map((d) => (
              <li key={d.tree}>
                {t('due.line', { tree: treeName(d.tree), reason: dueReason(d.reason) })}
                {d.rotatingTo !== null && t('due.underWay', { from: d.generation, to: d.rotatingTo })}
                {!d.held && t('due.notHeld')}
                {t('due.end')}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('due.allRotated')}</p>
      )}
      {ran && rotation && <RotationStatus job={rotation} />}
      {error && (
        <p className="form-errors" role="alert">
          {error}
        </p>
      )}
      <div className="team__banner-actions">
        {canRun && (
          <button
            type="button"
            className="button button--primary"
            disabled={running}
            onClick={() => {
              setRan(true);
              setError(null);
              rotate().catch((failure: unknown) => setError(errorMessage(failure)));
            }}
          >
            {running ? t('due.rotating') : t('due.rotateNow')}
          </button>
        )}
        {ran && !running && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setRan(false);
              clearRotation();
            }}
          >
            {t('due.dismiss')}
          </button>
        )}
      </div>
    </section>
  );
}
