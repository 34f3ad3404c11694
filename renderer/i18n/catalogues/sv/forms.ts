import type { forms as en } from '../en/forms.ts';
import type { Translation } from '../translation.ts';

export const forms: Translation<typeof en> = {
  keys: 'Enter eller Ctrl+Enter sparar · Esc avbryter',
  datePattern: 'ÅÅÅÅ-MM-DD',
  saveChoices: 'Spara med dessa val',
  yes: 'Ja',
  no: 'Nej',
  empty: '(tomt)',
  none: '(inga)',
  listPair: '{{first}} och {{last}}',
  somethingWrong: 'Något gick fel; inget sparades.',
  conflict: {
    title: 'Ändrat medan du hade det öppet',
    nothingDiffers:
      'Inget du skrivit här skiljer sig från det som är sparat nu: spara för att behålla det du skrev.',
    reload: 'Läs in deras',
    reloadHint: 'Slänger allt du skrivit och visar det som är sparat nu för {{record}}; inget sparas.',
    changedBy:
      '{{who}} ändrade {{record}}{{when}} medan du hade det öppet. Inget sparades: jämför det som är sparat nu med det du skrev, välj och spara igen.',
    changedBySomeone:
      'Någon ändrade {{record}}{{when}} medan du hade det öppet. Inget sparades: jämför det som är sparat nu med det du skrev, välj och spara igen.',
    changedByYou:
      'Du ändrade {{record}}{{when}} (i ett annat fönster eller med CLI:t) medan du hade det öppet. Inget sparades: jämför det som är sparat nu med det du skrev, välj och spara igen.',
    whenToday: ' kl. {{time}}',
    whenDay: ' {{date}} kl. {{time}}',
    whenUnknown: '',
    /** I bestämd form: ”ändrade kunden”, ”sparat nu för kunden”. */
    records: {
      customer: 'kunden',
      contact: 'kontakten',
      environment: 'miljön',
      server: 'servern',
      'support account': 'supportkontot',
      certificate: 'certifikatet',
      'maintenance notice': 'underhållsmeddelandet',
      agreement: 'avtalet',
      'data-processing agreement': 'PUB-avtalet',
      ticket: 'ärendet',
      'time entry': 'tidrapporten',
      'price list': 'prislistan',
      'retention policy': 'gallringsregeln',
    },
    keepMine: 'Behåll mitt',
    useTheirs: 'Använd deras',
    opened: 'Du öppnade',
    stored: 'Sparat nu',
    storedBy: 'Sparat nu ({{by}})',
    typed: 'Du skrev',
  },
  period: {
    week: {
      choose: 'Välj vecka',
      previous: 'Föregående vecka',
      previousKey: 'Föregående vecka (←)',
      next: 'Nästa vecka',
      nextKey: 'Nästa vecka (→)',
    },
    month: {
      choose: 'Välj månad',
      previous: 'Föregående månad',
      previousKey: 'Föregående månad (←)',
      next: 'Nästa månad',
      nextKey: 'Nästa månad (→)',
    },
  },
};
