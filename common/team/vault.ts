import { z } from 'zod';
import { lazily } from '../api/lazySchema.ts';

/*
 * The team vault's rotations as the API reports them (team.removeMember, team.changeRole, team.rotate): a tree a
 * member left is moved to a new generation by whoever holds it; one this member cannot move stays due for another.
 */

export const vaultTreeSchema = lazily(() => z.enum(['personal', 'secrets']));

export const rotationsRunSchema = lazily(() =>
  z.object({
    rotated: z.array(
      z.object({
        tree: vaultTreeSchema,
        from: z.number().int(),
        to: z.number().int(),
        /** Data keys under the new generation when it finished. */
        dataKeys: z.number().int(),
      }),
    ),
    /** Due, or begun, but not by this member: they hold no key of the tree (finance and the secrets tree, say). */
    leftDue: z.array(z.object({ tree: vaultTreeSchema, reason: z.string() })),
  }),
);
export type RotationsRunView = z.infer<typeof rotationsRunSchema>;

/** `team.recover`: the recovery kit as `team create` printed it (one line; spaces and line breaks are ignored). */
export const recoverInputSchema = lazily(() =>
  z.object({ kit: z.string().trim().min(1, { error: 'Give the recovery kit' }).max(400) }).strict(),
);

export const recoveredSchema = lazily(() =>
  z.object({
    /** The trees whose keys the kit restored for this admin (finance: the personal tree only). */
    trees: z.array(vaultTreeSchema),
    /** Which kit it was, as `team create` showed it: never the kit. */
    kitFingerprint: z.string(),
  }),
);

/**
 * `team.rotationProgress`: how far a running rotation has come, after each batch of re-wrapped data keys. `done` and
 * `total` count the tree's data keys (those already under the new generation included, when a rotation resumes);
 * `finished` comes once, with the count the audit event records.
 */
export const rotationProgressSchema = lazily(() =>
  z.object({
    tree: vaultTreeSchema,
    from: z.number().int(),
    to: z.number().int(),
    done: z.number().int(),
    total: z.number().int(),
    finished: z.boolean(),
  }),
);
export type RotationProgress = z.infer<typeof rotationProgressSchema>;

/**
 * `team.vault`: what the Team page needs to offer the vault's chores. Per tree, its generation, whether a rotation is
 * due or under way (and why), and whether this member holds its key (only a holder rotates or grants it); and the
 * current, enrolled members entitled to a tree who hold no wrap of its current generation.
 */
export const vaultStatusSchema = lazily(() =>
  z.object({
    trees: z.array(
      z.object({
        tree: vaultTreeSchema,
        generation: z.number().int(),
        rotatingTo: z.number().int().nullable(),
        /** Why it is due (`member_removed`, `role_changed`, `code_reissued`, …); null when nothing is. */
        reason: z.string().nullable(),
        held: z.boolean(),
      }),
    ),
    lacking: z.array(
      z.object({
        userId: z.string(),
        trees: z.array(vaultTreeSchema),
        /** False until the member's Lotsen has published their public key (at their next unlock): no wrap can be made yet. */
        hasPublicKey: z.boolean(),
      }),
    ),
  }),
);
export type VaultStatusView = z.infer<typeof vaultStatusSchema>;

/** `team.grantKeys`: who got a wrap of which tree. */
export const grantedKeysSchema = lazily(() =>
  z.array(z.object({ userId: z.string(), trees: z.array(vaultTreeSchema) })),
);
