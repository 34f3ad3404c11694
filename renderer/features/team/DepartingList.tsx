import type { DepartingReport } from '../../../common/team/departing.ts';
import { formatDateTime } from '../../i18n/format.ts';

const named = (name: string | null, id: string | null) => name ?? (id ? `(deleted ${id})` : '–');

/**
 * What a member revealed or used of customers' secrets (`team.departing`): what rotating the team's keys cannot take
 * back, so the customers' passwords are changed, starting here.
 */
export function DepartingList({ name, report }: { name: string; report: DepartingReport }) {
  const exports = report.registryExportsWithSecrets;
  if (report.secrets.length === 0 && report.preConnect.length === 0 && !exports) {
    return (
      <p className="muted" data-testid="departing-list">
        {name} revealed no customer secret and used none in a session.
      </p>
    );
  }
  return (
    <div className="team__departing" data-testid="departing-list">
      <p>
        {name} saw or used these customer secrets. Rotating the team’s keys cannot take them back:{' '}
        <strong>have them changed at the customers</strong>.
      </p>
      {report.secrets.length > 0 && (
        <div className="team__card">
          <table className="table" aria-label="Secrets they saw or used">
            <thead>
              <tr>
                <th scope="col">Customer</th>
                <th scope="col">Environment</th>
                <th scope="col">Account</th>
                <th scope="col">Revealed</th>
                <th scope="col">Used in sessions</th>
                <th scope="col">Last</th>
              </tr>
            </thead>
            <tbody>
              {report.secrets.map((s) => (
                <tr key={s.accountId}>
                  <td>{named(s.customerName, s.customerId)}</td>
                  <td>{named(s.environmentName, s.environmentId)}</td>
                  <td className="mono">{s.username ?? `(deleted ${s.accountId})`}</td>
                  <td>{s.revealed ? `${s.revealed.times}×` : '–'}</td>
                  <td>{s.usedInSessions ? `${s.usedInSessions.times}×` : '–'}</td>
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
          <table className="table" aria-label="Pre-connect commands they ran">
            <caption className="team__caption">
              Pre-connect commands they ran (a VPN password there is theirs too)
            </caption>
            <thead>
              <tr>
                <th scope="col">Customer</th>
                <th scope="col">Environment</th>
                <th scope="col">Ran</th>
                <th scope="col">Last</th>
              </tr>
            </thead>
            <tbody>
              {report.preConnect.map((p, i) => (
                <tr key={`${p.environmentId ?? ''}-${i}`}>
                  <td>{named(p.customerName, p.customerId)}</td>
                  <td>{named(p.environmentName, p.environmentId)}</td>
                  <td>{p.times}×</td>
                  <td className="team__nowrap">{formatDateTime(p.lastAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {exports && (
        <p className="callout">
          They exported the whole registry with its secrets {exports.times}× (last{' '}
          {formatDateTime(exports.lastAt)}): every secret stored then is theirs.
        </p>
      )}
    </div>
  );
}
