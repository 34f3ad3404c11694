import type { ReactNode } from 'react';
import './gate.css';

/** The calm, centred page used before the registry is open: set-up, lock and connecting. */
export function GateLayout({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <main className="gate">
      <div className="gate__panel">
        <p className="gate__brand" aria-hidden="true">
          Lotsen
        </p>
        <h1>{title}</h1>
        {intro && <div className="gate__intro">{intro}</div>}
        {children}
      </div>
    </main>
  );
}
