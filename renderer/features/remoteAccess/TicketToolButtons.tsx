import { useTranslation } from 'react-i18next';
import type { EnvironmentView, ServerView } from '../../../common/registry/model.ts';
import { toolTargets } from './EnvironmentAccessActions.tsx';

/**
 * The ticket page's Connect list, continued: each external tool of the customer's environments (the ticket's own
 * environment first, as the caller orders them), for the environment or for each server its template needs.
 */
export function ToolTargetButtons({
  environments,
  onLaunch,
}: {
  environments: readonly EnvironmentView[];
  onLaunch(environment: EnvironmentView, server: ServerView | null, tool: string): void;
}) {
  const { t } = useTranslation('remoteAccess');
  return environments.flatMap((environment) =>
    toolTargets(environment).map(({ tool, server }) => (
      <li key={`${environment.id}:${tool}:${server?.id ?? ''}`}>
        <button
          type="button"
          className="button button--small ticket-page__server"
          onClick={() => onLaunch(environment, server, tool)}
        >
          {server
            ? t('tool.launchOn', { tool, host: server.host })
            : t('tool.launchFor', { tool, environment: environment.name })}
        </button>
        <span className="muted ticket-page__sub">{environment.name}</span>
      </li>
    )),
  );
}
