import type { CustomerDetail } from '../../../common/registry/model.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { plural } from '../../i18n/format.ts';
import { customerDeletionScope } from '../../store/registry/slices/customerDetail/selectors.ts';
import { useRegistryStore } from '../../store/StoreProvider.tsx';
import { CustomerFormDialog } from '../customers/CustomerFormDialog.tsx';
import { ContactFormDialog } from './forms/ContactFormDialog.tsx';
import { EnvironmentFormDialog } from './forms/EnvironmentFormDialog.tsx';
import { ServerFormDialog } from './forms/ServerFormDialog.tsx';
import { CertificateFormDialog } from './forms/CertificateFormDialog.tsx';
import { NoticeFormDialog } from './forms/NoticeFormDialog.tsx';
import { certificateName } from '../../../common/environments/certificates.ts';
import { SupportAccountFormDialog } from './forms/SupportAccountFormDialog.tsx';
import type { PageDialog } from './pageDialog.ts';
import { RevealSecretDialog } from './RevealSecretDialog.tsx';
import { OpenSessionDialog } from '../sessions/OpenSessionDialog.tsx';

interface Props {
  dialog: PageDialog;
  detail: CustomerDetail;
  onClose(): void;
  onCustomerDeleted(): void;
}

/** The customer page's forms and delete confirmations; each confirmation names what goes with the record. */
export function PageDialogs({ dialog, detail, onClose, onCustomerDeleted }: Props) {
  const deleteCustomer = useRegistryStore((s) => s.deleteCustomer);
  const deleteContact = useRegistryStore((s) => s.deleteContact);
  const deleteEnvironment = useRegistryStore((s) => s.deleteEnvironment);
  const deleteServer = useRegistryStore((s) => s.deleteServer);
  const deleteSupportAccount = useRegistryStore((s) => s.deleteSupportAccount);
  const deleteCertificate = useRegistryStore((s) => s.deleteCertificate);
  const deleteNotice = useRegistryStore((s) => s.deleteNotice);
  switch (dialog.kind) {
    case 'editCustomer':
      return <CustomerFormDialog customer={detail} onClose={onClose} />;
    case 'deleteCustomer': {
      const scope = customerDeletionScope(detail);
      const goes = [
        plural(scope.environments, 'environment', 'environments'),
        plural(scope.servers, 'server', 'servers'),
        plural(
          scope.supportAccounts,
          'support account (with its secret)',
          'support accounts (with their secrets)',
        ),
        plural(scope.contacts, 'support contact', 'support contacts'),
      ];
      return (
        <ConfirmDialog
          title={`Delete ${detail.name}?`}
          confirmLabel="Delete customer"
          onClose={onClose}
          onConfirm={async () => {
            await deleteCustomer(detail.id);
            onCustomerDeleted();
          }}
        >
          <p>This deletes the customer and everything recorded for it:</p>
          <ul>
            {goes.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p>This cannot be undone.</p>
        </ConfirmDialog>
      );
    }
    case 'contact':
      return (
        <ContactFormDialog
          customerId={detail.id}
          contact={dialog.contact}
          primary={detail.contacts.find((c) => c.isPrimary)}
          onClose={onClose}
        />
      );
    case 'deleteContact':
      return (
        <ConfirmDialog
          title={`Delete contact ${dialog.contact.name}?`}
          confirmLabel="Delete contact"
          onClose={onClose}
          onConfirm={() => deleteContact(dialog.contact.id)}
        >
          <p>
            {dialog.contact.name} will no longer be a named support contact for {detail.name}.
          </p>
        </ConfirmDialog>
      );
    case 'environment':
      return (
        <EnvironmentFormDialog customerId={detail.id} environment={dialog.environment} onClose={onClose} />
      );
    case 'deleteEnvironment': {
      const { environment } = dialog;
      return (
        <ConfirmDialog
          title={`Delete environment ${environment.name}?`}
          confirmLabel="Delete environment"
          onClose={onClose}
          onConfirm={() => deleteEnvironment(environment.id)}
        >
          <p>
            Its access details, {plural(environment.servers.length, 'server', 'servers')} and{' '}
            {plural(environment.supportAccounts.length, 'support account', 'support accounts')} (with their
            secrets) go with it. This cannot be undone.
          </p>
        </ConfirmDialog>
      );
    }
    case 'server':
      return <ServerFormDialog environment={dialog.environment} server={dialog.server} onClose={onClose} />;
    case 'deleteServer':
      return (
        <ConfirmDialog
          title={`Delete server ${dialog.server.host}?`}
          confirmLabel="Delete server"
          onClose={onClose}
          onConfirm={() => deleteServer(dialog.server.id)}
        >
          <p>
            {dialog.server.host}:{dialog.server.port} is removed from the registry.
          </p>
        </ConfirmDialog>
      );
    case 'supportAccount':
      return (
        <SupportAccountFormDialog
          environment={dialog.environment}
          account={dialog.account}
          onClose={onClose}
        />
      );
    case 'deleteSupportAccount':
      return (
        <ConfirmDialog
          title={`Delete support account ${dialog.account.username}?`}
          confirmLabel="Delete support account"
          onClose={onClose}
          onConfirm={() => deleteSupportAccount(dialog.account.id)}
        >
          <p>The account and its stored secret are deleted. This cannot be undone.</p>
        </ConfirmDialog>
      );
    case 'certificate':
      return (
        <CertificateFormDialog
          environment={dialog.environment}
          certificate={dialog.certificate}
          onClose={onClose}
        />
      );
    case 'deleteCertificate':
      return (
        <ConfirmDialog
          title="Delete certificate?"
          confirmLabel="Delete certificate"
          onClose={onClose}
          onConfirm={() => deleteCertificate(dialog.certificate.id)}
        >
          <p>
            {certificateName(dialog.certificate)} (expires {dialog.certificate.expiresOn}) is no longer
            tracked, and its expiry will not be warned about.
          </p>
        </ConfirmDialog>
      );
    case 'notice':
      return <NoticeFormDialog environment={dialog.environment} notice={dialog.notice} onClose={onClose} />;
    case 'deleteNotice':
      return (
        <ConfirmDialog
          title="Delete notice?"
          confirmLabel="Delete notice"
          onClose={onClose}
          onConfirm={() => deleteNotice(dialog.notice.id)}
        >
          <p>“{dialog.notice.summary}” will no longer be shown before sessions.</p>
        </ConfirmDialog>
      );
    case 'revealSecret':
      return <RevealSecretDialog account={dialog.account} onClose={onClose} />;
    case 'openSession':
      return (
        <OpenSessionDialog
          customer={detail}
          environment={dialog.environment}
          server={dialog.server}
          kind={dialog.sessionKind}
          onClose={onClose}
        />
      );
  }
}
