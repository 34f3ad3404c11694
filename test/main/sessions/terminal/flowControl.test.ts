import { expect, test } from 'vitest';
import { FlowController } from '../../../../main/sessions/terminal/flowControl.ts';

test('pauses the source above the high watermark and resumes it below the low one', () => {
  const calls: string[] = [];
  const flow = new FlowController(
    { pause: () => calls.push('pause'), resume: () => calls.push('resume') },
    100,
    10,
  );
  flow.sent(60);
  flow.sent(40);
  expect(calls).toEqual([]); // exactly at the watermark is still fine
  flow.sent(1);
  expect(calls).toEqual(['pause']);
  flow.sent(50); // already paused: no second pause
  flow.acknowledged(100);
  expect(calls).toEqual(['pause']); // 51 still owed
  flow.acknowledged(45);
  expect(calls).toEqual(['pause', 'resume']);
  flow.acknowledged(1_000); // over-acknowledging cannot make the count negative
  expect(flow.pending).toBe(0);
});
