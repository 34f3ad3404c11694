/**
 * Details of the vault, the store, start-up, backups and the API boundary, in English (see ./index.ts). The key
 * names the situation, not the code it goes with.
 */
export const storage = {
  storeAlreadyThere: '{{folder}} already holds a Lotsen store.',
} as const;
