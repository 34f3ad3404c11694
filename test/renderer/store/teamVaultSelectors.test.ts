import { describe, expect, it } from 'vitest';
import type { VaultStatusView } from '../../../common/team/vault.ts';
import {
  canGrant,
  describeRotations,
  dueReason,
  dueTrees,
  rotationFraction,
  selectMemberSummary,
  treesLeft,
} from '../../../renderer/store/team/selectors.ts';

/* What the Team page says of the vault: plain functions over what `team.vault` and the rotations answer. */

const tree = (overrides: Partial<VaultStatusView['trees'][number]>): VaultStatusView['trees'][number] => ({
  tree: 'secrets',
  generation: 2,
  rotatingTo: null,
  reason: null,
  held: true,
  ...overrides,
});

describe("the Team page's vault selectors", () => {
  it('a removal rotates every tree the member held; a change rotates the secrets tree only when it makes finance', () => {
    expect(treesLeft({ role: 'technician' }, 'removed')).toEqual(['personal', 'secrets']);
    expect(treesLeft({ role: 'finance' }, 'removed')).toEqual(['personal']);
    expect(treesLeft({ role: 'technician' }, { role: 'finance' })).toEqual(['secrets']);
    expect(treesLeft({ role: 'technician' }, { role: 'support_lead' })).toEqual([]);
    expect(treesLeft({ role: 'finance' }, { role: 'technician' })).toEqual([]);
  });

  it('says what rotated and what is left due for a holder, as the CLI does', () => {
    expect(
      describeRotations({
        rotated: [{ tree: 'personal', from: 3, to: 4, dataKeys: 1 }],
        leftDue: [{ tree: 'secrets', reason: 'member_removed' }],
      }),
    ).toEqual([
      'The key to personal data is rotated (generation 3 → 4, 1 data key re-wrapped).',
      'The key to customers’ secrets is still due: you hold no key of it, so it rotates when a member who does unlocks Lotsen.',
    ]);
  });

  it('the banner lists trees due or under way, with why', () => {
    const vault: VaultStatusView = {
      trees: [tree({ tree: 'personal' }), tree({ reason: 'code_reissued' })],
      lacking: [],
    };
    expect(dueTrees(vault).map((t) => t.tree)).toEqual(['secrets']);
    expect(dueTrees({ ...vault, trees: [tree({ rotatingTo: 3 })] })).toHaveLength(1);
    expect(dueTrees(null)).toEqual([]);
    expect(dueReason('role_changed')).toBe('a member who held it was changed to finance');
    expect(dueReason('rotation_begun')).toBe('a rotation was begun and not finished');
  });

  it('offers grant-keys only for a tree this admin holds, to a member with a public key', () => {
    const lacking = (hasPublicKey: boolean) => [{ userId: 'u1', trees: ['secrets' as const], hasPublicKey }];
    expect(canGrant({ trees: [tree({})], lacking: lacking(true) })).toBe(true);
    expect(canGrant({ trees: [tree({})], lacking: lacking(false) })).toBe(false);
    expect(canGrant({ trees: [tree({ held: false })], lacking: lacking(true) })).toBe(false);
    expect(canGrant({ trees: [tree({})], lacking: [] })).toBe(false);
  });

  it('a bar is full once finished, and for an empty tree', () => {
    expect(rotationFraction({ done: 250, total: 1000, finished: false })).toBe(0.25);
    expect(rotationFraction({ done: 0, total: 0, finished: false })).toBe(1);
    expect(rotationFraction({ done: 999, total: 1000, finished: true })).toBe(1);
  });

  it('the summary counts current members; the removed are listed apart', () => {
    const member = (state: 'invited' | 'enrolled' | 'removed') =>
      ({ state }) as Parameters<typeof selectMemberSummary>[0]['members'][number];
    expect(selectMemberSummary({ members: [member('enrolled'), member('invited'), member('removed')] })).toBe(
      '2 members, 1 not enrolled yet',
    );
  });
});
