import { Link } from 'wouter';
import type { CustomerDetail } from '../../../common/registry/model.ts';
import { customerKindLabels } from '../../../common/registry/vocabulary.ts';
import { Badge } from '../../components/Badge.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import type { OpenDialog } from './pageDialog.ts';
import { ResponsiblePerson } from './ResponsiblePerson.tsx';

export function CustomerHeader({ detail, open }: { detail: CustomerDetail; open: OpenDialog }) {
  const nonStandard = detail.environments.some((env) => !env.access.standard);
  const updated = formatDateTime(detail.updatedAt);
  const created = formatDateTime(detail.createdAt);
  return (
    <header className="customer__header">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Customers</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{detail.name}</span>
      </nav>
      <div className="customer__title-row">
        <div className="customer__title">
          <h1 id="customer-name">{detail.name}</h1>
          <div className="customer__facts">
            <span className="mono" aria-label="Organisation number">
              {detail.orgNumber}
            </span>
            <Badge tone="neutral">{customerKindLabels[detail.kind]}</Badge>
            {nonStandard && <Badge tone="warning">Non-standard access (billable, 8.6)</Badge>}
          </div>
        </div>
        <div className="customer__actions">
          <button type="button" className="button" onClick={() => open({ kind: 'editCustomer' })}>
            Edit customer
          </button>
          <button
            type="button"
            className="button button--quiet-danger"
            onClick={() => open({ kind: 'deleteCustomer' })}
          >
            Delete customer
          </button>
        </div>
      </div>
      <ResponsiblePerson person={detail.responsiblePerson} />
      {detail.notes && <p className="customer__notes">{detail.notes}</p>}
      <p className="customer__stamp">
        Updated {updated} by {detail.updatedBy}
        {(created !== updated || detail.createdBy !== detail.updatedBy) && (
          <>
            {' '}
            · created {created} by {detail.createdBy}
          </>
        )}
      </p>
    </header>
  );
}
