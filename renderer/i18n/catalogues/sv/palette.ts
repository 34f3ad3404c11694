import type { palette as en } from '../en/palette.ts';
import type { Translation } from '../translation.ts';

export const palette: Translation<typeof en> = {
  title: 'Gå till eller anslut',
  inputLabel: 'Sök kunder, servrar, ärenden och sidor',
  placeholder: 'Kund, server (”wap växjö”), ärende eller sida…',
  results: 'Träffar',
  noResults: 'Inget matchar ”{{query}}”',
  loading: 'Öppnar…',
  gone: 'Servern finns inte längre i registret.',
  kinds: {
    server: 'Anslut',
    tool: 'Starta',
    customer: 'Kund',
    ticket: 'Ärende',
    page: 'Sida',
    action: 'Åtgärd',
  },
  serverLine: '{{environment}} · {{host}}',
  toolTitle: '{{customer}}: {{tool}}',
  recent: 'Senaste',
  favourite: 'Favorit',
  pin: 'Fäst {{name}}',
  unpin: 'Lossa {{name}}',
  hint: '↑↓ för att flytta, Enter för att öppna, Alt+P för att fästa, Esc för att stänga',
  pages: {
    customers: 'Kunder',
    tickets: 'Ärenden',
    sessions: 'Sessioner',
    recordings: 'Inspelningar',
    timesheet: 'Tidrapport',
    billing: 'Fakturering',
    eligibility: 'Behörighet',
    audit: 'Granskningslogg',
    retention: 'Gallring',
    team: 'Team',
  },
  actions: {
    lock: 'Lås Lotsen',
    shortcuts: 'Visa kortkommandon',
  },
  search: {
    label: 'Sök kunder',
    placeholder: 'Sök namn, org.nr, värdar, kontakter…',
    ticketFound: 'Ärende {{reference}}: {{subject}} ({{customer}})',
    ticketsFound: 'Ärenden som matchar ”{{query}}”',
  },
  shortcuts: {
    palette: 'Öppna kommandopaletten: kunder, servrar, ärenden, sidor',
    search: 'Sök kunder',
    pin: 'Fäst eller lossa den markerade träffen i paletten',
  },
};
