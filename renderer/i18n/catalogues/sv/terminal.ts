import type { terminal as en } from '../en/terminal.ts';
import type { Translation } from '../translation.ts';

export const terminal: Translation<typeof en> = {
  title: 'Sessioner',
  empty: 'Inga öppna sessioner',
  emptyHow:
    'Öppna en från en kund: välj en server under <customers>Kunder</customers> och välj Anslut, eller öppna en lokal terminal för en miljö. Varje session hör till ett ärende.',
  emptyRecordings: 'Tidigare sessioner kan spelas upp under <recordings>Inspelningar</recordings>.',
  bar: {
    ticket: 'Ärende <strong>{{ref}}</strong> · {{customer}}',
    overridden: 'Behörighet åsidosatt',
    cached: 'Sparad behörighetsbedömning från {{at}}',
    warnings_one: '{{count}} varning',
    warnings_other: '{{count}} varningar',
    commandRefused:
      'Återanslutningen nekades: miljöns förbindelsekommando är inte godkänt på den här datorn.',
    close: 'Stäng sessionen',
    closing: 'Stänger…',
    replaceKey: 'Byt lagrad värdnyckel…',
    reconnect: 'Återanslut',
    reconnecting: 'Återansluter…',
    reviewCommand: 'Granska förbindelsekommandot…',
    overrideReconnect: 'Åsidosätt och återanslut…',
    closeTab: 'Stäng fliken',
    fillVpnCode: 'Fyll i engångskod',
    fillVpnCodeHint: 'Skriver in VPN:ets aktuella engångskod vid dess fråga, och Enter',
    vpnCodeFilled_one: 'Engångskoden är inskriven, giltig {{count}} sekund till',
    vpnCodeFilled_other: 'Engångskoden är inskriven, giltig {{count}} sekunder till',
    vpnCodeNoSeed: 'Ingen nyckel för engångskoder är sparad för miljöns VPN.',
    vpnCodeFailed: 'Engångskoden kunde inte skrivas in: VPN:ets anslutningskommando kan ha avslutats.',
  },
  pane: {
    label: 'Terminal: {{name}} ({{target}})',
    inputLost: 'Allt du skrev eller klistrade in nådde inte sessionen: {{error}}',
    dismiss: 'Stäng',
  },
  search: {
    find: 'Sök i terminalen',
    notFound: 'Hittades inte',
    previous: 'Föregående träff',
    next: 'Nästa träff',
  },
};
