import { afterEach, describe, expect, it } from 'vitest';
import type { SessionPrompt } from '../../../../common/sessions/model.ts';
import { keyboardPromptText } from '../../../../renderer/features/sessions/keyboardPromptText.ts';
import { chooseLanguage } from '../../../../renderer/i18n/i18n.ts';

type KeyboardPrompt = Extract<SessionPrompt, { kind: 'keyboard' }>;

const base = { kind: 'keyboard', sessionId: 's1', promptId: 'p1', host: 'adfs01.vaxjo.se' } as const;
const keyPassphrase: KeyboardPrompt = {
  ...base,
  name: 'Private key',
  instructions: 'The key stored for svc-lotsen@adfs01.vaxjo.se is encrypted.',
  prompts: [{ prompt: 'Passphrase for the key: ', echo: false }],
  keyPassphraseFor: { username: 'svc-lotsen', host: 'adfs01.vaxjo.se' },
};
const serversOwn: KeyboardPrompt = {
  ...base,
  name: '',
  instructions: 'Välkommen till Växjö kommuns hoppserver',
  prompts: [
    { prompt: 'Password: ', echo: false },
    { prompt: '   ', echo: true },
  ],
};

describe('the sign-in dialog’s words', () => {
  afterEach(() => chooseLanguage('en'));

  it('words main’s own question for a stored key’s passphrase in the chosen language, never its English', async () => {
    await chooseLanguage('sv');
    expect(keyboardPromptText(keyPassphrase)).toEqual({
      title: 'Den privata nyckelns lösenfras',
      instructions: 'Nyckeln som är sparad för svc-lotsen@adfs01.vaxjo.se är krypterad.',
      labels: ['Nyckelns lösenfras'],
    });
  });

  it('shows a server’s own prompts as they came, a blank one as "Answer" and no name as the host', async () => {
    await chooseLanguage('sv');
    expect(keyboardPromptText(serversOwn)).toEqual({
      title: 'Logga in på adfs01.vaxjo.se',
      instructions: 'Välkommen till Växjö kommuns hoppserver',
      labels: ['Password:', 'Svar'],
    });
  });
});
