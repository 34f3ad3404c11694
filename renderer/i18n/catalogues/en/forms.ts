/** What every form and dialog shares: the keys, the conflict panel, the period stepper, validation in words. */
export const forms = {
  keys: 'Enter or Ctrl+Enter saves · Esc cancels',
  saveChoices: 'Save with these choices',
  yes: 'Yes',
  no: 'No',
  empty: '(empty)',
  none: '(none)',
  listPair: '{{first}} and {{last}}',
  somethingWrong: 'Something went wrong; nothing was saved.',
  conflict: {
    title: 'Changed while you had it open',
    nothingDiffers: 'Nothing you typed here differs from what is stored now: save to keep what you typed.',
    reload: 'Reload theirs',
    reloadHint: 'Drops everything you typed and shows the {{record}} as stored now; nothing is saved.',
    keepMine: 'Keep mine',
    useTheirs: 'Use theirs',
    opened: 'You opened',
    stored: 'Stored now',
    storedBy: 'Stored now ({{by}})',
    typed: 'You typed',
  },
  period: {
    week: {
      choose: 'Choose the week',
      previous: 'Previous week',
      previousKey: 'Previous week (←)',
      next: 'Next week',
      nextKey: 'Next week (→)',
    },
    month: {
      choose: 'Choose the month',
      previous: 'Previous month',
      previousKey: 'Previous month (←)',
      next: 'Next month',
      nextKey: 'Next month (→)',
    },
  },
} as const;
