import type { DepartingReport } from '../../../common/team/departing.ts';
import { printTable, type CliIo } from '../cliOutput.ts';

const day = (at: number) => new Date(at).toISOString().slice(0, 10);
const named = (name: string | null, id: string | null) => name ?? (id === null ? '?' : `(deleted ${id})`);

/** `lotsen team departing` and `team remove-member`: what to have changed at the customers, as a person reads it. */
export function printDeparting(io: CliIo, who: string, report: DepartingReport): void {
  const nothing =
    report.secrets.length === 0 && report.preConnect.length === 0 && !report.registryExportsWithSecrets;
  if (nothing) {
    io.out(`${who} revealed no customer secret and used none in a session.\n`);
    return;
  }
  io.out(
    `${who} saw or used these customer secrets; rotating the team's keys cannot take them back, so have them changed:\n\n`,
  );
  if (report.secrets.length > 0) {
    printTable(
      io,
      ['CUSTOMER', 'ENVIRONMENT', 'ACCOUNT', 'REVEALED', 'USED IN SESSIONS', 'LAST'],
      report.secrets.map((s) => [
        named(s.customerName, s.customerId),
        named(s.environmentName, s.environmentId),
        s.username ?? `(deleted ${s.accountId})`,
        s.revealed ? `${s.revealed.times}×` : '',
        s.usedInSessions ? `${s.usedInSessions.times}×` : '',
        day(Math.max(s.revealed?.lastAt ?? 0, s.usedInSessions?.lastAt ?? 0)),
      ]),
    );
  }
  if (report.preConnect.length > 0) {
    io.out('\nPre-connect commands they ran (a VPN password there is theirs too):\n');
    printTable(
      io,
      ['CUSTOMER', 'ENVIRONMENT', 'RAN', 'LAST'],
      report.preConnect.map((p) => [
        named(p.customerName, p.customerId),
        named(p.environmentName, p.environmentId),
        `${p.times}×`,
        day(p.lastAt),
      ]),
    );
  }
  const exports = report.registryExportsWithSecrets;
  if (exports) {
    io.out(
      `\nThey exported the whole registry with its secrets ${exports.times}× (last ${day(exports.lastAt)}): ` +
        'every secret stored then is theirs.\n',
    );
  }
}
