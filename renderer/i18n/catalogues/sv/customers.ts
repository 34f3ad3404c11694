import type { customers as en } from '../en/customers.ts';
import type { Translation } from '../translation.ts';

export const customers: Translation<typeof en> = {
  list: {
    title: 'Kunder',
    add: 'Lägg till kund',
    loading: 'Laddar kunder…',
    count_one: '{{count}} kund',
    count_other: '{{count}} kunder',
    matching: '{{shown}} av {{total}} matchar ”{{query}}”',
    label: 'Kunder',
    emptyTitle: 'Inga kunder ännu',
    emptyText:
      'Lägg till din första kund för att ha dess miljöer, servrar, fjärråtkomst, supportkonton och namngivna supportkontakter på ett krypterat ställe.',
    loadFailed: 'Kundlistan kunde inte laddas',
    noMatchTitle: 'Ingen kund matchar ”{{query}}”',
    noMatchText:
      'Sökningen tittar på namn, organisationsnummer (med eller utan bindestreck), servrar och kontakter.',
    clearSearch: 'Rensa sökningen',
  },
  row: {
    nonStandardAccess: 'Åtkomst utanför standard (debiteras, 8.6)',
    nonStandardAccessTitle: 'Ett fjärråtkomstsätt utanför listan över stödda; debiteras enligt punkt 8.6',
    environments_one: '{{count}} miljö',
    environments_other: '{{count}} miljöer',
    hosts_one: '{{count}} server',
    hosts_other: '{{count}} servrar',
    contacts_one: '{{count}} kontakt',
    contacts_other: '{{count}} kontakter',
    matchedOn: 'träff på: {{fields}}',
  },
  form: {
    addTitle: 'Lägg till kund',
    editTitle: 'Ändra {{name}}',
    save: 'Spara kund',
    add: 'Lägg till kund',
    name: 'Namn',
    nameHint: 'Som i avtalet, t.ex. Växjö kommun',
    orgNumber: 'Organisationsnummer',
    orgNumberHint: 'NNNNNN-NNNN; bindestrecket kan utelämnas',
    kind: 'Typ',
    responsible: 'Ansvarig person hos leverantören (akuta samtal)',
    responsibleName: 'Namn',
    responsibleNameHint: 'Den som kundens supportkontakter ringer när det är bråttom',
    responsiblePhone: 'Telefon',
    responsibleEmail: 'E-post',
    notes: 'Anteckningar',
  },
  stored: {
    name: 'Namn',
    orgNumber: 'Organisationsnummer',
    kind: 'Typ',
    responsibleName: 'Ansvarig persons namn',
    responsiblePhone: 'Ansvarig persons telefon',
    responsibleEmail: 'Ansvarig persons e-post',
    notes: 'Anteckningar',
  },
};
