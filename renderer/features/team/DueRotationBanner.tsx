import { useState } from 'react';
import { errorMessage } from '../../store/errorMessage.ts';
import { dueReason, dueTrees, selectRotationRunning, treeNames } from '../../store/team/selectors.ts';
import { useTeamStore } from '../../store/StoreProvider.tsx';
import { RotationStatus } from './RotationStatus.tsx';

/**
 * A rotation left due (a removal by the CLI or another admin's Lotsen that stopped, a reissued code, one this admin
 * could not run) or stopped midway: which key, why, and a button that runs it with its progress. A key this admin does
 * not hold is said to wait for a member who does.
 */
export function DueRotationBanner() {
  const vault = useTeamStore((s) => s.vault);
  const rotation = useTeamStore((s) => s.rotation);
  const running = useTeamStore(selectRotationRunning);
  const rotate = useTeamStore((s) => s.rotate);
  const clearRotation = useTeamStore((s) => s.clearRotation);
  const [ran, setRan] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const due = dueTrees(vault);
  const canRun = due.some((t) => t.held);

  if (due.length === 0 && !ran) return null;
  return (
    <section className="callout team__banner" aria-label="Key rotation due" data-testid="rotation-banner">
      {due.length > 0 ? (
        <>
          <p>
            <strong>
              {due.length === 1 ? 'A key of the vault is' : 'Keys of the vault are'} due for rotation:
            </strong>
          </p>
          <ul>
            {due.map((t) => (
              <li key={t.tree}>
                The key to {treeNames[t.tree]}, because {dueReason(t.reason)}
                {t.rotatingTo !== null && ` (under way: generation ${t.generation} → ${t.rotatingTo})`}
                {!t.held && '. You hold no key of it: it rotates when a member who does unlocks Lotsen'}.
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>The vault’s keys are rotated.</p>
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
            {running ? 'Rotating…' : 'Rotate now'}
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
            Dismiss
          </button>
        )}
      </div>
    </section>
  );
}
