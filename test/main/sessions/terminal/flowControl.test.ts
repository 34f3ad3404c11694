import { expect, test } from 'vitest';
import { AckBatcher, FLOW_ACK_SIZE_BYTES } from '../../../../common/sessions/ackBatcher.ts';
import {
  FLOW_HIGH_WATERMARK_BYTES,
  FLOW_LOW_WATERMARK_BYTES,
  FlowController,
} from '../../../../main/sessions/terminal/flowControl.ts';

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

test('the client acknowledges in steps of the ack size, never more than it has drawn', () => {
  const acks: number[] = [];
  const batcher = new AckBatcher((bytes) => acks.push(bytes), 5_000);
  for (let i = 0; i < 12; i++) batcher.drawn(1_000);
  expect(acks).toEqual([5_000, 5_000]); // 2 000 drawn bytes wait for the next step
  batcher.drawn(7_000);
  expect(acks).toEqual([5_000, 5_000, 9_000]);
});

test('the ack step fits under the low watermark, or a paused source could wait for acks that never come', () => {
  expect(FLOW_ACK_SIZE_BYTES).toBeLessThanOrEqual(FLOW_LOW_WATERMARK_BYTES);
  expect(FLOW_LOW_WATERMARK_BYTES).toBeLessThan(FLOW_HIGH_WATERMARK_BYTES);
});
