import { useState } from 'react';
import { Section } from '../../components/Section.tsx';
import { errorMessage } from '../../store/errorMessage.ts';
import { canGrant, lackingKeys, treeList } from '../../store/team/selectors.ts';
import { useTeamStore } from '../../store/StoreProvider.tsx';
import { RecoverDialog } from './RecoverDialog.tsx';

/**
 * The vault's keys for the members: who lacks one they are entitled to (enrolled before the vault, or invited while a
 * key rotated) with a button that wraps the keys this admin holds for them; and the recovery kit, for an admin whose
 * own keys are gone.
 */
export function VaultKeysSection() {
  const vault = useTeamStore((s) => s.vault);
  const members = useTeamStore((s) => s.members);
  const grantKeys = useTeamStore((s) => s.grantKeys);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [recovering, setRecovering] = useState(false);
  if (!vault) return null;
  const lacking = lackingKeys(vault, members);
  const notHeld = vault.trees.filter((t) => !t.held).map((t) => t.tree);

  async function grant() {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const granted = await grantKeys();
      setNotice(
        granted.length === 0
          ? 'Every member entitled to a key you hold has it.'
          : `Keys given to ${granted.length === 1 ? 'one member' : `${granted.length} members`}.`,
      );
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title="The vault’s keys" intro="Who holds a key to customers’ secrets and personal data.">
      <div className="card team__keys">
        {lacking.length === 0 ? (
          <p className="muted" data-testid="keys-complete">
            Every enrolled member holds the keys their role may hold.
          </p>
        ) : (
          <ul className="team__lacking" data-testid="keys-lacking">
            {lacking.map((l) => (
              <li key={l.userId}>
                <strong>{l.name}</strong> holds no key to {treeList(l.trees)}
                {l.hasPublicKey
                  ? '.'
                  : ': their Lotsen has not published its key yet (it does when they next unlock), then give it.'}
              </li>
            ))}
          </ul>
        )}
        {notHeld.length > 0 && (
          <p className="muted">
            You hold no key to {treeList(notHeld)}: a member who does gives it, or restore yours with the
            recovery kit.
          </p>
        )}
        {notice && (
          <p className="callout callout--success" role="status">
            {notice}
          </p>
        )}
        {error && (
          <p className="form-errors" role="alert">
            {error}
          </p>
        )}
        <div className="team__banner-actions">
          {canGrant(vault) && (
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void grant()}
            >
              {busy ? 'Giving keys…' : 'Give them the keys'}
            </button>
          )}
          <button type="button" className="button" onClick={() => setRecovering(true)}>
            Recover from the kit…
          </button>
        </div>
      </div>
      {recovering && <RecoverDialog onClose={() => setRecovering(false)} />}
    </Section>
  );
}
