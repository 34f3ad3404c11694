import type { storage as en } from '../../../../../common/api/errorDetails/storage.ts';
import type { Translation } from '../../translation.ts';

const restore = 'återställ en säkerhetskopia med ”lotsen restore FIL” (docs/cli.md)';
const staleTail = 'Inget sparades: jämför det som är sparat nu med det du skrev, välj och spara igen.';
const damagedTail = `Inget ändrades. Kör ”lotsen doctor” för att se mer och ${restore}. Behåll den skadade filen tills den återställda databasen har kontrollerats.`;

export const storage: Translation<typeof en> = {
  storeAlreadyThere: '{{folder}} innehåller redan en Lotsen-databas.',
  storeWithoutConfig:
    '{{file}} finns men inte lotsen.json. Återställ lotsen.json, eller flytta undan databasen för att börja om.',
  storeMissing: `Databasen {{file}} saknas. Lotsen skapade ingen ny, tom databas i dess ställe och ändrade inget: lägg tillbaka filen om den har flyttats, eller ${restore}.`,
  storeEmpty: `Databasen {{file}} är tom (0 byte): innehållet är borta. Lotsen startade ingen ny, tom databas över den och ändrade inget: ${restore}.`,
  storeDamaged: `Databasen är skadad: en del av den går inte att läsa (den har kortats av, skrivits över eller förstörts). ${damagedTail}`,
  storeFileDamaged: `Databasen {{file}} är skadad: en del av den går inte att läsa (den har kortats av, skrivits över eller förstörts). ${damagedTail}`,
  storeUnreadable: `Databasen gick inte att läsa: disken rapporterade ett fel. ${damagedTail}`,
  storeFileUnreadable: `Databasen {{file}} gick inte att läsa: disken rapporterade ett fel. ${damagedTail}`,
  storeBusy: 'En annan Lotsen skrev till databasen i samma ögonblick, så det här gjordes inte; försök igen.',

  staleSaveByYou: `Du ändrade {{staleRecord}} (i ett annat fönster eller med CLI:t) medan du hade det öppet. ${staleTail}`,
  staleSaveByYouToday: `Du ändrade {{staleRecord}} kl. {{time}} (i ett annat fönster eller med CLI:t) medan du hade det öppet. ${staleTail}`,
  staleSaveByYouOnDay: `Du ändrade {{staleRecord}} {{changedOn}} kl. {{time}} (i ett annat fönster eller med CLI:t) medan du hade det öppet. ${staleTail}`,
  staleSaveBy: `{{who}} ändrade {{staleRecord}} medan du hade det öppet. ${staleTail}`,
  staleSaveByToday: `{{who}} ändrade {{staleRecord}} kl. {{time}} medan du hade det öppet. ${staleTail}`,
  staleSaveByOnDay: `{{who}} ändrade {{staleRecord}} {{changedOn}} kl. {{time}} medan du hade det öppet. ${staleTail}`,
  staleSaveBySomeone: `Någon ändrade {{staleRecord}} medan du hade det öppet. ${staleTail}`,
  staleSaveBySomeoneToday: `Någon ändrade {{staleRecord}} kl. {{time}} medan du hade det öppet. ${staleTail}`,
  staleSaveBySomeoneOnDay: `Någon ändrade {{staleRecord}} {{changedOn}} kl. {{time}} medan du hade det öppet. ${staleTail}`,
  openedVersionNeeded: 'För att spara något som redan finns behövs versionen det öppnades i.',

  exportFolderMissing: 'Mappen {{folder}} finns inte; inget exporterades.',
  exportTargetExists: '{{path}} finns redan; inget exporterades.',

  backupFileMissing: '{{file}} finns inte eller är ingen fil.',
  notABackup: '{{file}} är ingen säkerhetskopia från Lotsen (gjord med ”lotsen backup”); inget återställdes.',
  backupCutShort:
    '{{file}} är skadad: den innehåller {{size}} byte där säkerhetskopian skrev {{expected}} (den har kortats av); inget återställdes.',
  backupWrongSize:
    '{{file}} är skadad: den innehåller {{size}} byte där säkerhetskopian skrev {{expected}}; inget återställdes.',
  backupChecksumMismatch:
    '{{file}} är skadad: databasen i den stämmer inte med kontrollsumman som säkerhetskopian skrev; inget återställdes.',
  backupAltered: '{{file}} har ändrats efter att den gjordes: förseglingen stämmer inte. Inget återställdes.',
  backupWithoutUser:
    '{{file}} innehåller ingen Lotsen-användare: den är ingen fullständig databas. Inget återställdes.',
  backupAuditMismatch:
    'Granskningsloggen i {{file}} stämmer inte med den senaste händelse som säkerhetskopian registrerade (från händelse {{seq}}). Inget återställdes.',
  restoreTargetNotEmpty:
    '{{folder}} är inte tom: en säkerhetskopia återställs bara till en tom eller ny datamapp (ange en annan med LOTSEN_HOME). Inget återställdes.',

  keychainHoldsNoKey:
    'Nyckelringen har ingen databasnyckel för {{folder}}. Återställ posten i nyckelringen, annars går data inte att öppna.',
  keyFileMissing: 'Nyckelfilen {{file}} går inte att läsa: den finns inte.',
  keyFileNotLotsen: 'Nyckelfilen {{file}} går inte att läsa: den är ingen nyckelfil från Lotsen.',
  secretKeyDestroyed: 'Nyckeln till den här hemligheten har förstörts.',
  totpSeedUnusable: 'Det sparade TOTP-fröet går inte att använda; spara det igen.',

  fieldsNotValid_one: 'Ett fält är inte giltigt.',
  fieldsNotValid_other: '{{count}} fält är inte giltiga.',
  onlyRolesMayDo: 'Det här kräver rollen {{roles}} ({{method}}); du har rollen {{yourRole}}.',
  onlyRolesMayOverride:
    'Att åsidosätta behörighetskontrollen kräver rollen {{roles}} ({{method}}); du har rollen {{yourRole}}.',
  onlyRolesMayMakeException:
    'En akut eskalering utanför avtalet (ett undantag) kräver rollen {{roles}} ({{method}}); du har rollen {{yourRole}}.',
  needsAdminRightToo:
    'Det här kräver adminrätten utöver rollen {{roles}} ({{method}}); be en admin i teamet.',
};
