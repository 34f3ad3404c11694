import type { records as en } from '../../../../../common/api/errorDetails/records.ts';
import type { Translation } from '../../translation.ts';

/** A personal text whose key is gone, by the field's name (in the form ”Ärendets ämne”). */
const purged = (field: string) => `${field} har gallrats och kan inte ändras; inget ändrades.`;

/** ”Månaden november 2026 är godkänd för Växjö kommun (faktureringsomgång 3)”, the start of every refusal of a closed month. */
const closedMonth = 'Månaden {{month}} är godkänd för {{customer}} (faktureringsomgång {{batch}})';

/** Another person's record, by what it is and the act refused, with who may. */
const others = (record: string, who: string, act: string) => `${record} är någon annans: ${who} får ${act}.`;

export const records: Translation<typeof en> = {
  noSuchCustomer: 'Kunden finns inte; den kan ha tagits bort.',
  noSuchContact: 'Kontakten finns inte; den kan ha tagits bort.',
  noSuchContactForCustomer: 'Kunden har ingen sådan kontakt.',
  noSuchEnvironment: 'Miljön finns inte; den kan ha tagits bort.',
  noSuchEnvironmentForCustomer: 'Kunden har ingen sådan miljö.',
  noSuchServer: 'Servern finns inte; den kan ha tagits bort.',
  noSuchSupportAccount: 'Supportkontot finns inte; det kan ha tagits bort.',
  noSuchCertificate: 'Certifikatet finns inte; det kan ha tagits bort.',
  noSuchNotice: 'Meddelandet finns inte; det kan ha tagits bort.',
  noSuchAgreement: 'Avtalet finns inte; det kan ha tagits bort.',
  noSuchDpa: 'PUB-avtalet finns inte; det kan ha tagits bort.',
  noSuchTicket: 'Ärendet finns inte; det kan ha tagits bort.',
  noSuchScreenshot: 'Skärmbilden finns inte; den kan ha gallrats.',
  noSuchTimeEntry: 'Tidposten finns inte; den kan ha tagits bort.',
  noSecretStored: 'Ingen hemlighet är sparad för {{username}}.',
  noTotpSeedStored: 'Ingen nyckel för engångskoder (TOTP) är sparad för {{username}}.',
  noVpnTotpSeedStored: 'Ingen nyckel för engångskoder (TOTP) är sparad för VPN:et i {{environment}}.',

  customerHasApprovedMonths:
    'Kunden har godkända faktureringsmånader, som är räkenskapsinformation; kunden kan inte tas bort.',
  customerHasLoggedTime:
    'Kunden har registrerad tid, som är räkenskapsinformation; kunden kan inte tas bort.',
  orgNumberTaken: '{{customer}} har redan organisationsnummer {{orgNumber}}.',
  orgNumberUsedBy: 'Används redan av {{customer}}',
  environmentNameTaken: 'Kunden har redan en miljö som heter {{environment}}.',
  environmentNameUsed: 'En annan miljö har det här namnet',
  privateKeyUnreadable: 'Den privata nyckeln går inte att läsa.',
  privateKeyOneLine:
    'Den här privata nyckeln har tappat sina radbrytningar; klistra in den igen precis som den står i filen',
  privateKeyCutOff: 'Den här privata nyckeln är avklippt: sista raden, -----END … PRIVATE KEY-----, saknas',
  privateKeyDamaged:
    'Den här privata nyckeln går inte att läsa: den är skadad eller i ett format som Lotsen inte läser (OpenSSH, PEM eller PKCS#8)',
  serverNotInEnvironment: 'Servern hör inte till den här miljön.',
  notServerOfEnvironment: 'Inte en server i den här miljön',
  registryFileNotImported_one: 'Registerfilen importerades inte: {{count}} problem. Inget skrevs.',
  registryFileNotImported_other: 'Registerfilen importerades inte: {{count}} problem. Inget skrevs.',
  registryFileNotImportedUnchecked_one:
    'Registerfilen importerades inte: {{count}} problem i de poster som kontrollerades ({{unchecked}} till kontrollerades inte). Inget skrevs.',
  registryFileNotImportedUnchecked_other:
    'Registerfilen importerades inte: {{count}} problem i de poster som kontrollerades ({{unchecked}} till kontrollerades inte). Inget skrevs.',

  agreementReferenceTaken: 'Kunden har redan ett avtal med referensen {{reference}}.',
  agreementReferenceUsed: 'Ett annat avtal har den här referensen',
  agreementServicesInvalid: 'Avtalets tjänster är inte giltiga.',
  serviceEnvironmentNotCustomers: 'Den här miljön hör inte till kunden',
  serviceOfOtherAgreement: 'Den här tjänsten hör till ett annat avtal',

  ticketCustomerFixedByTime:
    'Ärendet har registrerad tid, som hör till dess kund: kunden kan inte ändras. Öppna ett nytt ärende för den andra kunden i stället.',
  ticketCustomerFixed: 'Ärendet har registrerad tid; dess kund kan inte ändras',
  serviceNotCustomers: 'Tjänsten hör inte till kundens avtal.',
  serviceNotInAgreements: 'Inte en tjänst i kundens avtal',
  environmentNotCustomers: 'Miljön hör inte till kunden.',
  notEnvironmentOfCustomer: 'Inte en miljö hos kunden',
  ticketHasLoggedTime: 'Ärendet har registrerad tid och kan inte tas bort; stäng det i stället.',
  ticketFeeBilled: `${closedMonth}, där ärendets akuta eskalering debiterades: ärendet kan inte tas bort; stäng det i stället.`,
  ticketAlreadySentBack: 'Ärendet har redan skickats tillbaka till kontakterna.',
  requesterIsContact:
    'Anmälaren är en namngiven supportkontakt hos {{customer}}; deras ärende ska leverantören besvara.',
  ticketResolvedReopen: 'Ärendet är löst; öppna det igen först.',
  ticketClosedReopen: 'Ärendet är stängt; öppna det igen först.',
  escalationNoAgreement: 'Akut eskalering nekad: inget avtal gäller {{escalatedOn}}.',
  escalationNoAcuteOption: 'Akut eskalering nekad: avtalet har inget akuttillval ({{agreements}}).',
  exceptionReasonMissing: 'Ett undantag behöver en skriven anledning.',
  ticketPurged: 'Ärendets personuppgifter har gallrats; inget kan läggas till.',
  screenshotTooLarge: 'En skärmbild är högst 5 MB.',
  screenshotNotImage: 'Filen är inte en PNG- eller JPEG-bild.',
  screenshotNotPngOrJpeg: 'Inte en PNG- eller JPEG-bild',
  assigneeNotMember: 'Ett ärende tilldelas en medlem i teamet.',
  notTeamMember: 'Inte en medlem i teamet',

  entryStillRunning: 'Tidposten pågår fortfarande; stoppa den innan du ändrar den.',
  sessionEntryFixed:
    'En sessions ärende och tider kommer från sessionen själv; bara anteckningen kan ändras.',
  sessionEntryNotDeletable: 'En sessions tidpost hör till sessionen och kan inte tas bort.',
  entryEndNotAfterStart: 'Slutet måste komma efter starten',
  entryOver24Hours: 'En tidpost omfattar högst 24 timmar',
  timeFileNotImported_one: 'Tidfilen importerades inte: {{count}} problem. Inget skrevs.',
  timeFileNotImported_other: 'Tidfilen importerades inte: {{count}} problem. Inget skrevs.',
  timeFileNotImportedUnchecked_one:
    'Tidfilen importerades inte: {{count}} problem i de poster som kontrollerades ({{unchecked}} till kontrollerades inte). Inget skrevs.',
  timeFileNotImportedUnchecked_other:
    'Tidfilen importerades inte: {{count}} problem i de poster som kontrollerades ({{unchecked}} till kontrollerades inte). Inget skrevs.',

  entryLocked:
    'Tidposten är låst: {{month}} godkändes i faktureringsomgång {{batch}}. Rätta den med en justering, som debiteras i nästa öppna månad.',
  monthClosedForTime: `${closedMonth}: ingen tid kan läggas till eller ändras i den. Lägg in en justering på en låst tidpost i stället.`,
  escalationHeldInMonth: `${closedMonth}, som innehåller ärendets akuta eskalering: eskaleringen kan inte längre flyttas ut ur månaden, tas tillbaka eller gå till en annan kund.`,
  escalationIntoClosedMonth: `${closedMonth}: en akut eskalering kan inte registreras i den, eftersom avgiften inte längre kan debiteras. Registrera eskaleringen i en öppen månad.`,
  storeRefused: 'Databasen nekade ändringen. Rättelser görs som justeringar.',
  storeRefusedLineChange:
    'Databasen nekade ändringen: en faktureringsrad kan inte ändras. Rättelser görs som justeringar.',
  storeRefusedLineDelete:
    'Databasen nekade ändringen: en faktureringsrad kan inte tas bort. Rättelser görs som justeringar.',
  storeRefusedBatchChange:
    'Databasen nekade ändringen: en godkänd faktureringsomgång kan inte ändras. Rättelser görs som justeringar.',
  storeRefusedBatchDelete:
    'Databasen nekade ändringen: en godkänd faktureringsomgång kan inte tas bort. Rättelser görs som justeringar.',
  storeRefusedAdjustment:
    'Databasen nekade ändringen: justeringen hör till en godkänd faktureringsomgång. Rättelser görs som justeringar.',
  storeRefusedMonth:
    'Databasen nekade ändringen: månaden är godkänd för den här kunden. Rättelser görs som justeringar.',
  storeRefusedEntry:
    'Databasen nekade ändringen: tidposten hör till en godkänd faktureringsomgång. Rättelser görs som justeringar.',
  entryNotLocked:
    'Tidposten är inte låst: ändra eller klassa om den i stället. Justeringar rättar tid i godkända månader.',
  adjustmentTooLarge:
    'Högst {{left}} minuter kan dras av: raden som debiterade tidposten räknade {{base}} minuter, och en rättelse kan inte debitera mindre än ingenting.',
  adjustmentTooLargeAfterEarlier:
    'Högst {{left}} minuter kan dras av: raden som debiterade tidposten räknade {{base}} minuter och tidigare rättelser {{earlier}}, och en rättelse kan inte debitera mindre än ingenting.',
  monthNotEnded:
    'Månaden {{month}} för {{customer}} kan inte godkännas än: månaden är inte slut (svensk tid). Tid kan fortfarande registreras i den.',
  monthAlreadyApproved:
    'Månaden {{month}} för {{customer}} är redan godkänd (faktureringsomgång {{batch}}). Rättelser görs som justeringar.',
  monthNotApprovable:
    'Månaden {{month}} för {{customer}} kan inte godkännas: {{problems}}. Klassa tiden, stoppa det som pågår och sätt pris på debiterbart arbete, och godkänn sedan igen.',
  monthApprovedDuringExport:
    'Månaden för {{customer}} godkändes medan den exporterades; inget exporterades. Exportera igen för att få den godkända omgången.',
  exportTooLargeForDownload:
    'Exporten är större än {{megabytes}} MB: skriv den till en fil i stället (lotsen time export --out FIL).',

  othersSessionReconnect: others('Sessionen', 'bara den personen och en supportansvarig', 'återansluta den'),
  othersSessionClose: others('Sessionen', 'bara den personen och en supportansvarig', 'stänga den'),
  othersSessionHostKey: others(
    'Sessionen',
    'bara den personen och en supportansvarig',
    'byta dess värdnyckel',
  ),
  othersRecordingPlay: others('Inspelningen', 'bara den personen och en supportansvarig', 'spela upp den'),
  othersEntrySee: others('Tidposten', 'bara den personen, en supportansvarig och ekonomi', 'se den'),
  othersEntryClassify: others('Tidposten', 'bara den personen och ekonomi', 'klassa den'),
  othersEntryEdit: others('Tidposten', 'bara den den tillhör', 'ändra den'),
  othersEntryDelete: others('Tidposten', 'bara den den tillhör', 'ta bort den'),

  purgedCannotEdit: 'Gallrad; kan inte ändras',
  purgedRequesterName: purged('Anmälarens namn i ärendet'),
  purgedRequesterEmail: purged('Anmälarens e-post i ärendet'),
  purgedSubject: purged('Ärendets ämne'),
  purgedDescription: purged('Ärendets beskrivning'),
  purgedAffectedUsers: purged('Ärendets berörda användare'),
  purgedSchoolAndClass: purged('Ärendets skola och klass'),
  purgedProblemStarted: purged('Ärendets tidpunkt då problemet började'),
  purgedPageLinks: purged('Ärendets sidlänkar'),
  purgedBrowser: purged('Ärendets webbläsare'),
  purgedContactName: purged('Kontaktens namn'),
  purgedContactEmail: purged('Kontaktens e-post'),
  purgedContactPhone: purged('Kontaktens telefon'),
  purgedContactRole: purged('Kontaktens roll'),
  purgedContactAdminAccount: purged('Kontaktens administratörskonto'),
  purgedEntryNote: purged('Tidpostens anteckning'),
  sessionRunningForPerson:
    'En session pågår i ett av den här personens ärenden: avsluta den först; inget raderades.',
  timerRunningForPerson:
    'En timer går på ett av den här personens ärenden: stoppa den först; inget raderades.',
  noPurgeDue: 'Ingen gallring väntar: den senaste gjordes för {{lastPurgeOn}}, och nästa är {{nextPurgeOn}}.',
};
