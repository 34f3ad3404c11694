import { Trans, useTranslation } from 'react-i18next';
import type { DepartingReport } from '../../../common/team/departing.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { t as translate } from '../../i18n/i18n.ts';

const deleted = (id: string) => translate('team:departing.deleted', { id });
const named = (name: string | null, id: string | null) => name ?? (id ? deleted(id) : '–');

/**
 * What a member revealed or used of customers' secrets (`team.departing`): what rotating the team's keys cannot take
 * back, so the customers' passwords are changed, starting here.
 */
export function DepartingList({ name, report }: { name: string; report: DepartingReport }) {
  const { t } = useTranslation('team');
  const times = (count: number) => t('departing.times', { n: count });
  const exports = report.registryExportsWithSecrets;
  if (report.secrets.length === 0 && report.preConnect.length === 0 && !exports) {
    return (
      <p className="muted" data-testid="departing-list">
        {t('departing.none', { name })}
      </p>
    );
  }
  return (
    <div className="team__departing" data-testid="departing-list">
      <p>
        <Trans t={t} i18nKey="departing.intro" values={{ name }} components={{ strong: <strong /> }} />
      </p>
      {report.secrets.length > 0 && (
        <div className="team__card">
          <table className="table" aria-label={t('departing.secretsLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('departing.columns.customer')}</th>
                <th scope="col">{t('departing.columns.environment')}</th>
                <th scope="col">{t('departing.columns.account')}</th>
                <th scope="col">{t('departing.columns.revealed')}</th>
                <th scope="col">{t('departing.columns.used')}</th>
                <th scope="col">{t('departing.columns.last')}</th>
              </tr>
            </thead>
            <tbody>
              {report.secrets.map((s) => (
                <tr key={s.accountId}>
                  <td>{named(s.customerName, s.customerId)}</td>
                  <td>{named(s.environmentName, s.environmentId)}</td>
                  <td className="mono">{s.username ?? deleted(s.accountId)}</td>
                  <td>{s.revealed ? times(s.revealed.times) : '–'}</td>
                  <td>{s.usedInSessions ? times(s.usedInSessions.times) : '–'}</td>
                  <td className="team__nowrap">
                    {formatDateTime(Math.max(s.revealed?.lastAt ?? 0, s.usedInSessions?.lastAt ?? 0))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.preConnect.length > 0 && (
        <div className="team__card">
          <table className="table" aria-label={t('departing.preConnectLabel')}>
            <caption className="team__caption">{t('departing.preConnectCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('departing.columns.customer')}</th>
                <th scope="col">{t('departing.columns.environment')}</th>
                <th scope="col">{t('departing.columns.ran')}</th>
                <th scope="col">{t('departing.columns.last')}</th>
              </tr>
            </thead>
            <tbody>
              {report.preConnect.map((p, i) => (
                <tr key={`${p.environmentId ?? ''}-${i}`}>
                  <td>{named(p.customerName, p.customerId)}</td>
                  <td>{named(p.environmentName, p.environmentId)}</td>
                  <td>{times(p.times)}</td>
                  <td className="team__nowrap">{formatDateTime(p.lastAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {exports && (
        <p className="callout">
          {t('departing.exports', { times: exports.times, at: formatDateTime(exports.lastAt) })}
        </p>
      )}
    </div>
  );
}
