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
    reloadHint: 'Slänger allt du skrivit och visar {{record}} som det är sparat nu; inget sparas.',
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
