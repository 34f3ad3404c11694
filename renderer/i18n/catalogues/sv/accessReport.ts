import type { accessReport as en } from '../en/accessReport.ts';
import type { Translation } from '../translation.ts';

export const accessReport: Translation<typeof en> = {
  title: 'Åtkomstrapport',
  intro:
    'Vem som anslöt till kundens servrar, när och för vilket ärende, och vad som exporterats om kunden. Ärenden visas bara med referens.',
  preparing: 'Förbereder…',
  download: 'Ladda ned CSV',
  thisMonth: 'Denna månad',
  nothing: 'Ingen anslöt till {{customer}}s servrar i {{month}}, och inget om kunden exporterades.',
  noSessions: 'Inga sessioner denna månad.',
  sessions: 'Sessioner',
  col: {
    when: 'När',
    technician: 'Tekniker',
    server: 'Server',
    ticket: 'Ärende',
    ended: 'Avslutad',
    recorded: 'Inspelad',
    override: 'Åsidosatt',
    who: 'Vem',
    what: 'Vad',
    concerning: 'Gäller',
  },
  yes: 'Ja',
  no: 'Nej',
  live: 'pågår',
  seconds: '{{count}} s',
  localTerminal: 'Lokal terminal',
  deletedEnvironment: 'Borttagen miljö',
  noExports: 'Inget om kunden exporterades denna månad.',
  exports: 'Exporter och visade hemligheter',
};
