import { expect, test } from 'vitest';
import { accessStandardness } from '../../../common/registry/access.ts';
import { remoteAccessMethods, vpnTypes } from '../../../common/registry/vocabulary.ts';

test('every supported VPN and method is standard; "other" in either is billable under 8.6', () => {
  for (const vpnType of vpnTypes) {
    for (const method of remoteAccessMethods) {
      const verdict = accessStandardness({ vpnType, method });
      const expectedReasons = (vpnType === 'other' ? 1 : 0) + (method === 'other' ? 1 : 0);
      expect(verdict.reasons, `${vpnType}/${method}`).toHaveLength(expectedReasons);
      expect(verdict.standard).toBe(expectedReasons === 0);
      for (const reason of verdict.reasons) expect(reason).toContain('section 8.6');
    }
  }
});
