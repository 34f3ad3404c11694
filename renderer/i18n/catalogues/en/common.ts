/** Words every part of the console uses: buttons, states and the language itself. */
export const common = {
  actions: {
    save: 'Save',
    cancel: 'Cancel',
    close: 'Close',
    delete: 'Delete',
    edit: 'Edit',
    add: 'Add',
    remove: 'Remove',
    retry: 'Try again',
    confirm: 'Confirm',
    back: 'Back',
    search: 'Search',
    export: 'Export',
    undo: 'Undo',
  },
  states: {
    loading: 'Loading…',
    saving: 'Saving…',
    none: 'None',
    optional: '(optional)',
  },
  units: {
    hours: '{{value}} h',
    minutes: '{{m}} min',
    hoursMinutes: '{{h}} h {{m}} min',
  },
  time: {
    week: 'Week {{number}} · {{span}}',
  },
  language: {
    label: 'Language',
    sv: 'Svenska',
    en: 'English',
  },
  /** A table row's buttons (components/RowActions.tsx) and every form dialog's frame (components/FormDialog.tsx). */
  rows: {
    actions: 'Actions',
    editNamed: 'Edit {{name}}',
    deleteNamed: 'Delete {{name}}',
  },
  dialog: {
    keys: 'Enter or Ctrl+Enter saves · Esc cancels',
    saveChoices: 'Save with these choices',
  },
} as const;
