import { useEffect, useState } from 'react';
import { formatSek } from '../../i18n/format.ts';
import { serviceKindLabels, type AgreementView, type DpaView } from '../../../common/agreements/model.ts';
import type { CustomerDetail } from '../../../common/registry/model.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ReasonList } from '../../components/ReasonList.tsx';
import { Section } from '../../components/Section.tsx';
import { useContractsStore } from '../../store/StoreProvider.tsx';
import { AgreementFormDialog } from './AgreementFormDialog.tsx';
import { DpaFormDialog } from './DpaFormDialog.tsx';
import { VerdictBadge } from './VerdictBadge.tsx';
import './contracts.css';

type Open =
  | { kind: 'agreement'; agreement?: AgreementView }
  | { kind: 'dpa'; dpa?: DpaView }
  | { kind: 'deleteAgreement'; agreement: AgreementView }
  | { kind: 'deleteDpa'; dpa: DpaView }
  | null;

/** The customer's eligibility verdict, agreements and DPA: what decides whether the vendor may help. */
export function ContractsSection({ detail }: { detail: CustomerDetail }) {
  const { open: openCustomer, close, agreements, dpas, verdict, error } = useContractsStore((s) => s);
  const deleteAgreement = useContractsStore((s) => s.deleteAgreement);
  const deleteDpa = useContractsStore((s) => s.deleteDpa);
  const [dialog, setDialog] = useState<Open>(null);

  useEffect(() => {
    void openCustomer(detail.id);
  }, [detail.id, detail.updatedAt, openCustomer]);
  useEffect(() => close, [close]);

  const envName = (id: string | null) =>
    id === null ? 'any environment' : (detail.environments.find((e) => e.id === id)?.name ?? '—');

  return (
    <>
      {verdict && (
        <details className="verdict-panel" data-testid="verdict-panel">
          <summary>
            <strong>Eligibility</strong> <VerdictBadge status={verdict.status} />
            <span className="muted">
              {verdict.blockers.length} blocker(s), {verdict.warnings.length} warning(s) — show reasons
            </span>
          </summary>
          <ReasonList
            blockers={verdict.blockers}
            warnings={verdict.warnings}
            none="Everything required is in place."
          />
        </details>
      )}
      {error && (
        <p className="form-errors" role="alert">
          {error}
        </p>
      )}
      <Section
        title={<>Support agreements ({agreements.length})</>}
        intro="The services the vendor supports, for how long, how fast, and at what rates."
        action={
          <button type="button" className="button" onClick={() => setDialog({ kind: 'agreement' })}>
            Add agreement
          </button>
        }
      >
        {agreements.length === 0 ? (
          <p className="section__empty">No support agreement: the vendor may not help this customer yet.</p>
        ) : (
          <div className="contracts__list">
            {agreements.map((agreement) => (
              <article key={agreement.id} className="contracts__item">
                <div className="contracts__item-head">
                  <h3>{agreement.reference}</h3>
                  <span>
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      onClick={() => setDialog({ kind: 'agreement', agreement })}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button button--quiet button--small button--danger"
                      onClick={() => setDialog({ kind: 'deleteAgreement', agreement })}
                    >
                      Delete
                    </button>
                  </span>
                </div>
                <p className="contracts__facts">
                  <span>
                    {agreement.startsOn} – {agreement.endsOn ?? 'until further notice'}
                  </span>
                  <span>Response within {agreement.responseHours} office hours</span>
                  <span>
                    {agreement.acuteEscalation.enabled
                      ? `Acute escalation: 2 h, ${formatSek(agreement.acuteEscalation.feeOre)}`
                      : 'No acute escalation'}
                  </span>
                  <span>{agreement.allowedContacts} named contacts allowed</span>
                </p>
                <ul className="contracts__facts">
                  {agreement.services.map((service) => (
                    <li key={service.id}>
                      {serviceKindLabels[service.kind]}: <strong>{service.name}</strong> (
                      {envName(service.environmentId)})
                    </li>
                  ))}
                </ul>
              </article>
            ))}
          </div>
        )}
      </Section>
      <Section
        title="Data-processing agreement"
        intro="Required before any ticket with personal data is handled (PUB-avtal)."
        action={
          <button type="button" className="button" onClick={() => setDialog({ kind: 'dpa' })}>
            Record DPA
          </button>
        }
      >
        {dpas.length === 0 ? (
          <p className="section__empty">No data-processing agreement recorded.</p>
        ) : (
          <div className="contracts__list">
            {dpas.map((dpa) => (
              <article key={dpa.id} className="contracts__item">
                <div className="contracts__item-head">
                  <h3>
                    {dpa.reference}
                    {dpa.version && <span className="muted"> v{dpa.version}</span>}
                  </h3>
                  <span>
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      onClick={() => setDialog({ kind: 'dpa', dpa })}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button button--quiet button--small button--danger"
                      onClick={() => setDialog({ kind: 'deleteDpa', dpa })}
                    >
                      Delete
                    </button>
                  </span>
                </div>
                <p className="contracts__facts">
                  <span>
                    Signed {dpa.signedOn} by {dpa.signatory}
                  </span>
                  <span>{dpa.endsOn ? `Ends ${dpa.endsOn}` : 'No end date'}</span>
                  {dpa.document && <span className="mono">{dpa.document}</span>}
                </p>
              </article>
            ))}
          </div>
        )}
      </Section>
      {dialog?.kind === 'agreement' && (
        <AgreementFormDialog
          customerId={detail.id}
          environments={detail.environments}
          agreement={dialog.agreement}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'dpa' && (
        <DpaFormDialog customerId={detail.id} dpa={dialog.dpa} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'deleteAgreement' && (
        <ConfirmDialog
          title={`Delete agreement ${dialog.agreement.reference}?`}
          confirmLabel="Delete agreement"
          onConfirm={() => deleteAgreement(dialog.agreement.id)}
          onClose={() => setDialog(null)}
        >
          Its services go with it; tickets about them keep their text but no longer name a service.
        </ConfirmDialog>
      )}
      {dialog?.kind === 'deleteDpa' && (
        <ConfirmDialog
          title={`Delete data-processing agreement ${dialog.dpa.reference}?`}
          confirmLabel="Delete DPA"
          onConfirm={() => deleteDpa(dialog.dpa.id)}
          onClose={() => setDialog(null)}
        >
          Without a DPA in force the customer is blocked from support.
        </ConfirmDialog>
      )}
    </>
  );
}
