import type { retention as en } from '../en/retention.ts';
import type { Translation } from '../translation.ts';

export const retention: Translation<typeof en> = {
  title: 'Gallring',
  intro:
    'Personuppgifter i ärenden gallras varje sommar genom att deras nycklar förstörs; tid, fakturering och granskningsloggen finns kvar, med de personliga kolumnerna som ”gallrad”.',
  due: 'En gallring ska göras i dag',
  next: 'Nästa gallring: {{date}}',
  scope:
    'Per {{date}}: lösta och stängda ärenden som senast ändrades före {{cutoff}}, och månadsnycklar för månader som slutade före dess. Den tar {{summary}}.',
  purgeNow: 'Gallra nu',
  confirmTitle: 'Gallra personuppgifter nu?',
  confirm: 'Gallra personuppgifter',
  confirmText: 'Personuppgifterna i {{summary}} förstörs för gott. <strong>Det går inte att ångra.</strong>',
  confirmStays:
    'Tid, faktureringsrader och granskningsloggen finns kvar. Säkerhetskopior gjorda före gallringen innehåller fortfarande det den tar bort.',
  summary: '{{tickets}} hos {{customers}}, {{months}}, {{recordings}}',
  tickets_one: '{{count}} ärende',
  tickets_other: '{{count}} ärenden',
  customers_one: '{{count}} kund',
  customers_other: '{{count}} kunder',
  monthKeys_one: '{{count}} månadsnyckel',
  monthKeys_other: '{{count}} månadsnycklar',
  recordings_one: '{{count}} inspelning',
  recordings_other: '{{count}} inspelningar',
  keys_one: '{{count}} nyckel',
  keys_other: '{{count}} nycklar',
  nothingTitle: 'Inget att gallra',
  nothingText: 'Inget löst eller stängt ärende har varit orört tillräckligt länge per {{date}}.',
  perCustomer: 'Vad gallringen tar per kund',
  ticketsTaken: 'Ärenden som gallringen tar',
  col: {
    customer: 'Kund',
    tickets: 'Ärenden',
    ticket: 'Ärende',
    status: 'Status',
    lastChange: 'Senast ändrad',
  },
  policy: {
    title: 'Regler',
    intro:
      'Dagen varje sommar då gallringen ska göras, och hur länge ett löst eller stängt ärende sparas efter sin senaste ändring.',
    date: 'Gallringsdag (MM-DD)',
    days: 'Dagar att spara stängda ärenden',
    save: 'Spara regler',
    saved: 'Reglerna sparade.',
  },
  last: {
    title: 'Senaste gallring',
    run: '{{at}} av {{by}}, för {{date}}: {{tickets}}, {{months}}, {{recordings}} ({{keys}} förstörda).',
    none: 'Ingen gallring har körts i den här databasen än.',
  },
};
