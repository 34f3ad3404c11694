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
  const untrained = countContactsMissingTraining(detail);
  return (
    <Section
      title={<>Support contacts ({detail.contacts.length})</>}
      intro="Named people who may ask for 2nd-line support. Each needs admin training and tool training."
      action={
        <button type="button" className="button" onClick={() => open({ kind: 'contact' })}>
          Add contact
        </button>
      }
    >
      {untrained > 0 && (
        <p className="callout" role="note">
          {untrained === 1 ? '1 contact has' : `${untrained} contacts have`} not done all required training.
        </p>
      )}
      {detail.contacts.length === 0 ? (
        <p className="section__empty">
          No support contacts yet. The vendor helps named contacts only, so the customer is not eligible until
          one is added{detail.kind === 'school' ? ': a school names one primary, trained contact' : ''}.
        </p>
      ) : (
        <div className="card">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Phone</th>
                <th scope="col">Role</th>
                <th scope="col">Admin account</th>
                <th scope="col">Admin training</th>
                <th scope="col">Tool training</th>
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
                          <Badge tone="info">Primary</Badge>
                        </>
                      )}
                      {missing.length > 0 && (
                        <>
                          {' '}
                          <Badge tone="warning">Missing {missing.join(' and ')}</Badge>
                        </>
                      )}
                    </td>
                    <td>
                      <a href={`mailto:${contact.email}`}>{contact.email}</a>
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
                        name={`contact ${contact.name}`}
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
  return done ? (
    <span className="tick tick--done">✓ Done</span>
  ) : (
    <span className="tick tick--missing">✗ Not done</span>
  );
}
