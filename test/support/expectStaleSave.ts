import { expect } from 'vitest';
import type { ApiError } from '../../common/api/errors.ts';
import { staleSaveOf, type StaleSaveDetails } from '../../common/api/staleSave.ts';

/** A refusal that is a stale save (CONFLICT with what is stored now, docs/versions.md), and its details. */
export function expectStaleSave(error: ApiError): StaleSaveDetails {
  expect(error.code).toBe('CONFLICT');
  const details = staleSaveOf(error);
  expect(details).not.toBeNull();
  return details!;
}
