import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../common/registry/model.ts';
import { Badge } from '../../components/Badge.tsx';
import { ActionsHeader, EditDeleteButtons, RowActions } from '../../components/RowActions.tsx';
import { Section } from '../../components/Section.tsx';
import {
  countContactsMissingTraining,
  missingTraining,
} from '../../store/registry/slices/customerDetail/selectors.ts';
import type { OpenDialog } from './pageDialog.ts';

/** The customer's named support contacts: the only people the vendor gives 2nd-line support to. */
export function ContactsSection({ detail, open }: { detail: CustomerDetail; open: OpenDialog }) {
  const { t } = useTranslation('customer');
  const untrained = countContactsMissingTraining(detail);
  return (
    <Section
      title={t('contacts.title', { count: detail.contacts.length })}
      intro={t('contacts.intro')}
      action={
        <button type="button" className="button" onClick={() => open({ kind: 'contact' })}>
          {t('contacts.add')}
        </button>
      }
    >
      {untrained > 0 && (
        <p className="callout" role="note">
          {t('contacts.untrained', { count: untrained })}
        </p>
      )}
      {detail.contacts.length === 0 ? (
        <p className="section__empty">
          {detail.kind === 'school' ? t('contacts.emptySchool') : t('contacts.empty')}
        </p>
      ) : (
        <div className="card">
          <table className="table contacts">
            <thead>
              <tr>
                <th scope="col">{t('contacts.name')}</th>
                <th scope="col">{t('contacts.email')}</th>
                <th scope="col">{t('contacts.phone')}</th>
                <th scope="col">{t('contacts.role')}</th>
                <th scope="col">{t('contacts.adminAccount')}</th>
                <th scope="col">{t('contacts.adminTraining')}</th>
                <th scope="col">{t('contacts.toolTraining')}</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {detail.contacts.map((contact) => {
                const missing = missingTraining(contact);
                return (
                  <tr key={contact.id}>
                    <td>
                      <span className="cell-strong">{contact.name}</span>
                      {contact.isPrimary && (
                        <>
                          {' '}
                          <Badge tone="info">{t('contacts.primary')}</Badge>
                        </>
                      )}
                      {missing.length > 0 && (
                        <>
                          {' '}
                          <Badge tone="warning">
                            {t(
                              missing.length === 2
                                ? 'contacts.missing.both'
                                : `contacts.missing.${missing[0]!}`,
                            )}
                          </Badge>
                        </>
                      )}
                    </td>
                    <td className="contacts__email-cell">
                      <a className="contacts__email" href={`mailto:${contact.email}`}>
                        {contact.email}
                      </a>
                    </td>
                    <td>{contact.phone || <span className="muted">—</span>}</td>
                    <td>{contact.role || <span className="muted">—</span>}</td>
                    <td className="mono">{contact.adminAccount || <span className="muted">—</span>}</td>
                    <td>
                      <Tick done={contact.adminTrainingDone} />
                    </td>
                    <td>
                      <Tick done={contact.toolTrainingDone} />
                    </td>
                    <RowActions>
                      <EditDeleteButtons
                        name={t('names.contact', { name: contact.name })}
                        onEdit={() => open({ kind: 'contact', contact })}
                        onDelete={() => open({ kind: 'deleteContact', contact })}
                      />
                    </RowActions>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function Tick({ done }: { done: boolean }) {
  const { t } = useTranslation('customer');
  return done ? (
    <span className="tick tick--done">{t('contacts.done')}</span>
  ) : (
    <span className="tick tick--missing">{t('contacts.notDone')}</span>
  );
}
