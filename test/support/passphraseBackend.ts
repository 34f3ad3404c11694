import { Backend } from '../../main/app/backend.node.ts';
import type { WorkRole } from '../../common/team/principal.ts';
import { createTestTeam, testDataSource, type TestEnrolment, type TestTeam } from './postgres/testTeam.ts';
import { makeTempDataDir } from './tempDataDir.ts';

import { TEST_PASSPHRASE } from './testPassphrase.ts';

export { TEST_PASSPHRASE };
export const TEST_USER = {
  name: 'Tekla Tekniker',
  email: 'tekla@leverantor.se',
  role: 'technician',
} as const;

/** The people a test's second member is, per work role: a team's members are different people. */
const SECOND_MEMBER: Record<WorkRole, { name: string; email: string }> = {
  technician: { name: 'Tor Tekniker', email: 'tor@leverantor.se' },
  support_lead: { name: 'Lena Ledare', email: 'lena@leverantor.se' },
  finance: { name: 'Fia Finans', email: 'fia@leverantor.se' },
};

export interface OpenedBackend {
  backend: Backend;
  dataDir: string;
  /**
   * Another member of the same store, with `role`. On a team database: a second Lotsen (its own data folder and key)
   * enrolled with that role, invited by this member (the team's admin). In the embedded default the one local user
   * holds every role, so it is this same backend.
   */
  joinAs(role: WorkRole): Promise<OpenedBackend>;
  /** The team database, when the store is one (to look at it as its server's owner would). */
  team?: TestTeam;
  cleanup(): Promise<void>;
}

/**
 * An initialised, unlocked backend on a temporary folder, keyed by a passphrase so the test needs no keychain.
 * The store is the real encrypted SQLite file; or, in the run's team project (LOTSEN_TEST_DATA_SOURCE=team), a team
 * database of its own on the run's PostgreSQL made by `team create`, which TEST_USER joins as its first member (as
 * `teamRole`, a support lead unless told, with the admin right) the way `lotsen init --team` does: its Lotsen derives
 * the login's password and enrols with it. The database's rules (grants, forced row-level security) then apply.
 */
export async function openPassphraseBackend(
  options: { now?: () => number; teamRole?: WorkRole; source?: 'embedded' | 'team' } = {},
): Promise<OpenedBackend> {
  const { teamRole = 'support_lead', source = testDataSource(), ...backendOptions } = options;
  if (source === 'embedded') {
    const opened = await initialisedBackend(backendOptions, null);
    const same: OpenedBackend = {
      ...opened,
      joinAs: async () => ({ ...same, cleanup: async () => undefined }),
    };
    return same;
  }
  const team = await createTestTeam({ ...TEST_USER, role: teamRole });
  const enrolment = team.enrolment(team.firstMember);
  let opened;
  try {
    opened = await initialisedBackend(backendOptions, enrolment);
  } catch (error) {
    await team.drop();
    throw error;
  }
  return {
    ...opened,
    team,
    joinAs: (role) => joinTeam(team, enrolment, role, backendOptions),
    async cleanup() {
      await opened.cleanup();
      await team.drop();
    },
  };
}

async function joinTeam(
  team: TestTeam,
  admin: TestEnrolment,
  role: WorkRole,
  backendOptions: { now?: () => number },
): Promise<OpenedBackend> {
  const invitation = await team.invite(admin.member(), { ...SECOND_MEMBER[role], role });
  const opened = await initialisedBackend(backendOptions, team.enrolment(invitation));
  return { ...opened, joinAs: (next) => joinTeam(team, admin, next, backendOptions) };
}

async function initialisedBackend(
  backendOptions: { now?: () => number },
  team: TestEnrolment | null,
): Promise<Omit<OpenedBackend, 'joinAs'>> {
  const temp = await makeTempDataDir();
  const backend = await Backend.open({ dataDir: temp.dir, ...backendOptions });
  try {
    await backend.initialize({
      user: TEST_USER,
      passphrase: TEST_PASSPHRASE,
      preference: 'passphrase',
      ...(team ? { team } : {}),
    });
  } catch (error) {
    await temp.cleanup();
    throw error;
  }
  return {
    backend,
    dataDir: temp.dir,
    async cleanup() {
      await backend.close();
      await temp.cleanup();
    },
  };
}
