import type { remoteAccess as en } from '../en/remoteAccess.ts';
import type { Translation } from '../translation.ts';

export const remoteAccess: Translation<typeof en> = {
  oneTimeCode: {
    seed: 'Nyckel för engångskoder (TOTP)',
    newSeed: 'Ny nyckel för engångskoder (TOTP)',
    seedHint:
      'Base32-texten som visas bredvid QR-koden, eller dess otpauth://-länk. Sparas krypterad och visas igen bara genom att visas fram, vilket skrivs i granskningsloggen.',
    keepSeedHint:
      'En nyckel är sparad. Lämna tomt för att behålla den, eller skriv in en ny för att ersätta den.',
    seedProblem: {
      notBase32: 'En nyckel är base32-text (bokstäverna A–Z och siffrorna 2–7) eller en otpauth://totp/-länk',
      tooShort: 'En nyckel har minst 16 base32-tecken',
      badUri: 'Den här otpauth-länken kan Lotsen inte använda (SHA1, SHA256 eller SHA512; 6 till 8 siffror)',
    },
    copy: 'Engångskod',
    copyFor: 'Kopiera engångskoden för {{username}}',
    copied_one: 'Kopierade {{code}}, giltig {{count}} sekund till',
    copied_other: 'Kopierade {{code}}, giltig {{count}} sekunder till',
    revealSeed: 'Visa nyckel',
    revealSeedFor: 'Visa nyckeln för engångskoder för {{username}}',
    revealSeedTitle: 'Visa nyckeln för engångskoder för {{username}}',
    revealVpnSeedFor: 'Visa VPN:ens nyckel för engångskoder för {{environment}}',
    revealVpnSeedTitle: 'Visa VPN:ens nyckel för engångskoder för {{environment}}',
    clearSeed: 'Ta bort den sparade nyckeln',
    fill: 'Fyll i engångskod',
    failed: 'Engångskoden kunde inte hämtas.',
  },
  tool: {
    launch: 'Starta {{tool}}',
    launchFor: 'Starta {{tool}} för {{environment}}',
    launchOn: 'Starta {{tool}} för {{host}}',
    approvedHere: 'Godkänd på den här datorn',
    approveHint:
      'När du startar godkänns exakt den här texten för den här datorn, och det skrivs i granskningsloggen. Varje ändring av den behöver godkännas igen.',
    noTemplate: 'Miljön har ingen startmall för {{tool}}.',
    pending: 'Den här startmallen är inte godkänd på den här datorn. Läs den innan den körs:',
    approveAndLaunch: 'Godkänn och starta på den här datorn',
    overrideApproveAndLaunch: 'Åsidosätt, godkänn och starta på den här datorn',
    overrideAndLaunch: 'Åsidosätt och starta {{tool}}',
    handedOff:
      '{{tool}} lämnade över anslutningen och avslutades direkt, så sessionen räknas tills du klickar på Klar.',
    done: 'Klar',
    templates: 'Startmallar',
    templatesHint:
      'En rad per verktyg: verktyget, ett kolon och sedan kommandoraden. Platshållare {host}, {port}, {username} och {teamviewerId}; aldrig ett lösenord. En mall körs först när den är godkänd på varje dator.',
  },
  vpnTerminal: 'Lokal terminal med VPN',
  vpnTerminalFor: 'Öppna en lokal terminal för {{environment}} med dess VPN anslutet först',
  shell: {
    label: 'Skal',
    options: { posix: 'Unix-skal (bash, sh)', powershell: 'PowerShell (Windows OpenSSH)' },
    connect: 'PowerShell',
    connectTo: 'PowerShell på {{host}}',
  },
};
