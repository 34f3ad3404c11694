import { expect, test } from 'vitest';
import { parseCastEvents } from '../../../../renderer/features/sessions/asciicast.ts';

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
