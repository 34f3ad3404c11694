import { expect, test } from 'vitest';
import type { RecordingView } from '../../../common/sessions/model.ts';
import { initialSessionsState } from '../../../renderer/store/sessions/initialState.ts';
import { selectListedRecordings } from '../../../renderer/store/sessions/selectors.ts';

const recording = (id: string, bytes: number, endedAt: number | null): RecordingView => ({
  id,
  sessionId: null,
  title: 'root@wap01.vaxjo.se',
  sessionKind: null,
  serverRole: null,
  ticketRef: null,
  customerName: null,
  startedAt: 0,
  endedAt,
  bytes,
  width: 80,
  height: 24,
});

test('an ended recording with nothing in it (a session that failed to connect) is not listed; a live one is', () => {
  const recordings = [recording('played', 120, 5), recording('failed', 0, 5), recording('live', 0, null)];
  const state = { ...initialSessionsState, recordings };
  expect(selectListedRecordings(state).map((r) => r.id)).toEqual(['played', 'live']);
  expect(selectListedRecordings(state)).toBe(selectListedRecordings({ ...state }));
});
