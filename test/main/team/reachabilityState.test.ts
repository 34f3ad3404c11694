import { describe, expect, test } from 'vitest';
import { isConnectionFailure, isLoginRefusal } from '../../../main/team/reachability/connectionFailure.ts';
import {
  DatabaseReachability,
  type ReachabilityChange,
} from '../../../main/team/reachability/databaseReachability.ts';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('which failures mean the database cannot be reached', () => {
  test('the network’s, the server ending the connection, and pg’s own timeouts', () => {
    for (const error of [
      coded('ECONNREFUSED'),
      coded('ECONNRESET'),
      coded('ETIMEDOUT'),
      coded('57P01'),
      coded('08006'),
      coded('08P01'),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Query read timeout'),
      new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], 'connect failed'),
    ]) {
      expect(isConnectionFailure(error), error.message).toBe(true);
    }
  });

  test('not a refusal about the person or the data', () => {
    for (const error of [
      coded('28P01'),
      coded('42501'),
      coded('23505'),
      coded('40001'),
      coded('57014'),
      new Error('division by zero'),
      null,
      'ECONNREFUSED',
    ]) {
      expect(isConnectionFailure(error)).toBe(false);
    }
  });
});

test('a refused login is told apart from both: the server answered', () => {
  expect(isLoginRefusal(coded('28P01'))).toBe(true);
  expect(isLoginRefusal(coded('28000'))).toBe(true);
  for (const error of [coded('42501'), coded('ECONNREFUSED'), coded('57P01'), new Error('28P01'), null]) {
    expect(isLoginRefusal(error)).toBe(false);
  }
});

describe('the reachability state', () => {
  test('probes only while unreachable, waiting twice as long each time up to the most, until it answers', async () => {
    const tries: number[] = [];
    let failuresLeft = 4;
    const reachability = new DatabaseReachability({
      firstRetryMs: 40,
      maxRetryMs: 160,
      probe: async () => {
        tries.push(Date.now());
        if (failuresLeft-- > 0) throw new Error('not there');
      },
    });
    const changes: ReachabilityChange[] = [];
    reachability.onChange((change) => changes.push(change));

    reachability.reached();
    await sleep(100);
    expect(tries).toEqual([]);

    const lostAt = Date.now();
    reachability.lost();
    reachability.lost();
    expect(reachability.state).toBe('unreachable');
    while (reachability.snapshot().state === 'unreachable') await sleep(10);
    // 40, 80, 160, 160 (the most), then the fifth try answers.
    expect(tries).toHaveLength(5);
    const waits = [tries[0]! - lostAt, ...tries.slice(1).map((t, i) => t - tries[i]!)];
    [40, 80, 160, 160, 160].forEach((least, i) => expect(waits[i]).toBeGreaterThanOrEqual(least - 5));
    expect(changes.map((c) => c.state)).toEqual(['unreachable', 'reachable']);
    expect(changes[0]!.since).toBeGreaterThanOrEqual(lostAt);

    // Lost again: the waits start over from the first.
    failuresLeft = 0;
    const again = Date.now();
    reachability.lost();
    while (reachability.snapshot().state === 'unreachable') await sleep(5);
    expect(tries.at(-1)! - again).toBeLessThan(140);
    reachability.stop();
  });

  test('a query that answers ends the outage at once; a stopped state probes no more', async () => {
    let tries = 0;
    const reachability = new DatabaseReachability({
      firstRetryMs: 30,
      probe: async () => {
        tries += 1;
        throw new Error('not there');
      },
    });
    reachability.lost();
    reachability.reached();
    expect(reachability.state).toBe('reachable');
    await sleep(80);
    expect(tries).toBe(0);

    reachability.lost();
    reachability.stop();
    await sleep(80);
    expect(tries).toBe(0);
  });
});
