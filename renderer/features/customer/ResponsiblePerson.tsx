import { useTranslation } from 'react-i18next';
import type { ResponsiblePersonView } from '../../../common/registry/model.ts';

/**
 * Whom the customer's support contacts phone for acute matters: the vendor's responsible person (DOMAIN, the urgent
 * route). Shown where an acute call is made from: the customer's page and each of its tickets.
 */
export function ResponsiblePerson({ person }: { person: ResponsiblePersonView }) {
  const { t } = useTranslation('customer');
  if (person === null) {
    return (
      <p className="customer__responsible customer__responsible--missing" data-testid="responsible-person">
        {t('responsible.missing')}
      </p>
    );
  }
  return (
    <p className="customer__responsible" data-testid="responsible-person">
      <strong>{t('responsible.acuteCalls', { name: person.name })}</strong>
      <span className="mono" aria-label={t('responsible.phone')}>
        {person.phone}
      </span>
      {person.email && <span aria-label={t('responsible.email')}>{person.email}</span>}
    </p>
  );
}
