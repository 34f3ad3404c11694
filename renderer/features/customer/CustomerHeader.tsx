import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CustomerDetail } from '../../../common/registry/model.ts';
import { Badge } from '../../components/Badge.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import type { OpenDialog } from './pageDialog.ts';
import { ResponsiblePerson } from './ResponsiblePerson.tsx';

export function CustomerHeader({ detail, open }: { detail: CustomerDetail; open: OpenDialog }) {
  const { t } = useTranslation(['customer', 'vocabulary']);
  const nonStandard = detail.environments.some((env) => !env.access.standard);
  const updated = formatDateTime(detail.updatedAt);
  const created = formatDateTime(detail.createdAt);
  return (
    <header className="customer__header">
      <nav aria-label={t('header.breadcrumb')} className="breadcrumb">
        <Link href="/">{t('header.customers')}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{detail.name}</span>
      </nav>
      <div className="customer__title-row">
        <div className="customer__title">
          <h1 id="customer-name">{detail.name}</h1>
          <div className="customer__facts">
            <span className="mono" aria-label={t('header.orgNumber')}>
              {detail.orgNumber}
            </span>
            <Badge tone="neutral">{t(`vocabulary:customerKind.${detail.kind}`)}</Badge>
            {nonStandard && <Badge tone="warning">{t('header.nonStandardAccess')}</Badge>}
          </div>
        </div>
        <div className="customer__actions">
          <button type="button" className="button" onClick={() => open({ kind: 'editCustomer' })}>
            {t('header.edit')}
          </button>
          <button
            type="button"
            className="button button--quiet-danger"
            onClick={() => open({ kind: 'deleteCustomer' })}
          >
            {t('header.delete')}
          </button>
        </div>
      </div>
      <ResponsiblePerson person={detail.responsiblePerson} />
      {detail.notes && <p className="customer__notes">{detail.notes}</p>}
      <p className="customer__stamp">
        {created !== updated || detail.createdBy !== detail.updatedBy
          ? t('header.stampCreated', {
              updated,
              updatedBy: detail.updatedBy,
              created,
              createdBy: detail.createdBy,
            })
          : t('header.stamp', { updated, updatedBy: detail.updatedBy })}
      </p>
    </header>
  );
}
