import { startSshd, type SshdFixture } from '../sshd/sshdFixture.ts';
import { until } from '../until.ts';
import { startDatabaseOutage, type DatabaseOutage } from './databaseOutage.ts';
import { createTestTeamWithAdmin, type MemberLotsen, type TestTeamWithAdmin } from './testTeam.ts';

/**
 * A support lead's Lotsen on a team database it reaches only through the outage proxy, beside the test sshd: what the
 * tests of sessions through a lost database start from. Each terminal's output is kept per session and acked as it
 * arrives, as a window does, so flow control never holds a session back.
 */
export interface TechnicianBehindOutage {
  sshd: SshdFixture;
  outage: DatabaseOutage;
  team: TestTeamWithAdmin;
  lotsen: MemberLotsen;
  /** What each session's terminal has shown so far. */
  output: Map<string, string>;
  /** Types a line the shell echoes back as a marker and waits for it, so its recording batch is made. */
  typeMarker(sessionId: string, marker: string): Promise<void>;
  close(): Promise<void>;
}

export async function startTechnicianBehindOutage(): Promise<TechnicianBehindOutage> {
  const [sshd, outage, team] = await Promise.all([
    startSshd(),
    startDatabaseOutage(),
    createTestTeamWithAdmin(),
  ]);
  const lotsen = await team.enrolLotsen(
    team.admin,
    { name: 'Tekla Tekniker', email: 'tekla@leverantor.se', role: 'support_lead' },
    { sessions: { shell: '/bin/sh', connectTimeoutMs: 5_000 }, port: outage.port },
  );
  const output = new Map<string, string>();
  const decoder = new TextDecoder();
  lotsen.backend.on('terminal.output', ({ sessionId, data }) => {
    output.set(sessionId, (output.get(sessionId) ?? '') + decoder.decode(data, { stream: true }));
    void lotsen.call.ok('sessions.ack', { sessionId, bytes: data.length });
  });
  return {
    sshd,
    outage,
    team,
    lotsen,
    output,
    async typeMarker(sessionId, marker) {
      // The shell echoes the typed line too: quoting a character of it keeps the echo from matching the marker.
      await lotsen.call.ok('sessions.input', { sessionId, data: `echo ${marker.replace('-', '"-"')}\n` });
      await until(`"${marker}" in the terminal`, () => (output.get(sessionId) ?? '').includes(marker));
    },
    async close() {
      outage.restore();
      await lotsen.close();
      await Promise.all([sshd.stop(), outage.close(), team.drop()]);
    },
  };
}
