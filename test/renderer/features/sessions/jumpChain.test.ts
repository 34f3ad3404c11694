import { describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../../../renderer/i18n/i18n.ts';
import { defaultAccess, type EnvironmentView } from '../../../../common/registry/model.ts';
import { MAX_JUMP_HOSTS, sessionOpenInputSchema } from '../../../../common/sessions/model.ts';
import {
  addHop,
  chainProblems,
  hopProblems,
  jumpInput,
  noMoreHops,
  removeHop,
  updateHop,
  type JumpHop,
} from '../../../../renderer/features/sessions/jumpChain.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const server = (n: number, host: string) => ({
  id: id(n),
  environmentId: id(100),
  host,
  port: 22,
  role: 'other' as const,
  os: '',
  notes: '',
  shell: 'posix' as const,
  rdpPort: null,
  rowVersion: 1,
});
const account = (n: number, username: string, hasSecret: boolean) => ({
  id: id(n),
  environmentId: id(100),
  username,
  notes: '',
  hasSecret,
  secretUpdatedAt: hasSecret ? 1 : null,
  hasTotpSeed: false,
  rowVersion: 1,
});

const target = server(1, 'adfs01.kalmar.se');
const bastion = server(2, 'bastion.kalmar.se');
const inner = server(3, 'jump02.kalmar.se');
const withSecret = account(10, 'svc_lotsen', true);
const withoutSecret = account(11, 'lotsen_jump', false);
const environment: EnvironmentView = {
  id: id(100),
  customerId: id(200),
  name: 'Produktion',
  notes: '',
  access: {
    ...defaultAccess,
    hasPreConnectSecret: false,
    hasVpnTotpSeed: false,
    standard: true,
    nonStandardReasons: [],
  },
  servers: [target, bastion, inner],
  supportAccounts: [withSecret, withoutSecret],
  certificates: [],
  notices: [],
  rowVersion: 1,
};

const chainOf = (count: number, within: EnvironmentView = environment) =>
  Array.from({ length: count }).reduce<JumpHop[]>(
    (hops, _, i) => addHop(hops, within, target.id, `k${i}`),
    [],
  );
/** More servers than a route may hold. */
const wide: EnvironmentView = {
  ...environment,
  servers: [
    target,
    ...Array.from({ length: MAX_JUMP_HOSTS + 2 }, (_, i) => server(20 + i, `hop${i}.kalmar.se`)),
  ],
};

describe('building a jump chain', () => {
  it('adds hops nearest first, each on a server not yet on the route and never the target', () => {
    const hops = chainOf(2);
    expect(hops.map((h) => h.serverId)).toEqual([bastion.id, inner.id]);
    expect(hops.every((h) => h.accountId === withSecret.id && h.auth === 'auto')).toBe(true);
    // With every other server on the route there is nothing to add, and the dialog says why.
    expect(addHop(hops, environment, target.id, 'k2')).toEqual(hops);
    expect(noMoreHops(hops, environment, target.id)).toBe(
      'Every other server of this environment is on the route already.',
    );
    expect(noMoreHops(chainOf(1), environment, target.id)).toBeNull();
    const alone = { ...environment, servers: [target] };
    expect(noMoreHops([], alone, target.id)).toBe('This environment has no other server to jump through.');
    expect(addHop([], alone, target.id, 'k0')).toEqual([]);
  });

  it('stops at the number of jump hosts sessions.open takes', () => {
    const full = chainOf(MAX_JUMP_HOSTS + 2, wide);
    expect(full).toHaveLength(MAX_JUMP_HOSTS);
    expect(noMoreHops(full, wide, target.id)).toBe(`At most ${MAX_JUMP_HOSTS} jump hosts.`);
    const open = (count: number) =>
      sessionOpenInputSchema.safeParse({
        ticketId: id(300),
        environmentId: id(100),
        kind: 'ssh',
        serverId: target.id,
        accountId: withSecret.id,
        jump: Array.from({ length: count }, (_, i) => ({ ...jumpInput(full)[0]!, serverId: id(500 + i) })),
      });
    expect(open(MAX_JUMP_HOSTS).success).toBe(true);
    expect(open(MAX_JUMP_HOSTS + 1).error?.issues[0]?.message).toBe('At most 4 jump hosts');
  });

  it('changes and removes one hop by its key, leaving the others in order', () => {
    const hops = chainOf(2);
    const changed = updateHop(hops, 'k1', { accountId: withoutSecret.id, auth: 'agent' });
    expect(changed[1]).toMatchObject({ serverId: inner.id, accountId: withoutSecret.id, auth: 'agent' });
    expect(changed[0]).toEqual(hops[0]);
    expect(removeHop(changed, 'k0').map((h) => h.key)).toEqual(['k1']);
  });

  it('sends the route as sessions.open takes it: nearest first, without the form keys', () => {
    const hops = updateHop(chainOf(2), 'k0', { auth: 'keyboardInteractive' });
    expect(jumpInput(hops)).toEqual([
      { serverId: bastion.id, accountId: withSecret.id, auth: 'keyboardInteractive' },
      { serverId: inner.id, accountId: withSecret.id, auth: 'auto' },
    ]);
  });
});

describe('checking a jump chain', () => {
  it('finds nothing wrong with a route of distinct servers and usable accounts', () => {
    expect(chainProblems(chainOf(2), environment, target.id).size).toBe(0);
  });

  it('names a hop that is the target, or a server already on the route, by its number', () => {
    const chain = chainOf(3, wide);
    const hops = updateHop(updateHop(chain, 'k1', { serverId: target.id }), 'k2', {
      serverId: chain[0]!.serverId,
    });
    const problems = chainProblems(hops, wide, target.id);
    expect(problems.get('k0')).toBeUndefined();
    expect(problems.get('k1')).toEqual([
      { field: 'server', message: 'This is the server you are connecting to.' },
    ]);
    expect(problems.get('k2')).toEqual([{ field: 'server', message: 'This server is already jump host 1.' }]);
  });

  it('words the route problems in the chosen language', async () => {
    const chain = chainOf(2, wide);
    const hops = updateHop(updateHop(chain, 'k0', { serverId: target.id }), 'k1', { serverId: target.id });
    await chooseLanguage('sv');
    try {
      expect(chainProblems(hops, wide, target.id).get('k0')).toEqual([
        { field: 'server', message: 'Det här är servern du ansluter till.' },
      ]);
      const repeated = updateHop(chain, 'k1', { serverId: chain[0]!.serverId });
      expect(chainProblems(repeated, wide, target.id).get('k1')).toEqual([
        { field: 'server', message: 'Den här servern är redan hoppserver 1.' },
      ]);
    } finally {
      await chooseLanguage('en');
    }
  });

  it('refuses a stored-secret sign-in for an account without a secret, but not the prompts or the agent', () => {
    const hop = { serverId: bastion.id, accountId: withoutSecret.id };
    for (const auth of ['auto', 'password', 'privateKey'] as const) {
      expect(hopProblems({ ...hop, auth }, environment)).toEqual([
        {
          field: 'account',
          message:
            'No secret is stored for lotsen_jump: sign in with keyboard-interactive or the SSH agent, or store one in the registry.',
        },
      ]);
    }
    expect(hopProblems({ ...hop, auth: 'keyboardInteractive' }, environment)).toEqual([]);
    expect(hopProblems({ ...hop, auth: 'agent' }, environment)).toEqual([]);
  });

  it('asks for a server and an account that are no longer in the environment', () => {
    expect(hopProblems({ serverId: id(99), accountId: id(98), auth: 'auto' }, environment)).toEqual([
      { field: 'server', message: 'Choose a server.' },
      { field: 'account', message: 'Choose a support account.' },
    ]);
  });
});
