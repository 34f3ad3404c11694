import type { ResponsiblePersonView } from '../../../common/registry/model.ts';

/**
 * Whom the customer's support contacts phone for acute matters: the vendor's responsible person (DOMAIN, the urgent
 * route). Shown where an acute call is made from: the customer's page and each of its tickets.
 */
export function ResponsiblePerson({ person }: { person: ResponsiblePersonView }) {
  if (person === null) {
    return (
      <p className="customer__responsible customer__responsible--missing" data-testid="responsible-person">
        No responsible person for acute calls is named; edit the customer to name one.
      </p>
    );
  }
  return (
    <p className="customer__responsible" data-testid="responsible-person">
      <strong>Acute calls: {person.name}</strong>
      <span className="mono" aria-label="Phone">
        {person.phone}
      </span>
      {person.email && <span aria-label="E-mail">{person.email}</span>}
    </p>
  );
}
