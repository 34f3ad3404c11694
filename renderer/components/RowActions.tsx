import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The last column's header: it holds each row's buttons and needs no visible title. */
export function ActionsHeader() {
  const { t } = useTranslation('common');
  return (
    <th scope="col">
      <span className="visually-hidden">{t('rows.actions')}</span>
    </th>
  );
}

/** A row's buttons, right-aligned in the last column. */
export function RowActions({ children }: { children: ReactNode }) {
  return (
    <td className="table__actions">
      <div className="row-actions">{children}</div>
    </td>
  );
}

/**
 * A row's Edit and Delete, each named after the row for assistive technology ("Edit server adfs01.kommun.se"), since
 * every row has the same two words. `name` is in the chosen language already ("server adfs01…", "servern adfs01…").
 */
export function EditDeleteButtons({
  name,
  onEdit,
  onDelete,
}: {
  name: string;
  onEdit(): void;
  onDelete(): void;
}) {
  const { t } = useTranslation('common');
  return (
    <>
      <button
        type="button"
        className="button button--quiet button--small"
        aria-label={t('rows.editNamed', { name })}
        onClick={onEdit}
      >
        {t('actions.edit')}
      </button>
      <button
        type="button"
        className="button button--quiet-danger button--small"
        aria-label={t('rows.deleteNamed', { name })}
        onClick={onDelete}
      >
        {t('actions.delete')}
      </button>
    </>
  );
}
