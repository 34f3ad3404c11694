import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { EventName, EventPayload } from '../../../common/api/contract.ts';
import { LotsenError, type ApiError } from '../../../common/api/errors.ts';
import type { SessionView } from '../../../common/sessions/model.ts';
import { sessionEndText } from '../../../renderer/features/sessions/sessionEnd.ts';
import { chooseLanguage } from '../../../renderer/i18n/i18n.ts';
import { errorMessage } from '../../../renderer/store/errorMessage.ts';
import { apiPerTest } from '../../support/apiPerTest.ts';
import { nextEvent } from '../../support/backendEvents.ts';
import {
  localOpenInput,
  prepareSessionCustomer,
  serverInOtherEnvironment,
  sessionTarget,
  setMissingVpnClient,
  sshOpenInput,
  type PreparedSessionCustomer,
} from '../../support/sessionCustomer.ts';
import { freePort, startSshd, type SshdFixture } from '../../support/sshd/sshdFixture.ts';

/**
 * Sessions' refusals and ends, provoked for real (a real sshd, a real store, the API's dispatcher), as the console
 * says them in Swedish: the detail worded from its key, with the data (a host, a fingerprint, a client's name) and
 * no English sentence.
 */
let sshd: SshdFixture;
beforeAll(async () => {
  sshd = await startSshd();
});
afterAll(async () => sshd?.stop());

const { call, opened } = apiPerTest({
  log: () => undefined,
  sessions: { shell: '/bin/sh', connectTimeoutMs: 5_000 },
});
beforeEach(async () => {
  await chooseLanguage('sv');
});
afterEach(async () => {
  await chooseLanguage('en');
});

/** Words only an English sentence has: none may show in a Swedish one (names and data hold none of them). */
function expectNoEnglish(text: string | null): void {
  expect(text).not.toBeNull();
  expect(text).not.toMatch(/\b(the|did|could|not|was|has|is|no|of|to|and|offers|session)\b/);
}

const inSwedish = (error: ApiError) => errorMessage(LotsenError.fromApiError(error));

const next = <E extends EventName>(event: E, matches: (payload: EventPayload<E>) => boolean) =>
  nextEvent(opened.backend, event, matches);

const ended = (id: string) =>
  next('sessions.changed', (s) => s.id === id && ['failed', 'closed', 'disconnected'].includes(s.state));

/** Opens an SSH session, trusting its host key when asked; resolves with the session once it is open or has ended. */
async function openSsh(prepared: PreparedSessionCustomer): Promise<SessionView> {
  const asked = next('sessions.prompt', (p) => p.kind === 'hostKey');
  const session = await call.ok('sessions.open', sshOpenInput(prepared));
  const settled = next(
    'sessions.changed',
    (s) => s.id === session.id && ['open', 'failed', 'closed', 'disconnected'].includes(s.state),
  );
  const prompt = await Promise.race([asked, settled]);
  if ('promptId' in prompt) {
    await call.ok('sessions.answerPrompt', {
      sessionId: session.id,
      promptId: prompt.promptId,
      accept: true,
    });
  }
  return settled;
}

describe('session refusals and ends, in Swedish', () => {
  test('a wrong password: the server and what it offers, the methods in words', async () => {
    const prepared = await prepareSessionCustomer(call, { ...sessionTarget(sshd), secret: 'fel-lösen' });
    const failed = await openSsh(prepared);
    expect(failed).toMatchObject({ state: 'failed', endCode: 'SSH_AUTH_FAILED' });
    const where = `${sshd.username}@127.0.0.1:${sshd.port}`;
    // The English stays the CLI's, word for word.
    expect(failed.endMessage).toBe(
      `${where} did not accept the password (it offers: publickey, password, keyboard-interactive).`,
    );
    const text = sessionEndText(failed);
    expect(text).toBe(
      `${where} godtog inte lösenordet (servern erbjuder: nyckel, lösenord och frågor från servern).`,
    );
    expectNoEnglish(text);
  });

  test('nothing listening on the port: the host and the cause in words', async () => {
    const port = await freePort();
    const prepared = await prepareSessionCustomer(call, { ...sessionTarget(sshd), port });
    const session = await call.ok('sessions.open', sshOpenInput(prepared));
    const failed = await ended(session.id);
    expect(failed).toMatchObject({ state: 'failed', endCode: 'SSH_UNREACHABLE' });
    const text = sessionEndText(failed);
    expect(text).toBe(
      `Det gick inte att ansluta till ${sshd.username}@127.0.0.1:${port} ` +
        '(ingen tar emot anslutningar på den porten: ECONNREFUSED).',
    );
    expectNoEnglish(text);
  });

  test('a changed host key: both fingerprints; replacing it twice says it is done already', async () => {
    const own = await startSshd();
    try {
      const prepared = await prepareSessionCustomer(call, sessionTarget(own));
      const first = await openSsh(prepared);
      await call.ok('sessions.close', { sessionId: first.id });
      const expected = own.hostKeyFingerprints['ssh-ed25519'];
      Object.assign(own, await own.restartWithNewHostKeys());
      const presented = own.hostKeyFingerprints['ssh-ed25519'];

      const failed = await openSsh(prepared);
      expect(failed).toMatchObject({ state: 'failed', endCode: 'HOST_KEY_MISMATCH' });
      const text = sessionEndText(failed);
      expect(text).toContain(
        `Värdnyckeln för 127.0.0.1:${own.port} har ÄNDRATS: den var ${expected}, nu är den ${presented}.`,
      );
      expectNoEnglish(text);

      const reason = 'Bekräftat per telefon med kundens IT.';
      await call.ok('sessions.replaceHostKey', { sessionId: failed.id, reason });
      const again = await call.fails('sessions.replaceHostKey', { sessionId: failed.id, reason });
      expect(inSwedish(again)).toBe(
        'Det krockar med det som redan är registrerat. ' +
          `(Värdnyckeln för 127.0.0.1:${own.port} är redan utbytt mot ${presented}.)`,
      );
      expectNoEnglish(inSwedish(again));
    } finally {
      await own.stop();
    }
  });

  test('a VPN client that is not installed here: its name', async () => {
    const prepared = await prepareSessionCustomer(call, sessionTarget(sshd));
    const profile = await setMissingVpnClient(call, prepared);
    expect(profile.clientFound).toBe(false);
    const refused = await call.fails('sessions.open', sshOpenInput(prepared, { runPreConnect: true }));
    expect(refused.code).toBe('VPN_CLIENT_MISSING');
    const text = inSwedish(refused);
    expect(text).toContain(
      '(Miljöns VPN-klient, Cisco Secure Client (vpn), är inte installerad på den här datorn, så förbindelsekommandot kördes inte.',
    );
    expectNoEnglish(text);
  });

  test('a jump host not registered in the environment, and a shell that ended: numbers in Swedish words', async () => {
    const prepared = await prepareSessionCustomer(call, sessionTarget(sshd));
    const elsewhere = await serverInOtherEnvironment(call, prepared);
    const refused = await call.fails(
      'sessions.open',
      sshOpenInput(prepared, {
        jump: [{ serverId: elsewhere.id, accountId: prepared.account.id, auth: 'auto' }],
      }),
    );
    expect(refused).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Jump host 1: No such server in this environment.',
    });
    expect(inSwedish(refused)).toBe(
      'Det finns inte längre; någon kan ha tagit bort det. (Hoppserver 1: servern finns inte i den här miljön.)',
    );

    const open = next('sessions.changed', (s) => s.state === 'open');
    const local = await call.ok('sessions.open', localOpenInput(prepared));
    await open;
    const closed = ended(local.id);
    await call.ok('sessions.input', { sessionId: local.id, data: 'exit 3\n' });
    const text = sessionEndText(await closed);
    expect(text).toBe('Skalet avslutades (slutkod 3).');
    expectNoEnglish(text);
  });
});
