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
