import { keyedError } from '../../common/api/errors.ts';
import type { SessionOpenFields } from '../../common/sessions/model.ts';
import type { Backend } from '../app/backend.node.ts';
import { askToTrustHostKey } from './hostKeyQuestion.ts';
import type { SessionQuestions } from './sessionQuestions.ts';
import type { HostEndpoint } from './ssh/knownHosts.ts';
import { connectSsh, type HostKeyCheck, type SshConnection } from './ssh/sshConnection.node.ts';
import { resolveHops, type FindHopTarget, type HopQuestions } from './ssh/sshHops.ts';

export interface SshSessionOptions {
  /** The SSH agent for agent authentication; SSH_AUTH_SOCK of the Lotsen process by default. */
  agentSocket?: string;
  keepaliveIntervalMs?: number;
  keepaliveCountMax?: number;
  connectTimeoutMs?: number;
}

/** Where a session's SSH chain is read from: the store, or what a cached verdict keeps (openingReads.ts). */
export interface SshRouteReads {
  findTarget: FindHopTarget;
  /** The host-key policy of every hop; `askToTrust` shows an unknown key to the person. */
  hostKeyPolicy(
    askToTrust: (endpoint: HostEndpoint, keyType: string, fingerprint: string) => Promise<boolean>,
  ): HostKeyCheck;
}

/**
 * Connects a session's SSH chain: the target through its jump hosts, each signed in with the secrets from the store,
 * where every question (an unknown host key, a login prompt, a key's passphrase) goes to the person at the console.
 * A host key the person trusts is audited.
 */
export async function connectSessionSsh(
  backend: Backend,
  sessionId: string,
  input: Pick<SessionOpenFields, 'environmentId' | 'jump' | 'serverId' | 'accountId' | 'auth'>,
  questions: SessionQuestions,
  options: SshSessionOptions,
  reads: SshRouteReads,
): Promise<SshConnection> {
  const hopQuestions: HopQuestions = {
    keyboard: async (host, prompts, name, instructions) => {
      const answer = await questions.ask((promptId) => ({
        kind: 'keyboard',
        sessionId,
        promptId,
        host,
        name,
        instructions,
        prompts,
      }));
      if (!answer.accept) throw keyedError('SSH_AUTH_FAILED', 'sessions.loginCancelledAtPrompt');
      return answer.answers;
    },
    keyPassphrase: async (host, username) => {
      const answer = await questions.ask((promptId) => ({
        kind: 'keyboard',
        sessionId,
        promptId,
        host,
        name: 'Private key',
        instructions: `The key stored for ${username}@${host} is encrypted.`,
        prompts: [{ prompt: 'Passphrase for the key: ', echo: false }],
        keyPassphraseFor: { username, host },
      }));
      if (!answer.accept || answer.answers[0] === undefined) {
        throw keyedError('SSH_AUTH_FAILED', 'sessions.keyPassphraseNotGiven');
      }
      return answer.answers[0];
    },
  };
  const hops = await resolveHops(
    reads.findTarget,
    [...input.jump, { serverId: input.serverId!, accountId: input.accountId!, auth: input.auth }],
    hopQuestions,
    options.agentSocket ?? process.env.SSH_AUTH_SOCK,
  );
  const verifyHostKey = reads.hostKeyPolicy(askToTrustHostKey(backend, questions, sessionId));
  return connectSsh({
    hops,
    verifyHostKey,
    keepaliveIntervalMs: options.keepaliveIntervalMs,
    keepaliveCountMax: options.keepaliveCountMax,
    connectTimeoutMs: options.connectTimeoutMs,
  });
}
