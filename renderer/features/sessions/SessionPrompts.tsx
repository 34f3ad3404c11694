import { useState } from 'react';
import type { SessionPrompt } from '../../../common/sessions/model.ts';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { selectCurrentPrompt } from '../../store/sessions/selectors.ts';
import { useSessionsStore } from '../../store/StoreProvider.tsx';

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
  const answer = useSessionsStore((s) => s.answer);
  const decline = () => void answer(prompt, false);
  return (
    <Dialog title="Trust this server?" onClose={decline}>
      <p>
        Lotsen has not connected to <strong className="mono">{prompt.host}</strong> (port {prompt.port})
        before. Compare the fingerprint with the one the customer gave you; once trusted, a different key will
        be refused.
      </p>
      <dl className="facts">
        <div>
          <dt>Key type</dt>
          <dd className="mono">{prompt.keyType}</dd>
        </div>
        <div>
          <dt>Fingerprint</dt>
          <dd className="mono" data-testid="hostkey-fingerprint">
            {prompt.fingerprint}
          </dd>
        </div>
      </dl>
      <DialogActions>
        <button type="button" className="button" onClick={decline}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          autoFocus
          onClick={() => void answer(prompt, true)}
        >
          Trust and connect
        </button>
      </DialogActions>
    </Dialog>
  );
}

function KeyboardPrompt({ prompt }: { prompt: Extract<SessionPrompt, { kind: 'keyboard' }> }) {
  const answer = useSessionsStore((s) => s.answer);
  const [values, setValues] = useState(() => prompt.prompts.map(() => ''));
  const cancel = () => void answer(prompt, false);
  return (
    <Dialog title={prompt.name || `Sign in to ${prompt.host}`} onClose={cancel}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void answer(prompt, true, values);
        }}
      >
        {prompt.instructions && <p>{prompt.instructions}</p>}
        {prompt.prompts.map((question, index) => (
          <div className="field" key={index}>
            <label className="field__label" htmlFor={`${prompt.promptId}-${index}`}>
              {question.prompt.trim() || 'Answer'}
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
        <DialogActions>
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            Continue
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
