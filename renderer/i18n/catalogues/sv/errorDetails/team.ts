import type { team as en } from '../../../../../common/api/errorDetails/team.ts';
import type { Translation } from '../../translation.ts';

const outboxTail =
  'Inget i den har tagits bort och Lotsen startade ingen ny kö över den. Behåll filen och be om hjälp; för att arbeta vidare utan den, flytta den ut ur datamappen (det den innehåller skickas då inte).';
const untrustedTail = 'Inget skickades till den; kontrollera värdnamnet och CA-filen med teamets admin.';

export const team: Translation<typeof en> = {
  teamNeedsAdmin: 'Att hantera teamet kräver adminrätten; be en admin.',
  membersNeedAdmin: 'Bara en medlem med adminrätten hanterar medlemmar; be en admin.',
  noCurrentMember: 'Ingen nuvarande medlem har det id:t.',
  noCurrentMemberByIdOrEmail: 'Ingen nuvarande medlem har id:t eller e-postadressen {{member}}.',
  noMemberEver: 'Ingen medlem i teamet, nuvarande eller borttagen, har det id:t.',
  teamExists:
    '{{database}} har redan ett team: lägg till personer med ”lotsen team add-member”, eller uppdatera det med ”lotsen team upgrade”.',
  recoveryNeedsAdmin: 'Att återställa valvet med återställningspaketet kräver adminrätten.',
  financeHoldsNoSecretsKey: 'Ekonomi har ingen nyckel till kundernas hemligheter.',
  financeImportsNoStore:
    'En lokal databas förs in av en tekniker eller supportansvarig: den innehåller kundernas hemligheter, som ekonomi inte har någon nyckel till. Inget lästes eller skrevs.',

  onlyAdminsManageMembers: 'Bara en medlem med adminrätten hanterar medlemmar.',
  roleUnknown: 'Rollen måste vara tekniker, supportansvarig eller ekonomi.',
  loginSuffixInvalid: 'Ett inloggningssuffix är 8 hexadecimala siffror.',
  codeVerifierNeeded: 'Ange kodens SCRAM-SHA-256-verifierare, aldrig själva koden.',
  passwordVerifierNeeded: 'Ange lösenordets SCRAM-SHA-256-verifierare, aldrig själva lösenordet.',
  memberNeedsNameAndEmail: 'En medlem behöver ett namn och en e-postadress.',
  memberEmailTaken:
    'Det finns redan en medlem med den e-postadressen (en inbjudan vars kod har gått ut tas bort med team remove-member; bjud sedan in igen).',
  noMemberWaitingToEnrol: 'Den här inloggningen hör inte till någon medlem som väntar på att registreras.',
  enrolmentCodeUsed: 'Den här registreringskoden har redan använts.',
  enrolmentCodeExpired: 'Den här registreringskoden har gått ut.',
  lastAdminKeepsRight: 'Teamets sista admin behåller adminrätten.',
  adminCannotRemoveSelf: 'En admin kan inte ta bort sig själv; be en annan admin.',
  adminCannotReissueOwnCode: 'En admin kan inte ge sig själv en ny kod; be en annan admin.',
  onlyEnrolledPublishKey: 'Bara en registrerad medlem publicerar en nyckel.',
  memberKeyInvalid: 'En medlemsnyckel är 32 byte i base64url.',
  appendOnly: '{{operation}} på {{table}} nekas: tabellen går bara att lägga till i.',
  auditInOwnName: 'En granskningshändelse skrivs bara i den egna medlemmens namn.',
  auditHeadMissing: 'Granskningsloggen saknar sin huvudrad; be en admin köra lotsen team upgrade.',
  teamDatabaseRefused: 'Teamets databas nekade det här.',
  teamDatabaseRefusedTableForRole:
    'Teamets databas nekade det här för din roll (ingen behörighet till tabellen {{table}}); inget ändrades.',
  teamDatabaseRefusedForRole: 'Teamets databas nekade det här för din roll; inget ändrades.',

  enrolmentRefused:
    'Teamets databas tog inte emot registreringskoden: den är felskriven, redan använd, äldre än 24 timmar, eller så har medlemmen tagits bort. Be en admin om en ny (”lotsen team add-member”).',
  notAnEnrolmentCode:
    'Det är ingen registreringskod: den ser ut som LOTSEN-3f9a1c2e-K7QD-… så som ”lotsen team add-member” skrev ut den.',
  passwordTooShort: 'Ett lösenord till teamets databas behöver minst 12 tecken.',
  enrolUrlWithLogin:
    'Ange teamdatabasens adress utan användare och lösenord ({{url}}): registreringskoden loggar in.',
  notARecoveryKit:
    'Det är inget återställningspaket: det är en rad som börjar med LOTSEN-RECOVERY-, så som ”lotsen team create” skrev ut den.',
  recoveryKitOfOtherTeam:
    'Det här återställningspaketet hör till teamdatabasen {{kitDatabase}}, inte {{database}}: inget ändrades.',
  recoveryWithoutVault: 'Den här teamdatabasen har inget valv än: kör ”lotsen team upgrade” först.',
  recoveryKitNotTheTeams:
    'Det här är inte teamets återställningspaket (dess fingeravtryck är {{kitFingerprint}}; teamets paket har {{teamFingerprint}}): inget ändrades.',
  databaseNameInvalid:
    'En teamdatabas behöver ett namn av små bokstäver, siffror och _ (högst 50 tecken, inte med en siffra först); ”{{database}}” är inget sådant.',

  urlUnreadable:
    'Ange databasen som en adress, t.ex. postgresql://db.example.se:5432/lotsen_team?sslmode=verify-full',
  urlProtocolWrong: 'En adress till teamets databas börjar med postgresql://, inte {{protocol}}//',
  urlWithoutDatabase: 'Adressen {{url}} anger ingen databas.',
  urlWithoutTls:
    '{{host}} är inte den här datorn, och adressen begär ingen TLS: lägg till sslmode=verify-full (med sslrootcert=CA-FIL för en egen CA), eller ange --insecure om nätverket emellan är betrott.',
  sslmodeNotVerifyFull:
    'Lotsen kontrollerar teamdatabasens certifikat och namn: använd sslmode=verify-full (inte {{sslmode}}), med sslrootcert=CA-FIL för en egen CA.',
  urlNamesSocket: 'Ange teamets databas med värdnamn eller adress, inte en socketmapp.',
  adminUrlOtherDatabase:
    'Administratörens adress anger databasen {{urlDatabase}}, men den här mappens team är {{database}}. Inget skrevs.',

  connectUnreachable: 'Kunde inte ansluta till {{url}}: inget svarade på den adressen.',
  connectNoDatabase: 'Kunde inte ansluta till {{url}}: servern har ingen databas med det namnet.',
  connectNoTls: 'Kunde inte ansluta till {{url}}: servern stöder inte SSL-anslutningar.',
  connectLoginRefused: 'Kunde inte ansluta till {{url}}: servern nekade inloggningen.',
  connectFailed: 'Kunde inte ansluta till {{url}}: servern svarade med ett fel ({{reason}}).',
  databaseNotOpenedUnreachable:
    'Teamets databas {{database}} gick inte att öppna som {{login}}: inget svarade på den adressen.',
  databaseNotOpenedNoDatabase:
    'Teamets databas {{database}} gick inte att öppna som {{login}}: servern har ingen databas med det namnet.',
  databaseNotOpenedNoTls:
    'Teamets databas {{database}} gick inte att öppna som {{login}}: servern stöder inte SSL-anslutningar.',
  databaseNotOpened:
    'Teamets databas {{database}} gick inte att öppna som {{login}}: servern svarade med ett fel ({{reason}}).',
  databaseCertificateWrongHost: `Teamets databas {{database}} betroddes inte: dess TLS-certifikat anger inte {{host}} ({{reason}}). ${untrustedTail}`,
  databaseCertificateUntrusted: `Teamets databas {{database}} betroddes inte: dess TLS-certifikat är inte utfärdat av en certifikatutfärdare som det här systemet litar på ({{reason}}). ${untrustedTail}`,
  databaseCertificateNotFromCa: `Teamets databas {{database}} betroddes inte: dess TLS-certifikat är inte utfärdat av CA:n i {{caFile}} ({{reason}}). ${untrustedTail}`,
  databaseNotPrepared:
    'Teamets databas {{database}} gick inte att förbereda: servern svarade med ett fel ({{reason}}).',
  schemaNewer:
    'Teamets databas {{database}} sattes upp av en nyare Lotsen (den har {{migrations}}): uppdatera Lotsen på den här datorn.',
  schemaBehind:
    'Teamets databas {{database}} ligger efter den här Lotsen (den saknar {{migrations}}): be en admin i teamet köra ”lotsen team upgrade”.',

  localStoreIsTeamFolder:
    '{{folder}} är en mapp för en teamdatabas, inte en lokal databas: där finns inget eget att importera.',
  localStoreOpen:
    'Den lokala databasen i {{folder}} är öppen: stäng Lotsen där först (appen, lotsen serve, alla lotsen-kommandon) och kör sedan importen igen. Om ingen Lotsen körs där stängdes den inte ordentligt: öppna och stäng den en gång. Inget skrevs.',
  localAuditBroken:
    'Den lokala databasens granskningslogg är bruten vid händelse {{seq}} (orsaken står nedanför); en databas vars logg inte går att verifiera importeras inte. Inget skrevs.',
  importedBefore:
    'Teamets databas har redan det som den här databasen skulle föra in: {{conflicts}}. Har den importerats förut? Inget skrevs.',

  outboxItemUnreadable:
    'Post {{itemId}} i kön {{file}} går inte att läsa, så den och posterna efter den skickades inte till teamets databas; inget har tagits bort. Behåll filen och rapportera det här.',
  outboxForeignKey: `Kön med sessioner som väntar på teamets databas, {{file}}, går inte att läsa: den öppnas inte med den här datorns nyckel (den gjordes av en annan Lotsen, eller så är den skadad). ${outboxTail}`,
  outboxDamaged: `Kön med sessioner som väntar på teamets databas, {{file}}, går inte att läsa: den är skadad (avkortad, överskriven eller förstörd). ${outboxTail}`,
};
