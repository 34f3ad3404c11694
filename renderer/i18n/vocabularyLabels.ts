import { en } from './catalogues/en/index.ts';
import { t } from './i18n.ts';

type Vocabulary = typeof en.vocabulary;

/**
 * One vocabulary's labels in the chosen language, keyed by stored value: what a select's `labels` or a lookup
 * needs. Call it while rendering (below a `useTranslation`), so a language switch renders it again.
 */
export function vocabularyLabels<G extends keyof Vocabulary>(
  group: G,
): Record<keyof Vocabulary[G] & string, string> {
  const labels: Record<string, string> = {};
  for (const value of Object.keys(en.vocabulary[group])) {
    labels[value] = t(`vocabulary:${group}.${value}` as never);
  }
  return labels as Record<keyof Vocabulary[G] & string, string>;
}
