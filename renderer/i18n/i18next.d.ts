import 'i18next';
import type { en } from './catalogues/en/index.ts';

// Every `t('namespace:key')` is checked against the English catalogue at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof en;
    returnNull: false;
  }
}
