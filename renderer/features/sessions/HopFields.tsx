import { useTranslation } from 'react-i18next';
import type { SupportAccountView } from '../../../common/registry/model.ts';
import { sshAuthChoices, type SshAuthChoice } from '../../../common/sessions/model.ts';
import type { HopProblem } from './jumpChain.ts';

/** The support account a hop signs in with; one without a stored secret says so. */
export function AccountSelect({
  id,
  accounts,
  value,
  invalid,
  describedBy,
  onChange,
}: {
  id: string;
  accounts: readonly SupportAccountView[];
  value: string;
  invalid: boolean;
  /** The problems shown for it, when there are any. */
  describedBy?: string;
  onChange(accountId: string): void;
}) {
  const { t } = useTranslation('connect');
  return (
    <select
      id={id}
      className="input input--select"
      value={value}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.target.value)}
    >
      {accounts.map((a) => (
        <option key={a.id} value={a.id}>
          {a.hasSecret ? a.username : t('noSecretStored', { username: a.username })}
        </option>
      ))}
    </select>
  );
}

/** How a hop signs in. */
export function AuthSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: SshAuthChoice;
  onChange(auth: SshAuthChoice): void;
}) {
  const { t } = useTranslation('connect');
  return (
    <select
      id={id}
      className="input input--select"
      value={value}
      onChange={(event) => onChange(event.target.value as SshAuthChoice)}
    >
      {sshAuthChoices.map((choice) => (
        <option key={choice} value={choice}>
          {t(`auth.${choice}`)}
        </option>
      ))}
    </select>
  );
}

/** What keeps a hop from being tried, under its fields. */
export function HopProblemList({ id, problems }: { id: string; problems: readonly HopProblem[] }) {
  return (
    <ul className="field__error jump-chain__problems" id={id}>
      {problems.map((problem) => (
        <li key={problem.message}>{problem.message}</li>
      ))}
    </ul>
  );
}
