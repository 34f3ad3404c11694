import { z } from 'zod';

/*
 * The team vault's rotations as the API reports them (team.removeMember, team.changeRole, team.rotate): a tree a
 * member left is moved to a new generation by whoever holds it; one this member cannot move stays due for another.
 */

export const vaultTreeSchema = z.enum(['personal', 'secrets']);

export const rotationsRunSchema = z.object({
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
});
export type RotationsRunView = z.infer<typeof rotationsRunSchema>;

/** `team.recover`: the recovery kit as `team create` printed it (one line; spaces and line breaks are ignored). */
export const recoverInputSchema = z
  .object({ kit: z.string().trim().min(1, { error: 'Give the recovery kit' }).max(400) })
  .strict();

export const recoveredSchema = z.object({
  /** The trees whose keys the kit restored for this admin (finance: the personal tree only). */
  trees: z.array(vaultTreeSchema),
  /** Which kit it was, as `team create` showed it: never the kit. */
  kitFingerprint: z.string(),
});
