import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { shortcutList } from './shortcuts.ts';

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation(['shortcuts', 'common']);
  return (
    <Dialog title={t('shortcuts:title')} onClose={onClose}>
      <dl className="shortcuts">
        {shortcutList.map(({ keys, what }) => (
          <Fragment key={what}>
            <dt>
              {keys.map((combo, i) => (
                <Fragment key={combo.join('+')}>
                  {i > 0 && <span className="shortcuts__or"> {t('shortcuts:or')} </span>}
                  {combo.map((key, j) => (
                    <Fragment key={key}>
                      {j > 0 && '+'}
                      <kbd>{t(`shortcuts:keys.${key}`)}</kbd>
                    </Fragment>
                  ))}
                </Fragment>
              ))}
            </dt>
            <dd>{t(`shortcuts:what.${what}`)}</dd>
          </Fragment>
        ))}
      </dl>
      <DialogActions>
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          {t('common:actions.close')}
        </button>
      </DialogActions>
    </Dialog>
  );
}
