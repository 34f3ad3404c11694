import { Fragment } from 'react';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { shortcutList } from './shortcuts.ts';

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <dl className="shortcuts">
        {shortcutList.map(({ keys, what }) => (
          <Fragment key={what}>
            <dt>
              {keys.map((combo, i) => (
                <Fragment key={combo.join('+')}>
                  {i > 0 && <span className="shortcuts__or"> or </span>}
                  {combo.map((key, j) => (
                    <Fragment key={key}>
                      {j > 0 && '+'}
                      <kbd>{key}</kbd>
                    </Fragment>
                  ))}
                </Fragment>
              ))}
            </dt>
            <dd>{what}</dd>
          </Fragment>
        ))}
      </dl>
      <DialogActions>
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          Close
        </button>
      </DialogActions>
    </Dialog>
  );
}
