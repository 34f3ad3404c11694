import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { methods } from '../../../common/api/contract.ts';
import { MAX_REQUEST_BYTES } from '../../../common/api/limits.ts';
import type { ResultMessage } from '../../../common/api/wire.ts';
import { cliEnv, initWithCli } from '../../support/runCli.ts';
import {
  openApiSocket,
  residentSet,
  startServeProcess,
  type ServeProcess,
} from '../../support/serveProcess.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

/*
 * The real `lotsen serve`, as a child process on an initialised store, fed oversized and malformed calls for every
 * method in the contract: each must be answered with a clear, small error (or, for a frame that cannot be read, the
 * connection closed with a reason), the process must stay up, and its memory must stay bounded throughout.
 */

const RSS_CEILING = 300 * 1024 * 1024;
/** Every error answer is a few kilobytes at most, whatever the call carried. */
const ANSWER_CEILING = 32 * 1024;
const HUGE = 'x'.repeat(1_000_000);
/** Far over every field's limit, and small enough that 60 methods' worth stays quick. */
const LONG = 'x'.repeat(200_000);

let home: Awaited<ReturnType<typeof makeTempDataDir>>;
let server: ServeProcess;
let sampler: NodeJS.Timeout;
let highestRss = 0;

beforeAll(async () => {
  home = await makeTempDataDir('lotsen-fuzz-');
  const env = cliEnv(home.dir);
  await initWithCli(env);
  server = await startServeProcess(env);
  sampler = setInterval(() => {
    highestRss = Math.max(highestRss, residentSet(server.child.pid!).now);
  }, 50);
});

afterAll(async () => {
  clearInterval(sampler);
  await server?.stop();
  await home?.cleanup();
});

/** A client that sends raw frames and collects answers by id, and how the connection ended. */
async function rawClient() {
  const socket: WebSocket = await openApiSocket(server);
  const answers = new Map<number, { message: ResultMessage; bytes: number }>();
  const waiting = new Map<number, () => void>();
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  socket.on('message', (data, isBinary) => {
    if (isBinary) return;
    const text = String(data);
    const message = JSON.parse(text) as ResultMessage;
    if (message.type !== 'result') return;
    answers.set(message.id, { message, bytes: Buffer.byteLength(text) });
    waiting.get(message.id)?.();
  });
  let nextId = 1;
  return {
    socket,
    closed,
    /** Sends one frame as it is and waits for the answer to `id`. */
    async sendFrame(frame: string, id: number) {
      const answered = new Promise<void>((resolve) => waiting.set(id, resolve));
      socket.send(frame);
      await answered;
      waiting.delete(id);
      return answers.get(id)!;
    },
    async call(method: string, input: unknown) {
      const id = nextId++;
      return this.sendFrame(JSON.stringify({ type: 'call', id, method, input }), id);
    },
    answers,
    nextId: () => nextId++,
  };
}

/** Each top-level field of a method's input, from the contract's own schema. */
function inputFields(method: keyof typeof methods): string[] {
  const schema = z.toJSONSchema(methods[method].input, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
  };
  return Object.keys(schema.properties ?? {});
}

function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const methodNames = Object.keys(methods) as (keyof typeof methods)[];

describe('lotsen serve under malformed and oversized calls', () => {
  test('every method answers each bad call with a small, clear error', async () => {
    const client = await rawClient();
    for (const method of methodNames) {
      const fields = inputFields(method);
      const fieldsWith = (value: unknown) => Object.fromEntries(fields.map((field) => [field, value]));
      const bad: unknown[] = [
        42,
        'not an object',
        [1, 2, 3],
        { unexpected: LONG },
        nested(40),
        nested(200),
        ...(fields.length > 0
          ? [fieldsWith(LONG), fieldsWith(Array.from({ length: 20_000 }, () => ({})))]
          : []),
        // Every field `true` is bad unless the method's fields are all flags (registry.listCustomers' `contacts`).
        ...(fields.length > 0 && !methods[method].input.safeParse(fieldsWith(true)).success
          ? [fieldsWith(true)]
          : []),
      ];
      for (const input of bad) {
        const { message, bytes } = await client.call(method, input);
        expect(message.result.ok, `${method} accepted ${JSON.stringify(input).slice(0, 60)}`).toBe(false);
        if (message.result.ok) continue;
        expect(['VALIDATION', 'TOO_LARGE']).toContain(message.result.error.code);
        expect(message.result.error.message.length).toBeGreaterThan(0);
        expect(bytes).toBeLessThan(ANSWER_CEILING);
      }
    }
    expect(server.child.exitCode).toBeNull();
  }, 60_000);

  test('the 1,000,000-character name with 1,000 empty contacts is refused in a few kilobytes', async () => {
    const client = await rawClient();
    const file = {
      format: 'lotsen-registry',
      version: 2,
      customers: [
        {
          name: HUGE,
          orgNumber: '2120002429',
          kind: 'municipality',
          contacts: Array.from({ length: 1_000 }, () => ({})),
        },
      ],
    };
    const { message, bytes } = await client.call('registry.import', { file });
    expect(message.result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(bytes).toBeLessThan(ANSWER_CEILING);
    const issues = message.result.ok ? [] : message.result.error.details!.issues!;
    expect(issues.at(-1)!.message).toMatch(/^…and [\d,]+ more problems$/);
  });

  test('a 14 MB call within the frame limit is answered, and one of too many objects is refused by its id', async () => {
    const client = await rawClient();
    const longNotes = {
      format: 'lotsen-registry',
      version: 2,
      customers: [
        { name: 'Åre kommun', orgNumber: '2120002429', kind: 'municipality', notes: 'n'.repeat(14_000_000) },
      ],
    };
    const notes = await client.call('registry.import', { file: longNotes });
    expect(notes.message.result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(notes.bytes).toBeLessThan(ANSWER_CEILING);

    const id = client.nextId();
    const manyObjects = `{"type":"call","id":${id},"method":"registry.import","input":{"file":{"customers":[${'{},'.repeat(2_000_000)}{}]}}}`;
    const refused = await client.sendFrame(manyObjects, id);
    expect(refused.message.result).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expect(server.child.exitCode).toBeNull();
  }, 30_000);

  test('a flood of calls on one connection is answered in full, with memory bounded', async () => {
    const client = await rawClient();
    const ids = Array.from({ length: 3_000 }, () => client.nextId());
    const all = Promise.all(
      ids.map((id) =>
        client.sendFrame(
          JSON.stringify({
            type: 'call',
            id,
            method: 'registry.listCustomers',
            input: { flood: 'x'.repeat(2_000) },
          }),
          id,
        ),
      ),
    );
    const answers = await all;
    expect(answers.every((a) => a.message.result.ok === false)).toBe(true);
  }, 30_000);

  test.each([
    ['a frame that is not JSON', 'this is { not json', 1008],
    ['a call without a readable id', JSON.stringify({ type: 'call', method: 'app.status' }), 1008],
    ['a frame nested too deeply to read an id from', '['.repeat(100_000) + ']'.repeat(100_000), 1008],
  ])('%s closes the connection with a reason', async (_name, frame, code) => {
    const client = await rawClient();
    client.socket.send(frame);
    const closed = await client.closed;
    expect(closed.code).toBe(code);
    expect(closed.reason.length).toBeGreaterThan(0);
  });

  test('a binary frame closes the connection with a reason', async () => {
    const client = await rawClient();
    client.socket.send(Buffer.from([0, 1, 2, 255]), { binary: true });
    expect(await client.closed).toEqual({
      code: 1008,
      reason: 'Lotsen accepts JSON text frames and terminal acknowledgements only',
    });
  });

  test('a frame over the limit closes the connection as too big (1009)', async () => {
    const client = await rawClient();
    client.socket.send(
      `{"type":"call","id":1,"method":"app.status","input":"${'x'.repeat(MAX_REQUEST_BYTES)}"}`,
    );
    expect((await client.closed).code).toBe(1009);
  }, 30_000);

  test('afterwards the server is up, answers, and never went over 300 MB', async () => {
    const client = await rawClient();
    const { message } = await client.call('app.status', {});
    expect(message.result).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    expect(server.child.exitCode).toBeNull();
    const { peak } = residentSet(server.child.pid!);
    expect(Math.max(peak, highestRss)).toBeLessThan(RSS_CEILING);
  });
});
