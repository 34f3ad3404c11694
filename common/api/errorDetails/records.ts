/**
 * Details of the registry, agreements, tickets, time and billing, in English (see ./index.ts).
 */
export const records = {
  noSuchCustomer: 'No such customer; it may have been deleted.',
} as const;
