import { expect, test } from 'vitest';
import {
  eventsUpTo,
  MAX_IDLE_SECONDS,
  parseCastEvents,
  playbackStep,
  recordingDuration,
} from '../../../../renderer/features/sessions/asciicast.ts';

test('output events are read in order; input, resize and broken lines are skipped', () => {
  const lines = [
    '[0.5, "o", "hej "]',
    '[0.75, "i", "hemligt\\r"]',
    '[1, "r", "100x30"]',
    'not json',
    '[1.25, "o", "värld\\r\\n"]',
    '[2, "o"]',
    '',
  ].join('\n');
  expect(parseCastEvents(lines)).toEqual([
    { at: 0.5, text: 'hej ' },
    { at: 1.25, text: 'värld\r\n' },
  ]);
});

const events = [
  { at: 0.5, text: 'a' },
  { at: 1, text: 'b' },
  { at: 1, text: 'c' },
  { at: 30, text: 'd' },
];

test('the screen at a time shows every event up to and including it', () => {
  expect(eventsUpTo(events, 0)).toBe(0);
  expect(eventsUpTo(events, 0.5)).toBe(1);
  expect(eventsUpTo(events, 1)).toBe(3);
  expect(eventsUpTo(events, 29.9)).toBe(3);
  expect(eventsUpTo(events, 60)).toBe(4);
  expect(eventsUpTo([], 5)).toBe(0);
});

test('the duration runs to the last output, or to the end of a session that sat quiet before it closed', () => {
  expect(recordingDuration(events, { startedAt: 1_000, endedAt: null })).toBe(30);
  expect(recordingDuration(events, { startedAt: 1_000, endedAt: 11_000 })).toBe(30);
  expect(recordingDuration(events, { startedAt: 1_000, endedAt: 91_000 })).toBe(90);
  expect(recordingDuration([], { startedAt: 1_000, endedAt: 1_000 })).toBe(0);
});

test('playing moves the clock by the time elapsed, skips long quiet stretches, and stops at the end', () => {
  expect(playbackStep(events, 90, 0.5, 0.25)).toBe(0.75);
  // 29 s of nothing after 1 s: cut to MAX_IDLE_SECONDS before the next output.
  expect(playbackStep(events, 90, 1, 0.5)).toBe(30 - MAX_IDLE_SECONDS + 0.5);
  // The quiet tail before the end is cut too, and the clock stops at the end.
  expect(playbackStep(events, 90, 30, 0.5)).toBe(90 - MAX_IDLE_SECONDS + 0.5);
  expect(playbackStep(events, 90, 89.9, 1)).toBe(90);
});
