import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatSek } from '../../i18n/format.ts';
import type { AgreementView, DpaView } from '../../../common/agreements/model.ts';
import { dayToText } from '../../components/form/dateText.ts';
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
  const { t } = useTranslation(['contracts', 'vocabulary', 'common']);
  const { open: openCustomer, close, agreements, dpas, verdict, error } = useContractsStore((s) => s);
  const deleteAgreement = useContractsStore((s) => s.deleteAgreement);
  const deleteDpa = useContractsStore((s) => s.deleteDpa);
  const [dialog, setDialog] = useState<Open>(null);

  useEffect(() => {
    void openCustomer(detail.id);
  }, [detail.id, detail.updatedAt, openCustomer]);
  useEffect(() => close, [close]);

  const envName = (id: string | null) =>
    id === null
      ? t('contracts:agreements.anyEnvironment')
      : (detail.environments.find((e) => e.id === id)?.name ?? '—');

  return (
    <>
      {verdict && (
        <details className="verdict-panel" data-testid="verdict-panel">
          <summary>
            <strong>{t('contracts:eligibility')}</strong> <VerdictBadge status={verdict.status} />
            <span className="muted">
              {t('contracts:reasonCount', {
                blockers: t('contracts:blockers', { count: verdict.blockers.length }),
                warnings: t('contracts:warnings', { count: verdict.warnings.length }),
              })}
            </span>
          </summary>
          <ReasonList
            blockers={verdict.blockers}
            warnings={verdict.warnings}
            none={t('contracts:allInPlace')}
          />
        </details>
      )}
      {error && (
        <p className="form-errors" role="alert">
          {error}
        </p>
      )}
      <Section
        title={t('contracts:agreements.title', { count: agreements.length })}
        intro={t('contracts:agreements.intro')}
        action={
          <button type="button" className="button" onClick={() => setDialog({ kind: 'agreement' })}>
            {t('contracts:agreements.add')}
          </button>
        }
      >
        {agreements.length === 0 ? (
          <p className="section__empty">{t('contracts:agreements.none')}</p>
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
                      {t('common:actions.edit')}
                    </button>
                    <button
                      type="button"
                      className="button button--quiet button--small button--danger"
                      onClick={() => setDialog({ kind: 'deleteAgreement', agreement })}
                    >
                      {t('common:actions.delete')}
                    </button>
                  </span>
                </div>
                <p className="contracts__facts">
                  <span>
                    {t('contracts:agreements.span', {
                      from: dayToText(agreement.startsOn),
                      to:
                        agreement.endsOn === null
                          ? t('contracts:agreements.untilFurtherNotice')
                          : dayToText(agreement.endsOn),
                    })}
                  </span>
                  <span>{t('contracts:agreements.response', { hours: agreement.responseHours })}</span>
                  <span>
                    {agreement.acuteEscalation.enabled
                      ? t('contracts:agreements.acute', { fee: formatSek(agreement.acuteEscalation.feeOre) })
                      : t('contracts:agreements.noAcute')}
                  </span>
                  <span>{t('contracts:agreements.contacts', { count: agreement.allowedContacts })}</span>
                </p>
                <ul className="contracts__facts">
                  {agreement.services.map((service) => (
                    <li key={service.id}>
                      <Trans
                        t={t}
                        i18nKey="contracts:agreements.service"
                        values={{
                          kind: t(`vocabulary:serviceKind.${service.kind}`),
                          name: service.name,
                          environment: envName(service.environmentId),
                        }}
                        components={{ strong: <strong /> }}
                      />
                    </li>
                  ))}
                </ul>
              </article>
            ))}
          </div>
        )}
      </Section>
      <Section
        title={t('contracts:dpa.title')}
        intro={t('contracts:dpa.intro')}
        action={
          <button type="button" className="button" onClick={() => setDialog({ kind: 'dpa' })}>
            {t('contracts:dpa.record')}
          </button>
        }
      >
        {dpas.length === 0 ? (
          <p className="section__empty">{t('contracts:dpa.none')}</p>
        ) : (
          <div className="contracts__list">
            {dpas.map((dpa) => (
              <article key={dpa.id} className="contracts__item">
                <div className="contracts__item-head">
                  <h3>
                    {dpa.reference}
                    {dpa.version && (
                      <span className="muted"> {t('contracts:dpa.version', { version: dpa.version })}</span>
                    )}
                  </h3>
                  <span>
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      onClick={() => setDialog({ kind: 'dpa', dpa })}
                    >
                      {t('common:actions.edit')}
                    </button>
                    <button
                      type="button"
                      className="button button--quiet button--small button--danger"
                      onClick={() => setDialog({ kind: 'deleteDpa', dpa })}
                    >
                      {t('common:actions.delete')}
                    </button>
                  </span>
                </div>
                <p className="contracts__facts">
                  <span>{t('contracts:dpa.signed', { on: dayToText(dpa.signedOn), by: dpa.signatory })}</span>
                  <span>
                    {dpa.endsOn
                      ? t('contracts:dpa.ends', { on: dayToText(dpa.endsOn) })
                      : t('contracts:dpa.noEnd')}
                  </span>
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
          title={t('contracts:agreements.deleteTitle', { reference: dialog.agreement.reference })}
          confirmLabel={t('contracts:agreements.deleteConfirm')}
          onConfirm={() => deleteAgreement(dialog.agreement.id)}
          onClose={() => setDialog(null)}
        >
          {t('contracts:agreements.deleteText')}
        </ConfirmDialog>
      )}
      {dialog?.kind === 'deleteDpa' && (
        <ConfirmDialog
          title={t('contracts:dpa.deleteTitle', { reference: dialog.dpa.reference })}
          confirmLabel={t('contracts:dpa.deleteConfirm')}
          onConfirm={() => deleteDpa(dialog.dpa.id)}
          onClose={() => setDialog(null)}
        >
          {t('contracts:dpa.deleteText')}
        </ConfirmDialog>
      )}
    </>
  );
}
