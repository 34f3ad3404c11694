import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'wouter';
import type { CustomerDetail } from '../../../common/registry/model.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { AccessReportSection } from '../accessReport/AccessReportSection.tsx';
import { selectMayCall } from '../../store/app/selectors.ts';
import { errorMessage } from '../../store/errorMessage.ts';
import { useAppStore, useRegistryStore } from '../../store/StoreProvider.tsx';
import { ContractsSection } from '../contracts/ContractsSection.tsx';
import { CustomerTicketsSection } from '../tickets/CustomerTicketsSection.tsx';
import { ContactsSection } from './ContactsSection.tsx';
import { CustomerHeader } from './CustomerHeader.tsx';
import { EnvironmentsSection } from './EnvironmentsSection.tsx';
import { PageDialogs } from './PageDialogs.tsx';
import type { PageDialog } from './pageDialog.ts';
import './customer.css';

export function CustomerPage() {
  const { id } = useParams<{ id: string }>();
  const openCustomer = useRegistryStore((s) => s.openCustomer);
  const closeCustomer = useRegistryStore((s) => s.closeCustomer);
  const detail = useRegistryStore((s) => s.detail);
  const status = useRegistryStore((s) => s.detailStatus);
  const error = useRegistryStore((s) => s.detailError);
  const { t } = useTranslation(['customer', 'common']);

  useEffect(() => {
    void openCustomer(id);
    return () => closeCustomer();
  }, [id, openCustomer, closeCustomer]);

  if (detail && detail.id === id) return <CustomerView detail={detail} />;
  if (status === 'missing') {
    return (
      <EmptyState title={t('page.missingTitle')} action={<Link href="/">{t('page.backToCustomers')}</Link>}>
        <p>{t('page.missingText')}</p>
      </EmptyState>
    );
  }
  if (status === 'error') {
    return (
      <EmptyState title={t('page.loadFailed')} action={<Link href="/">{t('page.backToCustomers')}</Link>}>
        <p>{errorMessage(error)}</p>
      </EmptyState>
    );
  }
  return <p className="muted">{t('common:states.loading')}</p>;
}

function CustomerView({ detail }: { detail: CustomerDetail }) {
  const [dialog, setDialog] = useState<PageDialog | null>(null);
  const error = useRegistryStore((s) => s.detailError);
  const [, navigate] = useLocation();
  // Who was connected is a question about everyone's sessions: support leads answer it (docs/roles.md).
  const mayReportAccess = useAppStore(selectMayCall('reports.access'));

  return (
    <article className="customer" aria-labelledby="customer-name">
      <CustomerHeader detail={detail} open={setDialog} />
      {error != null && (
        <p className="form-errors" role="alert">
          {errorMessage(error)}
        </p>
      )}
      <ContractsSection detail={detail} />
      <EnvironmentsSection detail={detail} open={setDialog} />
      <ContactsSection detail={detail} open={setDialog} />
      <CustomerTicketsSection detail={detail} />
      {mayReportAccess && <AccessReportSection detail={detail} />}
      {dialog && (
        <PageDialogs
          dialog={dialog}
          detail={detail}
          onClose={() => setDialog(null)}
          onCustomerDeleted={() => navigate('/')}
        />
      )}
    </article>
  );
}
