import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail, EnvironmentView, ServerView } from '../../../common/registry/model.ts';
import type { TicketView } from '../../../common/tickets/model.ts';
import { selectMayCall } from '../../store/app/selectors.ts';
import { errorMessage } from '../../store/errorMessage.ts';
import { useAppStore, useTicketsStore } from '../../store/StoreProvider.tsx';
import { dialogKind } from '../sessions/connectKinds.ts';
import { OpenSessionDialog } from '../sessions/OpenSessionDialog.tsx';
import { toolTargets } from '../remoteAccess/EnvironmentAccessActions.tsx';
import { ToolTargetButtons } from '../remoteAccess/TicketToolButtons.tsx';

/**
 * "Connect" from the ticket: the customer's servers, the ticket's environment first, each opening the connect dialog
 * with this ticket chosen; then the environments' external tools, each opening the launch dialog.
 */
export function ConnectSection({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation('tickets');
  const mayOpen = useAppStore(selectMayCall('sessions.open'));
  const customerOf = useTicketsStore((s) => s.customerOf);
  const [customer, setCustomer] = useState<CustomerDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState<{
    environment: EnvironmentView;
    server: ServerView | null;
    tool?: string;
  } | null>(null);

  useEffect(() => {
    if (!mayOpen) return;
    let current = true;
    customerOf(ticket.customerId)
      .then((detail) => current && setCustomer(detail))
      .catch((failure: unknown) => current && setError(errorMessage(failure)));
    return () => {
      current = false;
    };
  }, [ticket.customerId, customerOf, mayOpen]);

  if (!mayOpen) return null;
  const environments = [...(customer?.environments ?? [])].sort(
    (a, b) => Number(b.id === ticket.environmentId) - Number(a.id === ticket.environmentId),
  );
  const servers = environments.flatMap((environment) =>
    environment.servers.map((server) => ({ environment, server })),
  );
  return (
    <section className="card ticket-page__connect" aria-labelledby="ticket-connect">
      <h2 id="ticket-connect">{t('connect.title')}</h2>
      <p className="muted">{t('connect.intro', { customer: ticket.customerName })}</p>
      {error && (
        <p className="form-errors" role="alert">
          {error}
        </p>
      )}
      {/* An environment reached only by its tool (TeamViewer) has no servers, and needs none to be worked on. */}
      {customer && servers.length === 0 && !environments.some((e) => toolTargets(e).length > 0) && (
        <p className="muted">{t('connect.noServers')}</p>
      )}
      <ul className="ticket-page__servers">
        {servers.map(({ environment, server }) => (
          <li key={server.id}>
            <button
              type="button"
              className="button button--small ticket-page__server"
              onClick={() => setTarget({ environment, server })}
            >
              {t('connect.to', { role: server.role.toUpperCase(), host: server.host })}
            </button>
            <span className="muted ticket-page__sub">{environment.name}</span>
          </li>
        ))}
        <ToolTargetButtons
          environments={environments}
          onLaunch={(environment, server, tool) => setTarget({ environment, server, tool })}
        />
      </ul>
      {customer && target && (
        <OpenSessionDialog
          customer={customer}
          environment={target.environment}
          server={target.server}
          kind={dialogKind(target.environment, target.server, target.tool)}
          tool={target.tool}
          ticketId={ticket.id}
          onClose={() => setTarget(null)}
        />
      )}
    </section>
  );
}
