import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../common/registry/model.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { dayToText } from '../../components/form/dateText.ts';
import { customerDeletionScope } from '../../store/registry/slices/customerDetail/selectors.ts';
import { useRegistryStore } from '../../store/StoreProvider.tsx';
import { CustomerFormDialog } from '../customers/CustomerFormDialog.tsx';
import { ContactFormDialog } from './forms/ContactFormDialog.tsx';
import { EnvironmentFormDialog } from './forms/EnvironmentFormDialog.tsx';
import { ServerFormDialog } from './forms/ServerFormDialog.tsx';
import { CertificateFormDialog } from './forms/CertificateFormDialog.tsx';
import { NoticeFormDialog } from './forms/NoticeFormDialog.tsx';
import { certificateName } from '../../components/certificateName.ts';
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
  const { t } = useTranslation('customer');
  switch (dialog.kind) {
    case 'editCustomer':
      return <CustomerFormDialog customer={detail} onClose={onClose} />;
    case 'deleteCustomer': {
      const scope = customerDeletionScope(detail);
      const goes = [
        t('delete.environments', { count: scope.environments }),
        t('delete.servers', { count: scope.servers }),
        t('delete.accountsWithSecrets', { count: scope.supportAccounts }),
        t('delete.contacts', { count: scope.contacts }),
      ];
      return (
        <ConfirmDialog
          title={t('delete.customerTitle', { name: detail.name })}
          confirmLabel={t('delete.customerConfirm')}
          onClose={onClose}
          onConfirm={async () => {
            await deleteCustomer(detail.id);
            onCustomerDeleted();
          }}
        >
          <p>{t('delete.customerIntro')}</p>
          <ul>
            {goes.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p>{t('delete.cannotBeUndone')}</p>
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
          title={t('delete.contactTitle', { name: dialog.contact.name })}
          confirmLabel={t('delete.contactConfirm')}
          onClose={onClose}
          onConfirm={() => deleteContact(dialog.contact.id)}
        >
          <p>{t('delete.contactText', { contact: dialog.contact.name, customer: detail.name })}</p>
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
          title={t('delete.environmentTitle', { name: environment.name })}
          confirmLabel={t('delete.environmentConfirm')}
          onClose={onClose}
          onConfirm={() => deleteEnvironment(environment.id)}
        >
          <p>
            {t('delete.environmentText', {
              servers: t('delete.servers', { count: environment.servers.length }),
              accounts: t('delete.accounts', { count: environment.supportAccounts.length }),
            })}
          </p>
        </ConfirmDialog>
      );
    }
    case 'server':
      return <ServerFormDialog environment={dialog.environment} server={dialog.server} onClose={onClose} />;
    case 'deleteServer':
      return (
        <ConfirmDialog
          title={t('delete.serverTitle', { host: dialog.server.host })}
          confirmLabel={t('delete.serverConfirm')}
          onClose={onClose}
          onConfirm={() => deleteServer(dialog.server.id)}
        >
          <p>{t('delete.serverText', { host: dialog.server.host, port: dialog.server.port })}</p>
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
          title={t('delete.accountTitle', { username: dialog.account.username })}
          confirmLabel={t('delete.accountConfirm')}
          onClose={onClose}
          onConfirm={() => deleteSupportAccount(dialog.account.id)}
        >
          <p>{t('delete.accountText')}</p>
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
          title={t('delete.certificateTitle')}
          confirmLabel={t('delete.certificateConfirm')}
          onClose={onClose}
          onConfirm={() => deleteCertificate(dialog.certificate.id)}
        >
          <p>
            {t('delete.certificateText', {
              certificate: certificateName(dialog.certificate),
              expiresOn: dayToText(dialog.certificate.expiresOn),
            })}
          </p>
        </ConfirmDialog>
      );
    case 'notice':
      return <NoticeFormDialog environment={dialog.environment} notice={dialog.notice} onClose={onClose} />;
    case 'deleteNotice':
      return (
        <ConfirmDialog
          title={t('delete.noticeTitle')}
          confirmLabel={t('delete.noticeConfirm')}
          onClose={onClose}
          onConfirm={() => deleteNotice(dialog.notice.id)}
        >
          <p>{t('delete.noticeText', { summary: dialog.notice.summary })}</p>
        </ConfirmDialog>
      );
    case 'revealSecret':
      return <RevealSecretDialog account={dialog.account} seed={dialog.seed} onClose={onClose} />;
    case 'revealVpnSeed':
      return <RevealSecretDialog environment={dialog.environment} onClose={onClose} />;
    case 'openSession':
      return (
        <OpenSessionDialog
          customer={detail}
          environment={dialog.environment}
          server={dialog.server}
          kind={dialog.sessionKind}
          tool={dialog.tool}
          onClose={onClose}
        />
      );
  }
}
