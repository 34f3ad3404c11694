import type { vpn as en } from '../en/vpn.ts';
import type { Translation } from '../translation.ts';

export const vpn: Translation<typeof en> = {
  clients: {
    none: 'Ingen (eget kommando)',
    cisco_secure_client: 'Cisco Secure Client (vpn)',
    openconnect: 'OpenConnect',
    checkpoint_trac: 'Check Point (trac)',
    rasdial: 'Windows inbyggda VPN (rasdial)',
  },
  client: 'VPN-klient',
  clientHint: 'Lotsen skriver kommandona för att ansluta och koppla ner utifrån gatewayen',
  username: 'Användarnamn för VPN',
  usernameHint: 'Lösenordet är hemligheten för förbindelsekommandot nedan och skickas via standard in',
  entryName: 'VPN-anslutning i Windows',
  entryNameHint: 'Namnet på din egen VPN-anslutning för kunden (skapad utan administratörsbehörighet)',
  serverCert: 'Gatewayens certifikat (pin)',
  serverCertHint: 'pin-sha256:… när gatewayens certifikat inte kommer från en betrodd CA',
  write: 'Skriv kommandona',
  written: 'Kommandona är skrivna för den här datorn. Läs dem innan du sparar.',
  notInstalled: '{{client}} är inte installerad på den här datorn: en session som kör kommandot nekas.',
  splitChecked: 'Efter anslutningen frågar Lotsen klienten om tunneln är delad och loggar svaret.',
  splitNotChecked: 'Klienten kan inte avgöra om tunneln är delad: kontrollera det i klienten.',
  weak: 'PPTP är svagt: inloggningen kan knäckas ur en enda avlyssnad inloggning. Välj hellre IPsec (IKEv2 eller L2TP) om kunden tillåter det.',
  disconnectCommand: 'Kommando för att koppla ner',
  disconnectCommandHint:
    'Körs i sessionens terminal när sessionen är slut; godkänns tillsammans med förbindelsekommandot',
  afterSession: 'Efter sessionen',
  summary: 'VPN: {{client}}',
  summaryDisconnects: 'VPN: {{client}}, kopplas ner efter sessionen',
};
