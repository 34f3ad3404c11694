import { expect, test } from 'vitest';
import { listShows } from '../../../renderer/store/listShows.ts';

test('an empty list says so only when it loaded and its last reload did not fail', () => {
  expect(listShows({ status: 'ready', error: null, count: 0 })).toBe('empty-state');
  expect(listShows({ status: 'ready', error: 'The team database cannot be reached.', count: 0 })).toBe(
    'error-only',
  );
  expect(listShows({ status: 'error', error: 'Refused.', count: 0 })).toBe('error-only');
  expect(listShows({ status: 'loading', error: null, count: 0 })).toBe('table');
});

test('rows loaded before a failed reload stay in view beneath its error', () => {
  expect(listShows({ status: 'ready', error: 'The team database cannot be reached.', count: 3 })).toBe(
    'table',
  );
  expect(listShows({ status: 'ready', error: null, count: 3 })).toBe('table');
});
