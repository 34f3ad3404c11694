import type { errors as en } from '../en/errors.ts';
import type { Translation } from '../translation.ts';

export const errors: Translation<typeof en> = {
  codes: {
    VALIDATION: 'En del av det som angavs är inte giltigt.',
    NOT_FOUND: 'Det finns inte längre; någon kan ha tagit bort det.',
    CONFLICT: 'Det krockar med det som redan är registrerat.',
    UNKNOWN_METHOD: 'Den här versionen av Lotsen känner inte till den åtgärden.',
    NOT_INITIALIZED: 'Lotsen är inte konfigurerad ännu.',
    ALREADY_INITIALIZED: 'Lotsen är redan konfigurerad.',
    VAULT_LOCKED: 'Lotsen är låst; lås upp den först.',
    WRONG_PASSPHRASE: 'Lösenfrasen stämmer inte.',
    PASSPHRASE_REQUIRED: 'En lösenfras behövs.',
    KEYCHAIN_UNAVAILABLE:
      'Ingen nyckelring svarade på den här datorn. Använd en lösenfras, eller starta Lotsen med LOTSEN_PASSPHRASE satt.',
    NO_KEY_STORE: 'Ingen nyckellagring är konfigurerad för den här datamappen.',
    KEY_MISSING: 'Nyckeln till den här datamappen saknas i nyckelringen.',
    KEY_MISMATCH: 'Nyckeln i nyckelringen öppnar inte den här datamappen.',
    STORE_MISSING: 'Datamappen är konfigurerad, men databasen saknas. Återställ den från en säkerhetskopia.',
    STORE_DAMAGED: 'Databasen går inte att läsa; den kan vara skadad. Återställ den från en säkerhetskopia.',
    TOO_MANY_ATTEMPTS: 'För många felaktiga lösenfraser. Vänta {{seconds}} s och försök igen.',
    TOO_MANY_ATTEMPTS_noWait: 'För många felaktiga lösenfraser. Vänta en stund och försök igen.',
    UNAUTHORIZED: 'Du är inte inloggad i Lotsen.',
    FORBIDDEN: 'Din roll tillåter inte detta.',
    TEAM_UNREACHABLE: 'Teamets databas gick inte att nå eller nekade inloggningen.',
    ENROLMENT_REFUSED: 'Den registreringskoden fungerar inte. Be en administratör om en ny.',
    NOT_ELIGIBLE: 'Den här kunden får inte få hjälp just nu.',
    PRECONNECT_FAILED: 'Förbindelsekommandot (VPN) lyckades inte.',
    COMMAND_NOT_APPROVED: 'Förbindelsekommandot är inte godkänt på den här datorn.',
    VPN_CLIENT_MISSING: 'Miljöns VPN-klient är inte installerad på den här datorn, så inget kördes.',
    TOOL_NOT_APPROVED: 'Verktygets startmall är inte godkänd på den här datorn.',
    TOOL_FAILED: 'Det externa verktyget kunde inte startas.',
    HOST_KEY_MISMATCH: 'Serverns värdnyckel är inte den som är registrerad.',
    LOCKED:
      'Det här hör till en godkänd faktureringsmånad och ändras inte längre; lägg in en justering i stället.',
    HOST_KEY_UNTRUSTED: 'Serverns värdnyckel godtogs inte.',
    SSH_AUTH_FAILED: 'Servern nekade inloggningen.',
    SSH_UNREACHABLE: 'Servern gick inte att nå.',
    SSH_DISCONNECTED: 'Anslutningen till servern bröts.',
    RDP_CLIENT_UNAVAILABLE: 'RDP-klienten är inte installerad här eller kan inte öppna ett fönster.',
    RDP_NO_CERTIFICATE: 'RDP-servern har inget TLS-certifikat som Lotsen kan kontrollera.',
    DISCONNECTED: 'Anslutningen till Lotsen bröts innan svaret kom.',
    TOO_LARGE: 'Det är mer än Lotsen tar emot på en gång.',
    TEAM_TLS_REQUIRED: 'Teamets databas på en annan dator måste nås över TLS.',
    TEAM_DATABASE_UNAVAILABLE:
      'Teamets databas svarade inte, nekade inloggningen eller klarade inte TLS-kontrollen.',
    TEAM_SCHEMA_MISMATCH:
      'Teamets databas och den här Lotsen har olika versioner; en administratör kör lotsen team upgrade.',
    OUTBOX_UNREADABLE:
      'Sessionerna som sparades på den här datorn medan teamets databas var borta går inte att läsa.',
    INTERNAL: 'Något gick fel i Lotsen; åtgärden genomfördes inte.',
    DATABASE_UNREACHABLE:
      'Teamets databas kan inte nås, så det här kanske inte blev gjort: försök igen när det står i toppfältet att den är tillbaka.',
  },
  unknown: 'Något gick fel; åtgärden genomfördes inte.',
  withDetail: '{{sentence}} ({{detail}})',
  /** Codes inside a detail (store/errorDetailCodes.ts): the roles that may do it, and the refused person's own. */
  detailValues: {
    rolesEither: '{{first}} eller {{last}}',
    yourRole: { technician: 'tekniker', support_lead: 'supportansvarig', finance: 'ekonomi' },
  },
};
