import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createApiClient } from '../../../renderer/api/client.ts';
import type { Backend } from '../../../main/app/backend.node.ts';
import { selectMayCall } from '../../../renderer/store/app/selectors.ts';
import { currentMembers, selectIsLastAdmin } from '../../../renderer/store/team/selectors.ts';
import { createStores, type Stores } from '../../../renderer/store/stores.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { createTestTeamWithAdmin, type TestTeamWithAdmin } from '../../support/postgres/testTeam.ts';
import { inProcessTransport } from '../support/inProcessTransport.ts';
import { waitFor } from '../support/wsServer.ts';

/*
 * The team page's store on real backends: an embedded store (no team), and Lotsens enrolled in a real team database
 * (team create, an invitation, enrolment) as an admin and as a member without the admin right.
 */

let team: TestTeamWithAdmin;
beforeAll(async () => {
  team = await createTestTeamWithAdmin();
});
afterAll(async () => {
  await team?.drop();
});

/**
 * The stores of a window on `backend`, following only the app's status (the page's store loads when the page
 * opens), so nothing else is still loading when the backend closes.
 */
function windowOn(backend: Backend): Stores {
  const stores = createStores(createApiClient(inProcessTransport(backend)));
  onTestFinished(stores.app.getState().start());
  return stores;
}

/** A Lotsen enrolled in the fixture's team as a new member, invited by the fixture's first admin, and its stores. */
async function enrolledStores(member: {
  name: string;
  email: string;
  role: 'technician' | 'support_lead' | 'finance';
  isAdmin: boolean;
}): Promise<{ stores: Stores; userId: string }> {
  const lotsen = await team.enrolLotsen(team.admin, member);
  onTestFinished(() => lotsen.close());
  const stores = windowOn(lotsen.backend);
  await waitFor(() => stores.app.getState().status?.state === 'unlocked');
  return { stores, userId: lotsen.member.userId };
}

describe('the team store', { timeout: 60_000 }, () => {
  it('in the embedded default there is no team: the page learns so, not an error', async () => {
    const local = await openPassphraseBackend();
    onTestFinished(() => local.cleanup());
    const stores = windowOn(local.backend);
    await waitFor(() => stores.app.getState().status?.state === 'unlocked');
    // The local user holds the admin right, so the navigation offers the page, which explains what a team is.
    expect(selectMayCall('team.members')(stores.app.getState())).toBe(true);
    await stores.team.getState().load();
    expect(stores.team.getState()).toMatchObject({ status: 'noTeam', error: null, members: [] });
  });

  it('an admin lists, invites (the code is answered once, never kept), changes a role and removes', async () => {
    const { stores, userId: me } = await enrolledStores({
      name: 'Åsa Öberg-Lindqvist',
      email: 'asa.oberg-lindqvist@leverantor.se',
      role: 'support_lead',
      isAdmin: true,
    });
    const teamStore = stores.team;
    onTestFinished(teamStore.getState().start());
    await teamStore.getState().load();
    expect(teamStore.getState().status).toBe('ready');
    expect(teamStore.getState().members.map((m) => [m.name, m.isAdmin, m.state])).toEqual([
      ['Ada Admin', true, 'enrolled'],
      ['Åsa Öberg-Lindqvist', true, 'enrolled'],
    ]);

    const invitation = await teamStore.getState().addMember({
      name: 'Tekla Tekniker',
      email: 'tekla@leverantor.se',
      role: 'technician',
      isAdmin: false,
    });
    expect(invitation.code).toMatch(/^LOTSEN-/);
    // How Tekla joins, as this Lotsen reaches the team: its URL without user or password.
    expect(invitation).toMatchObject({
      teamUrl: team.url,
      insecure: false,
    });
    const tekla = teamStore.getState().members.find((m) => m.userId === invitation.userId);
    expect(tekla).toMatchObject({ role: 'technician', isAdmin: false, state: 'invited' });
    expect(JSON.stringify(teamStore.getState())).not.toContain(invitation.code);

    // A second address already in the team: the API's own words reach the form.
    await expect(
      teamStore.getState().addMember({ name: 'Tekla igen', email: 'tekla@leverantor.se', role: 'finance' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const run = await teamStore.getState().changeRole({
      userId: invitation.userId,
      role: 'finance',
      isAdmin: true,
    });
    expect(teamStore.getState().members.find((m) => m.userId === invitation.userId)).toMatchObject({
      role: 'finance',
      isAdmin: true,
    });
    // What the change rotated is kept for the dialog, with the progress main told on the way.
    const rotation = teamStore.getState().rotation!;
    expect(rotation).toMatchObject({ state: 'done', result: run, error: null });
    for (const rotated of run.rotated) {
      expect(rotation.progress).toContainEqual(
        expect.objectContaining({ tree: rotated.tree, done: rotated.dataKeys, finished: true }),
      );
    }
    teamStore.getState().clearRotation();
    expect(teamStore.getState().rotation).toBeNull();

    // Nobody removes themselves; the database says why.
    await expect(teamStore.getState().removeMember(me)).rejects.toThrow(
      'An admin cannot remove themselves; ask another admin.',
    );
    expect((await teamStore.getState().removeMember(invitation.userId)).endedConnections).toBe(0);
    expect(currentMembers(teamStore.getState().members).map((m) => m.userId)).not.toContain(
      invitation.userId,
    );
    // Listed among the removed, for their departing list.
    expect(teamStore.getState().members.find((m) => m.userId === invitation.userId)?.state).toBe('removed');
    expect(await teamStore.getState().departing(invitation.userId)).toMatchObject({
      userId: invitation.userId,
      secrets: [],
    });
    // Changed after they left (another admin's window): NOT_FOUND, and no rotation is left showing.
    await expect(
      teamStore.getState().changeRole({ userId: invitation.userId, role: 'technician', isAdmin: false }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(teamStore.getState().rotation).toBeNull();
    // Two enrolled admins: neither is the last.
    expect(selectIsLastAdmin(me)(teamStore.getState())).toBe(false);
  });

  it('the last enrolled admin keeps the admin right: the refusal is clear', async () => {
    const { stores } = await enrolledStores({
      name: 'Birgitta Sjöström',
      email: 'birgitta.sjostrom@leverantor.se',
      role: 'finance',
      isAdmin: true,
    });
    await stores.team.getState().load();
    const others = currentMembers(stores.team.getState().members).filter(
      (m) => m.isAdmin && m.name !== 'Birgitta Sjöström',
    );
    // Take every other admin's right away, so Birgitta is the last; the fixture's first admin gets it back after.
    const restore = async () => {
      for (const other of others) {
        await stores.team.getState().changeRole({ userId: other.userId, role: other.role, isAdmin: true });
      }
    };
    for (const other of others) {
      await stores.team.getState().changeRole({ userId: other.userId, role: other.role, isAdmin: false });
    }
    try {
      const me = stores.team.getState().members.find((m) => m.name === 'Birgitta Sjöström')!;
      expect(selectIsLastAdmin(me.userId)(stores.team.getState())).toBe(true);
      await expect(
        stores.team.getState().changeRole({ userId: me.userId, role: 'finance', isAdmin: false }),
      ).rejects.toThrow("The team's last admin keeps the admin right.");
    } finally {
      await restore();
    }
  });

  it('a member without the admin right is offered no team page, and main refuses the list', async () => {
    const { stores } = await enrolledStores({
      name: 'Tove Tekniker',
      email: 'tove@leverantor.se',
      role: 'technician',
      isAdmin: false,
    });
    expect(selectMayCall('team.members')(stores.app.getState())).toBe(false);
    await stores.team.getState().load();
    expect(stores.team.getState()).toMatchObject({ status: 'error', members: [] });
    expect(stores.team.getState().error).toContain('admin right');
  });
});
