import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnvironmentView, ServerView } from '../../../common/registry/model.ts';
import { AccountSelect, AuthSelect, HopProblemList } from './HopFields.tsx';
import { addHop, noMoreHops, removeHop, updateHop, type HopProblem, type JumpHop } from './jumpChain.ts';

interface Props {
  environment: EnvironmentView;
  target: ServerView;
  hops: JumpHop[];
  onChange(hops: JumpHop[]): void;
  /** What is wrong with each hop, by key (see chainProblems). */
  problems: Map<string, HopProblem[]>;
}

/**
 * The route to the target through jump hosts, as OpenSSH's `-J a,b`: nearest first, each hop with its own server,
 * account and way to sign in. Adding a hop moves focus to its server; removing one moves it to "Add jump host".
 */
export function JumpChainFields({ environment, target, hops, onChange, problems }: Props) {
  const { t } = useTranslation(['connect', 'common']);
  const id = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  const hopsAdded = useRef(0);
  /** Where focus goes once the hops have changed: a hop's server field, or the add button. */
  const focusAfterChange = useRef<string | 'add' | null>(null);
  const serverFieldId = (key: string) => `${id}-${key}-server`;

  useEffect(() => {
    const target = focusAfterChange.current;
    if (target === null) return;
    focusAfterChange.current = null;
    (target === 'add' ? addButton.current : document.getElementById(serverFieldId(target)))?.focus();
  });

  const candidates = environment.servers.filter((s) => s.id !== target.id);
  const cannotAdd = noMoreHops(hops, environment, target.id);

  return (
    <fieldset className="jump-chain">
      <legend className="field__label">
        {t('jump.legend')} <span className="field__optional">{t('common:states.optional')}</span>
      </legend>
      <p className="field__hint">
        {hops.length === 0
          ? t('jump.direct', { host: target.host })
          : t('jump.through', { host: target.host })}
      </p>
      {hops.map((hop, index) => {
        const hopProblems = problems.get(hop.key) ?? [];
        const errorId = `${id}-${hop.key}-error`;
        const invalid = hopProblems.length > 0;
        const invalidField = (field: HopProblem['field']) => hopProblems.some((p) => p.field === field);
        return (
          <fieldset
            key={hop.key}
            className="jump-chain__hop"
            aria-describedby={invalid ? errorId : undefined}
          >
            <legend>
              {t('jump.hop', { n: index + 1 })}
              {index === 0 && <span className="field__optional">{t('jump.nearest')}</span>}
            </legend>
            <div className="form__row">
              <div className="field">
                <label className="field__label" htmlFor={serverFieldId(hop.key)}>
                  {t('jump.server')}
                </label>
                <select
                  id={serverFieldId(hop.key)}
                  className="input input--select"
                  value={hop.serverId}
                  aria-invalid={invalidField('server')}
                  onChange={(event) => onChange(updateHop(hops, hop.key, { serverId: event.target.value }))}
                >
                  {candidates.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.host}:{s.port}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label className="field__label" htmlFor={`${id}-${hop.key}-account`}>
                  {t('jump.account')}
                </label>
                <AccountSelect
                  id={`${id}-${hop.key}-account`}
                  accounts={environment.supportAccounts}
                  value={hop.accountId}
                  invalid={invalidField('account')}
                  onChange={(accountId) => onChange(updateHop(hops, hop.key, { accountId }))}
                />
              </div>
              <div className="field">
                <label className="field__label" htmlFor={`${id}-${hop.key}-auth`}>
                  {t('signInWith')}
                </label>
                <AuthSelect
                  id={`${id}-${hop.key}-auth`}
                  value={hop.auth}
                  onChange={(auth) => onChange(updateHop(hops, hop.key, { auth }))}
                />
              </div>
            </div>
            {invalid && <HopProblemList id={errorId} problems={hopProblems} />}
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => {
                focusAfterChange.current = 'add';
                onChange(removeHop(hops, hop.key));
              }}
            >
              {t('jump.remove', { n: index + 1 })}
            </button>
          </fieldset>
        );
      })}
      <div className="jump-chain__add">
        <button
          ref={addButton}
          type="button"
          className="button button--small"
          disabled={cannotAdd !== null}
          onClick={() => {
            const next = addHop(hops, environment, target.id, `hop-${++hopsAdded.current}`);
            focusAfterChange.current = next.at(-1)!.key;
            onChange(next);
          }}
        >
          {t('jump.add')}
        </button>
        {cannotAdd && <span className="field__hint">{cannotAdd}</span>}
      </div>
    </fieldset>
  );
}
