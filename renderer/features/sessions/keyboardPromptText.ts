import type { SessionPrompt } from '../../../common/sessions/model.ts';
import { t } from '../../i18n/i18n.ts';

type KeyboardPrompt = Extract<SessionPrompt, { kind: 'keyboard' }>;

/**
 * What the sign-in dialog says. A server's prompts are its own words, shown as they came; the passphrase of a stored
 * key is main's own question, worded here in the reader's language.
 */
export function keyboardPromptText(prompt: KeyboardPrompt): {
  title: string;
  instructions: string;
  labels: string[];
} {
  const key = prompt.keyPassphraseFor;
  if (key) {
    return {
      title: t('sessions:signIn.keyTitle'),
      instructions: t('sessions:signIn.keyEncrypted', { username: key.username, host: key.host }),
      labels: prompt.prompts.map(() => t('sessions:signIn.keyPassphrase')),
    };
  }
  return {
    title: prompt.name || t('sessions:signIn.title', { host: prompt.host }),
    instructions: prompt.instructions,
    labels: prompt.prompts.map((question) => question.prompt.trim() || t('sessions:signIn.answer')),
  };
}
