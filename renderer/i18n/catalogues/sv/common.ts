import type { common as en } from '../en/common.ts';
import type { Translation } from '../translation.ts';

export const common: Translation<typeof en> = {
  actions: {
    save: 'Spara',
    cancel: 'Avbryt',
    close: 'Stäng',
    delete: 'Ta bort',
    edit: 'Ändra',
    add: 'Lägg till',
    remove: 'Ta bort',
    retry: 'Försök igen',
    confirm: 'Bekräfta',
    back: 'Tillbaka',
    search: 'Sök',
    export: 'Exportera',
    undo: 'Ångra',
  },
  states: {
    loading: 'Laddar…',
    saving: 'Sparar…',
    none: 'Inga',
    optional: '(valfritt)',
  },
  units: {
    hours: '{{value}} h',
    minutes: '{{m}} min',
    hoursMinutes: '{{h}} h {{m}} min',
  },
  time: {
    week: 'Vecka {{number}} · {{span}}',
  },
  language: {
    label: 'Språk',
    sv: 'Svenska',
    en: 'English',
  },
  rows: {
    actions: 'Åtgärder',
    editNamed: 'Ändra {{name}}',
    deleteNamed: 'Ta bort {{name}}',
  },
  dialog: {
    keys: 'Enter eller Ctrl+Enter sparar · Esc avbryter',
    saveChoices: 'Spara med dessa val',
  },
};
