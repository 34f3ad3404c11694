import './hostKey.css';

/**
 * Host-key fingerprints one under the other, each under its label, in full: a SHA256 fingerprint is 50 characters
 * with no space, so it wraps anywhere rather than running out of the dialog, and the monospaced lines start at the
 * same place so two of them can be compared character by character.
 */
export function Fingerprints({ rows }: { rows: { label: string; fingerprint: string; testId?: string }[] }) {
  return (
    <dl className="fingerprints">
      {rows.map(({ label, fingerprint, testId }) => (
        <div key={label} className="fingerprints__row">
          <dt className="fingerprints__label">{label}</dt>
          <dd className="fingerprints__value mono" data-testid={testId}>
            {fingerprint}
          </dd>
        </div>
      ))}
    </dl>
  );
}
