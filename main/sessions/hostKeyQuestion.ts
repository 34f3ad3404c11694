import type { Backend } from '../app/backend.node.ts';
import type { SessionQuestions } from './sessionQuestions.ts';
import type { HostEndpoint } from './ssh/knownHosts.ts';

/**
 * Shows a host key (or an RDP server's certificate) seen for the first time to the person at the console, and audits
 * it when they trust it: the `askToTrust` of a session's host-key policy (openingReads.ts).
 */
export function askToTrustHostKey(backend: Backend, questions: SessionQuestions, sessionId: string) {
  return async (endpoint: HostEndpoint, keyType: string, fingerprint: string): Promise<boolean> => {
    const answer = await questions.ask((promptId) => ({
      kind: 'hostKey',
      sessionId,
      promptId,
      host: endpoint.host,
      port: endpoint.port,
      keyType,
      fingerprint,
    }));
    if (answer.accept) {
      await backend.audit().append({
        event: 'hostkey.trusted',
        subject: { type: 'host', id: `${endpoint.host}:${endpoint.port}` },
        details: { keyType, fingerprint, sessionId },
      });
    }
    return answer.accept;
  };
}
