import type { billing as en } from '../en/billing.ts';
import type { Translation } from '../translation.ts';

export const billing: Translation<typeof en> = {
  title: 'Fakturering',
  intro:
    'En kunds månad godkänns när dess tid är klassad: posterna låses och raderna sparas som en numrerad omgång till fakturan.',
  export: 'Exportera…',
  lastMonth: 'Förra månaden',
  month: 'Månad',
  notOver:
    'Inte slut än: siffrorna för {{month}} är vad ett godkännande skulle fakturera just nu. Månaden kan godkännas när den är slut.',
  customers: 'Kunder',
  customersIntro:
    'Arbetat: klassad tid som den registrerats. Debiterat: avrundat som varje avtal säger. Belopp exklusive moms.',
  emptyTitle: 'Ingen tid i {{month}}',
  emptyText: 'Tid visas här när tekniker registrerar den: timrar, sessioner och manuella poster på ärenden.',
  tableLabel: 'Fakturering, {{month}}',
  col: {
    customer: 'Kund',
    worked: 'Arbetat',
    billed: 'Debiterat',
    amount: 'Belopp',
    unclassified: 'Oklassat',
    status: 'Status',
  },
  allCustomers: 'Alla kunder',
  approveTitle: 'Godkänna {{month}} för {{customer}}?',
  approveConfirm: 'Godkänn månaden',
  approveSummary: '{{entries}}: {{billed}} debiterat, <strong>{{amount}}</strong>.',
  approveText:
    'Månadens tidposter låses och faktureringsraderna sparas som en numrerad omgång. Senare rättelser blir justeringar som debiteras i nästa öppna månad. Det går inte att ångra.',
  entries_one: '{{count}} post',
  entries_other: '{{count}} poster',
  adjustments_one: '{{count}} justering',
  adjustments_other: '{{count}} justeringar',
  approvedBatch: 'Godkänd · omgång {{number}}',
  open: 'Öppen',
  issues: {
    unclassified_one: '{{count}} post är inte klassificerad',
    unclassified_other: '{{count}} poster är inte klassificerade',
    running_one: '{{count}} post pågår fortfarande',
    running_other: '{{count}} poster pågår fortfarande',
    noAgreement_one: '{{count}} debiterbar post saknar avtal som gäller',
    noAgreement_other: '{{count}} debiterbara poster saknar avtal som gäller',
    missingRate_one:
      '{{count}} debiterbar post är ”{{workType}}”, som avtal {{reference}} saknar timpris för',
    missingRate_other:
      '{{count}} debiterbara poster är ”{{workType}}”, som avtal {{reference}} saknar timpris för',
  },
  approve: 'Godkänn…',
  approveLabel: 'Godkänn månaden för {{customer}}',
  approveTitleHint: 'Lås månaden och spara dess faktureringsrader som en omgång',
  alreadyApproved: 'Redan godkänd.',
  notEnded: 'Månaden är inte slut än.',
  exportLabel: 'Exportera {{customer}}',
  history: {
    title: 'Debiterade timmar, senaste 12 månaderna',
    intro: 'Godkända månader som deras omgångar fakturerade dem; öppna månader som de skulle faktureras nu.',
    empty: 'Inga debiterade timmar under de tolv månaderna fram till {{month}}.',
    chart: 'Debiterade timmar per kund, {{from}} – {{to}}',
    chartEmpty: 'Debiterade timmar per kund',
    series: 'Serie',
  },
  prices: {
    title: 'Prislista',
    intro:
      'Vad arbete utanför ett avtal kostar. Redan gjorda eskaleringar behåller avgiften de registrerades med.',
    acute: 'Akut eskalering i undantagsfall',
    edit: 'Ändra…',
    dialogTitle: 'Ändra prislistan',
    save: 'Spara priser',
    acuteKr: 'Akut eskalering i undantagsfall (kr)',
    acuteHint:
      'Debiteras för varje eskalering utanför avtalets akutoption. Ändringen loggas i granskningsloggen.',
  },
  exportDialog: {
    title: 'Exportera {{month}}',
    what: 'Vad',
    everyCustomer: 'Alla kunder, {{month}}',
    batch: 'Omgång {{number}} — {{customer}}',
    preview: '{{customer}} (ej godkänd: förhandsvisning)',
    format: 'Format',
    progress: 'Exportens förlopp',
    writing: 'Skriver rader: {{done}} av {{total}}…',
    starting: 'Startar exporten…',
    saved: 'Sparade <file>{{fileName}}</file>: {{rows}}, {{size}}.',
    rows_one: '{{count}} rad',
    rows_other: '{{count}} rader',
    previewNote: ' Innehåller en månad som inte är godkänd än, så raderna är en förhandsvisning.',
    exporting: 'Exporterar…',
    again: 'Exportera igen',
    formats: {
      csv: { label: 'CSV', hint: 'Kommaseparerad, decimalpunkt: för ekonomisystem och skript.' },
      csv_excel_sv: {
        label: 'CSV för Excel (svenskt)',
        hint: 'Semikolon och decimalkomma, som Excel på ett svenskt Windows öppnar den med ett dubbelklick.',
      },
      xlsx: { label: 'Excel-arbetsbok (XLSX)', hint: 'Ett sammanfattningsblad per kund och ett detaljblad.' },
    },
  },
};
