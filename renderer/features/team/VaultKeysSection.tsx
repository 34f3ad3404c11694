import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('team');
  const vault = useTeamStore((s) => s.vault);
  const members = useTeamStore((s) => s.members);
  const grantKeys = useTeamStore((s) => s.grantKeys);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [recovering, setRecovering] = useState(false);
  if (!vault) return null;
  const lacking = lackingKeys(vault, members);
  const notHeld = vault.trees.filter((tree) => !tree.held).map((tree) => tree.tree);

  async function grant() {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const granted = await grantKeys();
      setNotice(granted.length === 0 ? t('vault.allHave') : t('vault.given', { count: granted.length }));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t('vault.title')} intro={t('vault.intro')}>
      <div className="card team__keys">
        {lacking.length === 0 ? (
          <p className="muted" data-testid="keys-complete">
            {t('vault.complete')}
          </p>
        ) : (
          <ul className="team__lacking" data-testid="keys-lacking">
            {lacking.map((l) => (
              <li key={l.userId}>
                <Trans
                  t={t}
                  i18nKey={l.hasPublicKey ? 'vault.lacking' : 'vault.lackingNoKey'}
                  values={{ name: l.name, trees: treeList(l.trees) }}
                  components={{ strong: <strong /> }}
                />
              </li>
            ))}
          </ul>
        )}
        {notHeld.length > 0 && <p className="muted">{t('vault.notHeld', { trees: treeList(notHeld) })}</p>}
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
              {busy ? t('vault.giving') : t('vault.give')}
            </button>
          )}
          <button type="button" className="button" onClick={() => setRecovering(true)}>
            {t('vault.recover')}
          </button>
        </div>
      </div>
      {recovering && <RecoverDialog onClose={() => setRecovering(false)} />}
    </Section>
  );
}
