import type { sessions as en } from '../../../../../common/api/errorDetails/sessions.ts';
import type { Translation } from '../../translation.ts';

export const sessions: Translation<typeof en> = {
  noSuchSession: 'Sessionen finns inte.',
  sessionNotOpen: 'Sessionen är inte öppen (den kan ha avslutats).',
  reconnectUnderWay: 'Sessionen håller redan på att återansluta.',
  stillLive: 'Sessionen är fortfarande igång; bara en avslutad session kan återanslutas.',
  notConnectedYet: 'Sessionen är inte ansluten ännu.',
  notAtVpnPrompt: 'Sessionen kör inte sitt VPN-kommando för att ansluta.',
  vpnCommandEnded: 'VPN-kommandot för att ansluta har redan avslutats.',
  noSuchTicket: 'Ärendet finns inte; det kan ha tagits bort.',
  noSuchEnvironment: 'Miljön finns inte; den kan ha tagits bort.',
  noSuchEnvironmentOfTicket: 'Miljön finns inte hos ärendets kund.',
  noSuchServer: 'Servern finns inte i den här miljön.',
  noSuchAccount: 'Supportkontot finns inte i den här miljön.',
  jumpNoSuchServer: 'Hoppserver {{jump}}: servern finns inte i den här miljön.',
  jumpNoSuchAccount: 'Hoppserver {{jump}}: supportkontot finns inte i den här miljön.',
  notEligible: 'En supportansvarig kan göra undantag med en skriftlig motivering, som loggas.',

  questionTimedOut: 'Ingen svarade på frågan i tid, så sessionen gav upp.',
  questionGone: 'Frågan är redan besvarad eller har gått ut.',
  sessionEnded: 'Sessionen har avslutats.',
  endedWhileAsking: 'Sessionen avslutades medan den väntade på ett svar.',
  loginCancelledAtPrompt: 'Inloggningen avbröts vid frågan.',
  keyPassphraseNotGiven: 'Nyckelns lösenfras angavs inte.',

  preConnectApprovalStale:
    'Miljöns förbindelsekommando har ändrats sedan det visades; läs det nya innan du godkänner det.',
  preConnectNotApproved:
    'Miljöns förbindelsekommando är inte godkänt på den här datorn, så det kördes inte. Läs det och godkänn att det ' +
    'körs här, eller öppna sessionen utan att köra det.',
  preConnectExited: 'Förbindelsekommandot avslutades med slutkod {{exitCode}}; sessionen anslöts inte.',
  preConnectSignalled: 'Förbindelsekommandot avbröts med signalen {{signal}}; sessionen anslöts inte.',
  vpnClientMissing:
    'Miljöns VPN-klient, {{client}}, är inte installerad på den här datorn, så förbindelsekommandot kördes inte. ' +
    'Installera den, eller öppna sessionen utan att köra kommandot.',

  agentMissing:
    'Inloggning med agent för {{where}} kräver en SSH-agent, och Lotsen ser ingen (SSH_AUTH_SOCK är inte satt där Lotsen körs).',
  noSecretStored:
    'Ingen hemlighet är sparad för {{where}}. Spara lösenordet eller den privata nyckeln i registret, eller välj inloggning med agent eller med frågor från servern.',
  secretNotAKey: 'Hemligheten som är sparad för {{where}} är ingen privat nyckel.',
  storedKeyUnreadable: 'Den privata nyckeln som är sparad för {{where}} gick inte att läsa.',
  keyNeedsPassphrase:
    'Den privata nyckeln för {{where}} gick inte att öppna: den är krypterad och ingen lösenfras angavs.',
  keyPassphraseWrong: 'Den privata nyckeln för {{where}} gick inte att öppna: lösenfrasen stämmer inte.',
  keyFormatUnknown:
    'Den privata nyckeln för {{where}} gick inte att öppna: den är ingen privat nyckel i ett format som Lotsen läser.',
  publicKeyGiven: 'Nyckeln för {{where}} är en publik nyckel, inte en privat.',

  passwordRefused: '{{where}} godtog inte lösenordet (servern erbjuder: {{authMethods}}).',
  privateKeyRefused: '{{where}} godtog inte den privata nyckeln (servern erbjuder: {{authMethods}}).',
  agentKeysRefused: '{{where}} godtog inte nycklarna i SSH-agenten (servern erbjuder: {{authMethods}}).',
  agentKeysRefusedAgentUnusable:
    '{{where}} godtog inte nycklarna i SSH-agenten (servern erbjuder: {{authMethods}}). SSH-agenten gick dessutom inte att använda.',
  answersRefused: '{{where}} godtog inte svaren på sina frågor (servern erbjuder: {{authMethods}}).',
  passwordNotOffered: '{{where}} tar inte emot inloggning med lösenord (servern erbjuder: {{authMethods}}).',
  privateKeyNotOffered:
    '{{where}} tar inte emot inloggning med privat nyckel (servern erbjuder: {{authMethods}}).',
  agentKeysNotOffered:
    '{{where}} tar inte emot inloggning med nycklar i SSH-agenten (servern erbjuder: {{authMethods}}).',
  answersNotOffered:
    '{{where}} tar inte emot inloggning med svar på frågor (servern erbjuder: {{authMethods}}).',
  loginRefused: '{{where}} godtog inte inloggningen.',
  loginCancelled: 'Inloggningen på {{where}} avbröts.',

  noHosts: 'En SSH-anslutning behöver minst en server.',
  noAnswerWithin: '{{where}} svarade inte inom {{seconds}} s.',
  couldNotConnectBecause: 'Det gick inte att ansluta till {{where}} ({{errno}}).',
  couldNotConnect: 'Det gick inte att ansluta till {{where}}.',
  handshakeFailed:
    'Det gick inte att ansluta till {{where}}: servern och Lotsen har ingen SSH-kryptering eller nyckelutväxling gemensam.',
  closedBeforeLogin: '{{where}} stängde anslutningen innan inloggningen var klar.',
  jumpNoAnswer: '{{from}} nådde inte {{to}} (inget svar inom {{seconds}} s).',
  jumpConnectFailed: '{{from}} nådde inte {{to}} (anslutningen misslyckades).',
  jumpForwardingRefused: '{{from}} nådde inte {{to}} (hoppservern tillåter inte vidarekoppling).',
  jumpChannelRefused: '{{from}} nådde inte {{to}} (kanalen nekades).',
  noShell: 'Servern öppnade inget skal.',

  hostKeyNotTrusted:
    'Värdnyckeln för {{where}} ({{fingerprint}}) godtogs inte; inget skickades till servern.',
  hostKeyChanged:
    'Värdnyckeln för {{endpoint}} har ÄNDRATS: den var {{expected}}, nu är den {{presented}}. ' +
    'Någon kan avlyssna anslutningen, eller så har servern installerats om. Sessionen öppnades inte; ' +
    'byt den sparade nyckeln först när du har bekräftat det nya fingeravtrycket med kunden.',
  hostKeyAlreadyReplaced: 'Värdnyckeln för {{endpoint}} är redan utbytt mot {{presented}}.',
  hostKeyChangedSince:
    'Den sparade värdnyckeln för {{endpoint}} är inte längre {{expected}}: den har ändrats sedan dess. ' +
    'Öppna en ny session för att se nyckeln som servern visar nu.',
  hostKeyUncheckable: 'Värdnyckeln för {{where}} gick inte att kontrollera.',
  notAHostKeyFailure:
    'Sessionen misslyckades inte på grund av en ändrad värdnyckel, så det finns ingen nyckel att byta.',

  freerdpMissing:
    'FreeRDP (xfreerdp) är inte installerat på den här datorn: installera freerdp2-x11 för att kunna öppna RDP-sessioner.',
  noDisplay: 'Det finns ingen X-skärm för RDP-klientens fönster (DISPLAY är inte satt där Lotsen körs).',
  rdpClientNotStarted: 'RDP-klienten gick inte att starta.',
  credentialNotStoredInTime: 'cmdkey sparade inte inloggningsuppgiften i tid.',
  credentialNotStoredExit: 'cmdkey kunde inte spara sessionens inloggningsuppgift (slutkod {{exitCode}}).',
  credentialNotStoredSignal: 'cmdkey kunde inte spara sessionens inloggningsuppgift (signalen {{signal}}).',
  credentialNotAsked:
    'cmdkey kunde inte spara sessionens inloggningsuppgift: den frågade inte efter något lösenord.',
  rdpNoPassword: 'Inget lösenord är sparat för {{where}}. Spara det med supportkontot i registret.',
  certificateNotTrusted: 'Serverns certifikat godtogs inte; sessionen öppnades inte.',
  rdpNoAnswer: '{{endpoint}} svarade inte i tid.',
  rdpTlsEnded: '{{endpoint}} avbröt TLS-handskakningen.',
  rdpUnreachableBecause: '{{endpoint}} gick inte att nå ({{errno}}).',
  rdpUnreachable: '{{endpoint}} gick inte att nå.',
  notAnRdpServer: '{{endpoint}} svarar inte som en RDP-server.',
  rdpClosedEarly: '{{endpoint}} stängde anslutningen utan att svara.',
  rdpTlsRefused:
    '{{endpoint}} har inget certifikat som Lotsen kan låsa: servern nekade TLS (felkod {{failureCode}}). Be kunden kräva TLS (eller NLA) för fjärrskrivbordet.',
  rdpNoTls:
    '{{endpoint}} har inget certifikat som Lotsen kan låsa: servern erbjuder bara RDP:s egen säkerhet, utan TLS. Be kunden kräva TLS (eller NLA) för fjärrskrivbordet.',

  toolNotFound: '{{program}} finns inte på den här datorn; installera {{tool}} först.',
  noToolTemplate: 'Miljön har ingen startmall för {{tool}}.',
  templateQuoteOpen: 'Startmallen har ett citattecken som inte stängs.',
  templateNeeds:
    'Startmallen behöver {{placeholder}}, som sessionen inte har (välj server och konto, eller fyll i miljöns TeamViewer-id).',
  templateEmpty: 'Startmallen är tom.',
  toolTemplateStale:
    'Verktygets startmall har ändrats sedan den visades; läs den nya innan du godkänner den.',
  noSuchRecording: 'Inspelningen {{id}} finns inte.',
  recordingTooLong:
    'Inspelningen är för lång för att laddas ner i konsolen; exportera den med lotsen recordings export {{recordingId}}',

  shellExited: 'Skalet avslutades (slutkod {{exitCode}}).',
  shellSignalled: 'Skalet avslutades (signalen {{signal}}).',
  rdpClientExited: 'RDP-klienten avslutades (slutkod {{exitCode}}).',
  rdpClientSignalled: 'RDP-klienten avslutades (signalen {{signal}}).',
  toolExited: 'Verktyget avslutades (slutkod {{exitCode}}).',
  toolFailedExit: 'Verktyget avslutades med slutkod {{exitCode}}.',
  toolFailedSignal: 'Verktyget avbröts med signalen {{signal}}.',
  connectionDropped:
    'Anslutningen till {{title}} bröts (servern, nätverket eller VPN:en försvann). Återanslut för att fortsätta.',
  endedByLock: 'Lotsen låstes, vilket avslutar alla sessioner.',
  interrupted: 'Lotsen stoppades medan sessionen var öppen; den avslutades vid det sista som spelades in.',
  internalFailure: 'Sessionen kunde inte öppnas av ett internt skäl.',
};
