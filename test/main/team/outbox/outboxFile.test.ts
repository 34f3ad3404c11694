import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LotsenError } from '../../../../common/api/errors.ts';
import { OutboxFile } from '../../../../main/team/outbox/outboxFile.node.ts';
import type { OutboxItem } from '../../../../main/team/outbox/outboxItems.ts';
import { outboxKey } from '../../../../main/team/outbox/outboxKey.node.ts';
import { makeTempDataDir } from '../../../support/tempDataDir.ts';

let home: Awaited<ReturnType<typeof makeTempDataDir>>;
let file: string;
const databaseKey = randomBytes(32);
beforeEach(async () => {
  home = await makeTempDataDir();
  file = join(home.dir, 'outbox.db');
});
afterEach(async () => home.cleanup());

const chunk = (seq: number): OutboxItem => ({
  id: randomUUID(),
  sessionId: 'session-1',
  happenedAt: 1_700_000_000_000 + seq,
  payload: {
    kind: 'recording-chunk',
    op: 'write',
    recordingId: 'recording-1',
    seq,
    offsetMs: seq * 10,
    data: `sv1.sealed-${seq}`,
    bytes: 5,
  },
});
const openError = (key: Buffer): LotsenError => {
  try {
    OutboxFile.open(file, key).close();
  } catch (error) {
    return error as LotsenError;
  }
  throw new Error('the queue opened');
};

describe('the local queue of session books', () => {
  test('keeps items in order across a reopen, encrypted, until each is removed', () => {
    const items = [chunk(0), chunk(1), chunk(2)];
    const queue = OutboxFile.open(file, outboxKey(databaseKey));
    for (const item of items) queue.append(item);
    queue.close();

    const reopened = OutboxFile.open(file, outboxKey(databaseKey));
    expect(reopened.count()).toBe(3);
    expect(reopened.count('session-1')).toBe(3);
    expect(reopened.count('another')).toBe(0);
    expect(reopened.first()).toEqual(items[0]);
    reopened.remove(items[0]!.id);
    expect(reopened.first()).toEqual(items[1]);
    reopened.close();

    // Nothing of the items is readable in the files: not the recording's id, not its sealed text.
    const onDisk = ['', '-wal'].map((suffix) => {
      try {
        return readFileSync(file + suffix).toString('latin1');
      } catch {
        return '';
      }
    });
    for (const text of onDisk) {
      expect(text).not.toContain('recording-1');
      expect(text).not.toContain('sealed-1');
    }
  });

  test('a queue made with another key is refused with a clear error, and left as it was', () => {
    const queue = OutboxFile.open(file, outboxKey(databaseKey));
    queue.append(chunk(0));
    queue.close();
    const before = readFileSync(file);

    const error = openError(outboxKey(randomBytes(32)));
    expect(error).toBeInstanceOf(LotsenError);
    expect(error.code).toBe('OUTBOX_UNREADABLE');
    expect(error.message).toMatch(/does not open with this machine’s key.*Nothing in it was dropped/);
    expect(readFileSync(file).equals(before)).toBe(true);
    // The right key still opens it, the item still there.
    const again = OutboxFile.open(file, outboxKey(databaseKey));
    expect(again.count()).toBe(1);
    again.close();
  });

  test('a damaged queue is refused with a clear error, not started afresh', () => {
    const queue = OutboxFile.open(file, outboxKey(databaseKey));
    for (let seq = 0; seq < 50; seq++) queue.append(chunk(seq));
    queue.close();
    const bytes = readFileSync(file);
    // Overwrite a page past the first: the key still opens the file, the damage shows where the items are.
    randomBytes(4096).copy(bytes, 4096);
    writeFileSync(file, bytes);

    const error = openError(outboxKey(databaseKey));
    expect(error.code).toBe('OUTBOX_UNREADABLE');
    expect(error.message).toMatch(/damaged.*Nothing in it was dropped/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  test('an item that does not read as one is named, and nothing after it is skipped', () => {
    const queue = OutboxFile.open(file, outboxKey(databaseKey));
    const odd = { ...chunk(0), payload: { kind: 'recording-chunk', op: 'write' } } as unknown as OutboxItem;
    queue.append(odd);
    queue.append(chunk(1));
    expect(() => queue.first()).toThrow(new RegExp(`Item ${odd.id} .*nothing was dropped`));
    expect(queue.count()).toBe(2);
    queue.close();
  });
});
