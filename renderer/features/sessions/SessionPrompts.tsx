import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { SessionPrompt } from '../../../common/sessions/model.ts';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { selectCurrentPrompt } from '../../store/sessions/selectors.ts';
import { useSessionsStore } from '../../store/StoreProvider.tsx';
import { Fingerprints } from './Fingerprints.tsx';
import { FillOneTimeCode } from '../remoteAccess/OneTimeCodeButton.tsx';
import { keyboardPromptText } from './keyboardPromptText.ts';

/** Whatever a connecting session asks, wherever the person is in the app: one question at a time. */
export function SessionPrompts() {
  const prompt = useSessionsStore(selectCurrentPrompt);
  if (!prompt) return null;
  return prompt.kind === 'hostKey' ? (
    <HostKeyPrompt key={prompt.promptId} prompt={prompt} />
  ) : (
    <KeyboardPrompt key={prompt.promptId} prompt={prompt} />
  );
}

function HostKeyPrompt({ prompt }: { prompt: Extract<SessionPrompt, { kind: 'hostKey' }> }) {
  const { t } = useTranslation('sessions');
  const { t: tc } = useTranslation('common');
  const answer = useSessionsStore((s) => s.answer);
  const decline = () => void answer(prompt, false);
  return (
    <Dialog title={t('hostKey.trustTitle')} onClose={decline}>
      <p>
        <Trans
          t={t}
          i18nKey="hostKey.trustText"
          values={{ host: prompt.host, port: prompt.port }}
          components={{ host: <strong className="mono" /> }}
        />
      </p>
      <Fingerprints
        rows={[
          { label: t('hostKey.keyType'), fingerprint: prompt.keyType },
          { label: t('hostKey.fingerprint'), fingerprint: prompt.fingerprint, testId: 'hostkey-fingerprint' },
        ]}
      />
      <DialogActions>
        <button type="button" className="button" onClick={decline}>
          {tc('actions.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          autoFocus
          onClick={() => void answer(prompt, true)}
        >
          {t('hostKey.trust')}
        </button>
      </DialogActions>
    </Dialog>
  );
}

function KeyboardPrompt({ prompt }: { prompt: Extract<SessionPrompt, { kind: 'keyboard' }> }) {
  const { t } = useTranslation('sessions');
  const { t: tc } = useTranslation('common');
  const answer = useSessionsStore((s) => s.answer);
  const accountId = useSessionsStore(
    (s) => s.tabs.find((tab) => tab.session.id === prompt.sessionId)?.session.accountId ?? null,
  );
  const [values, setValues] = useState(() => prompt.prompts.map(() => ''));
  const cancel = () => void answer(prompt, false);
  const text = keyboardPromptText(prompt);
  return (
    <Dialog title={text.title} onClose={cancel}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void answer(prompt, true, values);
        }}
      >
        {text.instructions && <p>{text.instructions}</p>}
        {prompt.prompts.map((question, index) => (
          <div className="field" key={index}>
            <label className="field__label" htmlFor={`${prompt.promptId}-${index}`}>
              {text.labels[index]}
            </label>
            <input
              id={`${prompt.promptId}-${index}`}
              className="input"
              type={question.echo ? 'text' : 'password'}
              autoComplete="off"
              autoFocus={index === 0}
              value={values[index]}
              onChange={(event) => setValues(values.map((v, i) => (i === index ? event.target.value : v)))}
            />
          </div>
        ))}
        {/* The server asks for a one-time code last, after the password, as OpenSSH's PAM prompts do. */}
        <FillOneTimeCode
          accountId={accountId}
          sessionId={prompt.sessionId}
          onCode={(code) => setValues(values.map((v, i) => (i === values.length - 1 ? code : v)))}
        />
        <DialogActions>
          <button type="button" className="button" onClick={cancel}>
            {tc('actions.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('signIn.continue')}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
