import { GateLayout } from '../../components/GateLayout.tsx';

/**
 * Browser mode, once `lotsen serve` has ended this page's session (after inactivity, or because Lotsen was locked).
 * Nothing of the app stays on screen, and the page cannot reopen the session itself: only a new link can.
 */
export function SessionEndedScreen({ reason }: { reason: string }) {
  return (
    <GateLayout
      title="Your browser session has ended"
      intro={
        <>
          <p>{reason}</p>
          <p>
            To continue, go to the terminal where <code>lotsen serve</code> runs and press Enter. It prints a
            new link; open that link. Each link works once.
          </p>
        </>
      }
    />
  );
}
