import type { RotationsRunView } from '../../../common/team/vault.ts';
import type { CliIo } from '../cliOutput.ts';

const treeName = { secrets: "customers' secrets", personal: 'personal data' } as const;

/** What a removal, a role change or `team rotate` did to the vault's keys, and what it had to leave for another. */
export function printRotations(io: CliIo, run: RotationsRunView): void {
  for (const r of run.rotated) {
    io.out(
      `The key to ${treeName[r.tree]} is rotated (generation ${r.from} → ${r.to}, ${r.dataKeys} data keys re-wrapped).\n`,
    );
  }
  for (const due of run.leftDue) {
    io.out(
      `The key to ${treeName[due.tree]} is due for rotation, but you hold no key of it: it rotates when a member who ` +
        'does unlocks Lotsen, or runs `lotsen team rotate`.\n',
    );
  }
}
