import type { shell as en } from '../en/shell.ts';
import type { Translation } from '../translation.ts';

export const shell: Translation<typeof en> = {
  topbar: {
    shortcuts: 'Kortkommandon',
  },
  nav: {
    label: 'Huvudmeny',
    customers: 'Kunder',
    tickets: 'Ärenden',
    sessions: 'Sessioner',
    timesheet: 'Tidrapport',
    billing: 'Fakturering',
    eligibility: 'Behörighet',
    audit: 'Granskningslogg',
    retention: 'Gallring',
    team: 'Team',
    breached: '{{count}} över tiden',
    blocked: '{{count}} spärrade',
  },
  database: {
    label: 'Teamets databas',
    awayHeadline: 'Teamets databas går inte att nå',
    awaySince: ' sedan {{since}}',
    awayTail: '. Lotsen fortsätter försöka och säger till här när den är tillbaka.',
    stillWorks: 'Det här fungerar fortfarande',
    sessionsRun:
      'Öppna sessioner fortsätter; deras tid, granskningshändelser och inspelningar sparas på den här datorn.',
    newSessions:
      'En ny session startar bara för ett ärende vars behörighet kontrollerades den senaste timmen.',
    restWaits: 'Allt annat (listor, ändringar, fakturering) väntar tills databasen är tillbaka.',
    backHeadline: 'Teamets databas är tillbaka',
    backTail: ': allt fungerar igen.',
  },
  connection: {
    lost: 'Anslutningen till Lotsen bröts — ansluter igen… Ändringar kan inte sparas förrän den är tillbaka.',
    restarted: 'Om Lotsen startades om, öppna den nya adress den skrev ut.',
  },
  sessionEnded: {
    title: 'Din webbläsarsession har avslutats',
    howTo:
      'Fortsätt genom att gå till terminalen där <code>lotsen serve</code> körs och trycka Enter. Den skriver ut en ny länk; öppna den. Varje länk fungerar en gång.',
  },
  starting: {
    connecting: 'Ansluter till Lotsen…',
    unreachable: 'Når inte Lotsen',
  },
  shortcutsDialog: {
    or: ' eller ',
  },
};
