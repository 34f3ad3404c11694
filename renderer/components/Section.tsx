import { useId, type ReactNode } from 'react';
import './section.css';

interface SectionProps {
  title: ReactNode;
  /** A line under the title saying what the section is for. */
  intro?: ReactNode;
  /** The section's own button(s), at the right of its header. */
  action?: ReactNode;
  children: ReactNode;
}

/** A titled part of a page: heading, intro and action in one header row, named for assistive technology. */
export function Section({ title, intro, action, children }: SectionProps) {
  const titleId = useId();
  return (
    <section className="section" aria-labelledby={titleId}>
      <SectionHeader titleId={titleId} title={title} intro={intro} action={action} />
      {children}
    </section>
  );
}

export function SectionHeader({
  titleId,
  title,
  intro,
  action,
}: {
  titleId: string;
  title: ReactNode;
  intro?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="section__header">
      <div>
        <h2 id={titleId}>{title}</h2>
        {intro && <p className="muted">{intro}</p>}
      </div>
      {action}
    </div>
  );
}
