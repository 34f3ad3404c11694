import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createApi } from '../../main/api/createApi.node.ts';
import type { SessionManagerOptions } from '../../main/sessions/sessionManager.node.ts';
import { apiCaller } from './apiCaller.ts';
import { openPassphraseBackend } from './passphraseBackend.ts';

type Opened = Awaited<ReturnType<typeof openPassphraseBackend>>;

/**
 * A real encrypted store and the API over it for each test of the file (or, with `perFile`, one for all of them, as
 * its scrypt unlock is slow), opened before and closed after. Called once at the top of a test file: `call` and
 * `opened` always stand for the current test's.
 */
export function apiPerTest(
  options: {
    now?: () => number;
    perFile?: boolean;
    /** Session options, for tests that open local terminals (`{ shell: '/bin/sh' }`). */
    sessions?: SessionManagerOptions;
    /** Where the API's log lines go; stderr unless told. */
    log?: (line: string) => void;
    /** On a team database (the run's team project), the member's work role; a support lead unless told. */
    teamRole?: 'technician' | 'support_lead' | 'finance';
  } = {},
) {
  let current: { opened: Opened; call: ReturnType<typeof apiCaller> } | undefined;
  const open = async () => {
    const opened = await openPassphraseBackend({
      ...(options.now ? { now: options.now } : {}),
      ...(options.teamRole ? { teamRole: options.teamRole } : {}),
    });
    current = { opened, call: apiCaller(createApi(opened.backend, options.log, options.sessions)) };
  };
  const close = async () => {
    await current?.opened.cleanup();
    current = undefined;
  };
  if (options.perFile) {
    beforeAll(open);
    afterAll(close);
  } else {
    beforeEach(open);
    afterEach(close);
  }
  const inTest = () => {
    if (!current) throw new Error('apiPerTest: the store is open only inside a test');
    return current;
  };
  const call: ReturnType<typeof apiCaller> = {
    ok: (method, input) => inTest().call.ok(method, input),
    fails: (method, input) => inTest().call.fails(method, input),
  };
  const opened = {
    get backend() {
      return inTest().opened.backend;
    },
    get dataDir() {
      return inTest().opened.dataDir;
    },
  };
  return { call, opened };
}
