import { Trans, useTranslation } from 'react-i18next';
import { GateLayout } from '../../components/GateLayout.tsx';

/**
 * Browser mode, once `lotsen serve` has ended this page's session (after inactivity, or because Lotsen was locked).
 * Nothing of the app stays on screen, and the page cannot reopen the session itself: only a new link can.
 */
export function SessionEndedScreen({ reason }: { reason: string }) {
  const { t } = useTranslation('shell');
  return (
    <GateLayout
      title={t('sessionEnded.title')}
      intro={
        <>
          <p>{reason}</p>
          <p>
            <Trans t={t} i18nKey="sessionEnded.howTo" components={{ code: <code /> }} />
          </p>
        </>
      }
    />
  );
}
