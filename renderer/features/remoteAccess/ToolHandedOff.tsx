import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../common/sessions/model.ts';
import { useSessionsStore } from '../../store/StoreProvider.tsx';

/**
 * An external tool that handed its connection over and ended at once (TeamViewer's launcher does): the session says
 * so, and goes on (its time running) until the person clicks Done, which ends it as Close does.
 */
export function ToolHandedOff({ session }: { session: SessionView }) {
  const { t } = useTranslation('remoteAccess');
  const close = useSessionsStore((s) => s.close);
  if (session.kind !== 'tool' || session.toolHandedOffAt === undefined || session.closedAt !== null)
    return null;
  return (
    <div className="session-bar__handed-off" role="status" data-testid="tool-handed-off">
      <p>{t('tool.handedOff', { tool: session.choices.tool ?? session.title })}</p>
      <button
        type="button"
        className="button button--small button--primary"
        onClick={() => void close(session.id)}
      >
        {t('tool.done')}
      </button>
    </div>
  );
}
