import { afterEach, describe, expect, it } from 'vitest';
import {
  accessFindingInEnglish,
  accessStandardness,
  type AccessFacts,
} from '../../../common/registry/access.ts';
import { accessFindingText } from '../../../renderer/components/accessFindingText.ts';
import { chooseLanguage } from '../../../renderer/i18n/i18n.ts';

const facts = (over: Partial<AccessFacts>): AccessFacts => ({
  vpnType: 'cisco_anyconnect',
  method: 'ssh',
  splitTunnel: 'yes',
  accessTool: '',
  specialConfigurationNeeded: false,
  specialConfiguration: '',
  ...over,
});

// One environment of each kind of non-standard access, so every finding code is met.
const everyFinding = [
  facts({ vpnType: 'other', accessTool: 'FortiClient 7.2' }),
  facts({ vpnType: 'other' }),
  facts({ vpnType: 'none' }),
  facts({ splitTunnel: 'no' }),
  facts({ vpnType: 'checkpoint', splitTunnel: 'unknown' }),
  facts({ method: 'other' }),
  facts({
    specialConfigurationNeeded: true,
    specialConfiguration: 'Kommunens rotcertifikat i datorns arkiv',
  }),
].flatMap((access) => accessStandardness(access).findings);

describe('why access is non-standard, in the chosen language', () => {
  afterEach(() => chooseLanguage('en'));

  it('in English, the console says what the CLI and the eligibility check say', () => {
    expect(new Set(everyFinding.map((f) => f.code)).size).toBe(6);
    for (const finding of everyFinding)
      expect(accessFindingText(finding)).toBe(accessFindingInEnglish(finding));
  });

  it('in Swedish, every finding is worded, the client by its Swedish label and the typed data kept', async () => {
    await chooseLanguage('sv');
    const texts = everyFinding.map(accessFindingText);
    expect(texts).toEqual([
      expect.stringMatching(/^FortiClient 7\.2 är inte en godkänd lösning: villkoren godkänner/),
      expect.stringMatching(/^Åtkomstverktyget är inte en godkänd lösning/),
      expect.stringMatching(/^Direkt åtkomst \(ingen VPN, ingen TeamViewer\)/),
      'Cisco AnyConnect körs som full tunnel; villkoren godkänner den bara med delad tunnel.',
      'Check Point: om den körs med delad tunnel är inte angivet; villkoren godkänner den bara med delad tunnel.',
      'Fjärråtkomstmetoden är inte en som villkoren stöder.',
      'Klienten kräver särskild konfiguration på leverantörens datorer: Kommunens rotcertifikat i datorns arkiv.',
    ]);
    for (const text of texts) expect(text).not.toMatch(/\bthe terms\b|customer:|accessReasons/);
  });
});
