import { useTranslation } from 'react-i18next';
import type { ToolView } from '../../../common/sessions/tools.ts';
import { Badge } from '../../components/Badge.tsx';
import '../sessions/preConnect.css';

/**
 * An external tool's launch template in the launch dialog, all of it, wrapped rather than scrolled: with what approval
 * means when it is not approved on this machine (the launch button then approves it, audited, and runs it).
 */
export function ToolTemplate({ view, tool }: { view: ToolView | null; tool: string }) {
  const { t } = useTranslation('remoteAccess');
  if (view === null) return <p className="field__error">{t('tool.noTemplate', { tool })}</p>;
  return (
    <div className={view.approved ? 'pre-connect__approved' : 'pre-connect'} data-testid="tool-approval">
      <p>
        {view.approved ? (
          <Badge tone="success">{t('tool.approvedHere')}</Badge>
        ) : (
          <strong>{t('tool.pending')}</strong>
        )}
      </p>
      <pre className="command-text" data-testid="tool-template">
        {view.template}
      </pre>
      {!view.approved && <p className="field__hint">{t('tool.approveHint')}</p>}
    </div>
  );
}
