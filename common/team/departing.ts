import { z } from 'zod';
import { lazily } from '../api/lazySchema.ts';

/*
 * What a departing member saw or used of customers' secrets (`lotsen team departing`, `team.departing`): what key
 * rotation cannot take back, so the customers' passwords can be changed. Names are null for what was deleted since.
 */

const useSchema = lazily(() => z.object({ times: z.number().int(), lastAt: z.number() }));

const placeSchema = lazily(() =>
  z.object({
    customerId: z.string().nullable(),
    customerName: z.string().nullable(),
    environmentId: z.string().nullable(),
    environmentName: z.string().nullable(),
  }),
);

export const departingSecretSchema = lazily(() =>
  placeSchema.unwrap().extend({
    accountId: z.string(),
    username: z.string().nullable(),
    /** `secret.revealed` events of theirs. */
    revealed: useSchema.nullable(),
    /** Sessions of theirs that signed in with the account, to the server or through it as a jump host. */
    usedInSessions: useSchema.nullable(),
  }),
);
export type DepartingSecret = z.infer<typeof departingSecretSchema>;

export const departingReportSchema = lazily(() =>
  z.object({
    userId: z.string(),
    secrets: z.array(departingSecretSchema),
    /** Environments whose pre-connect command (a VPN's, which may hold its password) they ran. */
    preConnect: z.array(placeSchema.unwrap().extend(useSchema.unwrap().shape)),
    /** Exports of the whole registry with its secrets (`registry.exported_with_secrets`): every account then. */
    registryExportsWithSecrets: useSchema.nullable(),
  }),
);
export type DepartingReport = z.infer<typeof departingReportSchema>;
