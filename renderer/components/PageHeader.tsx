import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  /** A line under the title saying what the page is for. */
  intro?: ReactNode;
  /** The page's own button(s), at the right of its header. */
  action?: ReactNode;
}

/** The top of a page: its one h1, what the page is for, and the page's own action beside them. */
export function PageHeader({ title, intro, action }: PageHeaderProps) {
  return (
    <header className="page__header">
      <div>
        <h1>{title}</h1>
        {intro && <p className="muted">{intro}</p>}
      </div>
      {action}
    </header>
  );
}
