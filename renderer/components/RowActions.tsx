import type { ReactNode } from 'react';

/** The last column's header: it holds each row's buttons and needs no visible title. */
export function ActionsHeader() {
  return (
    <th scope="col">
      <span className="visually-hidden">Actions</span>
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
 * every row has the same two words.
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
  return (
    <>
      <button
        type="button"
        className="button button--quiet button--small"
        aria-label={`Edit ${name}`}
        onClick={onEdit}
      >
        Edit
      </button>
      <button
        type="button"
        className="button button--quiet-danger button--small"
        aria-label={`Delete ${name}`}
        onClick={onDelete}
      >
        Delete
      </button>
    </>
  );
}
