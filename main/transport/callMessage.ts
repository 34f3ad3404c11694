import type { ApiError } from '../../common/api/errors.ts';
import { issuesFromZod } from '../../common/api/errors.ts';
import { callMessageSchema, type CallMessage } from '../../common/api/wire.ts';
import { jsonTextFits, leadingCallId, tooLargeError } from './requestSize.ts';

/*
 * Checks what a client sent before it reaches the dispatcher. A message whose id can be read gets an answer to that
 * id; one without a readable id cannot be answered, so the transport ends the connection instead.
 */

export type CallReading =
  | { kind: 'call'; call: CallMessage }
  | { kind: 'invalid'; id: number; error: ApiError }
  | { kind: 'unreadable'; reason: string };

export function readCallFrame(text: string): CallReading {
  if (!jsonTextFits(text)) {
    const id = leadingCallId(text);
    return id === null
      ? { kind: 'unreadable', reason: 'Message is too large for Lotsen' }
      : { kind: 'invalid', id, error: tooLargeError };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', reason: 'Message is not JSON' };
  }
  return readCall(value);
}

export function readCall(value: unknown): CallReading {
  const parsed = callMessageSchema.safeParse(value);
  if (parsed.success) return { kind: 'call', call: parsed.data };
  const id = recoverId(value);
  if (id === null) return { kind: 'unreadable', reason: 'Message is not a call with a numeric id' };
  return {
    kind: 'invalid',
    id,
    error: {
      code: 'VALIDATION',
      message:
        'The message is not a valid call: it needs type "call", a numeric id, a method name and an input.',
      details: { issues: issuesFromZod(parsed.error) },
    },
  };
}

function recoverId(value: unknown): number | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null;
  const { id } = value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}
