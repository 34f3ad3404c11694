import type { reasons as en } from '../en/reasons.ts';
import type { Translation } from '../translation.ts';

export const reasons: Translation<typeof en> = {
  codes: {
    NO_AGREEMENT: 'Inget supportavtal',
    AGREEMENT_NOT_STARTED: 'Avtalet har inte börjat',
    AGREEMENT_ENDED: 'Avtalet har upphört',
    SERVICE_NOT_COVERED: 'Tjänsten ingår inte',
    NO_DPA: 'Inget PUB-avtal',
    DPA_ENDED: 'PUB-avtalet har upphört',
    NO_SUPPORT_ACCOUNT: 'Inget supportkonto',
    NO_REMOTE_ACCESS: 'Ingen fjärråtkomst',
    NO_CONTACTS: 'Inga supportkontakter',
    NO_PRIMARY_CONTACT: 'Ingen huvudkontakt',
    PRIMARY_CONTACT_UNTRAINED: 'Huvudkontakten saknar utbildning',
    NON_STANDARD_ACCESS: 'Åtkomst utöver standard',
    TOO_MANY_CONTACTS: 'För många kontakter',
    CONTACT_TRAINING_MISSING: 'Kontakt saknar utbildning',
    AGREEMENT_ENDING_SOON: 'Avtalet upphör snart',
    DPA_ENDING_SOON: 'PUB-avtalet upphör snart',
    REQUESTER_NOT_CONTACT: 'Beställaren är ingen kontakt',
    CERTIFICATE_EXPIRING_SOON: 'Certifikatet går snart ut',
    CERTIFICATE_EXPIRED: 'Certifikatet har gått ut',
    MAINTENANCE_NOTICE: 'Underhållsmeddelande',
  },
  sentences: {
    agreementNotStarted: 'Avtal {{reference}} börjar {{startsOn}}; inget avtal gäller ännu.',
    agreementEnded: 'Avtal {{reference}} upphörde {{endsOn}}; inget avtal gäller.',
    noAgreement: 'Det finns inget supportavtal med kunden.',
    agreementEndingSoon_one: 'Avtal {{reference}} upphör {{endsOn}} (om {{count}} dag).',
    agreementEndingSoon_other: 'Avtal {{reference}} upphör {{endsOn}} (om {{count}} dagar).',
    serviceNotCovered: '{{service}} ingår inte i något avtal som gäller.',
    serviceNotCoveredAnywhere: 'Tjänsten ingår inte i något avtal.',
    environmentNotCovered: 'Inget avtal som gäller omfattar en tjänst i {{environment}}.',
    dpaEnded: 'PUB-avtal {{reference}} upphörde {{endsOn}}.',
    dpaDatedLater: 'PUB-avtal {{reference}} är daterat {{signedOn}}, senare än detta.',
    noDpa: 'Inget undertecknat PUB-avtal är registrerat.',
    dpaEndingSoon_one: 'PUB-avtal {{reference}} upphör {{endsOn}} (om {{count}} dag).',
    dpaEndingSoon_other: 'PUB-avtal {{reference}} upphör {{endsOn}} (om {{count}} dagar).',
    noSupportAccountIn: 'Leverantören har inget supportkonto i {{environment}}.',
    noEnvironmentNoAccount: 'Ingen miljö är registrerad för kunden, och därmed inget supportkonto.',
    noEnvironmentNoAccess: 'Ingen miljö är registrerad för kunden, och därmed ingen fjärråtkomst.',
    noContacts:
      'Ingen namngiven supportkontakt är registrerad; leverantören ger andra linjens support bara till namngivna kontakter.',
    noPrimaryContact:
      'En skola har en huvudkontakt för support; ingen av dess kontakter är markerad som huvudkontakt.',
    primaryContactUntrained: 'Skolans huvudkontakt {{contact}} har inte gått {{training}}.',
    tooManyContacts_one: '{{count}} namngiven supportkontakt; avtalet tillåter {{allowed}}.',
    tooManyContacts_other: '{{count}} namngivna supportkontakter; avtalet tillåter {{allowed}}.',
    requesterNotContact:
      '{{email}} är ingen namngiven supportkontakt; leverantören hjälper bara namngivna kontakter.',
    noRemoteAccessTerms_one:
      'Ingen fjärråtkomst är registrerad till {{roles}}-servern i {{environment}}: villkoren kräver fjärråtkomst till AD FS och WAP.',
    noRemoteAccessTerms_other:
      'Ingen fjärråtkomst är registrerad till {{roles}}-servrarna i {{environment}}: villkoren kräver fjärråtkomst till AD FS och WAP.',
    noRemoteAccessServices_one:
      'Ingen fjärråtkomst är registrerad till {{roles}}-servern i {{environment}}, som {{services}} körs på.',
    noRemoteAccessServices_other:
      'Ingen fjärråtkomst är registrerad till {{roles}}-servrarna i {{environment}}, som {{services}} körs på.',
    nonStandardAccess:
      '{{environment}} har åtkomst utöver standard, debiterbar enligt punkt 8.6: {{findings}}',
    contactTrainingMissing: 'Utbildning saknas: {{contacts}}.',
    maintenanceNotice: '{{summary}}, {{period}} ({{timing}}; kundens meddelande för {{environment}}).',
    certificateExpiring_one:
      '{{certificate}} i {{environment}} går ut {{expiresOn}} (om {{count}} dag); förnya det innan dess.',
    certificateExpiring_other:
      '{{certificate}} i {{environment}} går ut {{expiresOn}} (om {{count}} dagar); förnya det innan dess.',
    certificateExpired:
      '{{certificate}} i {{environment}} gick ut {{expiresOn}}: {{consequence}} Förnya det nu.',
  },
  parts: {
    contactTraining: '{{contact}} ({{training}})',
    noticePeriod: '{{start}}–{{end}}',
    noticeOpen: 'från {{start}} tills vidare',
    noticeTiming: {
      current: 'pågår',
      upcoming: 'kommande',
    },
  },
  training: {
    admin: 'adminutbildningen',
    tool: 'verktygsutbildningen',
    both: 'admin- och verktygsutbildningen',
  },
  blocker: 'Hinder',
  warning: 'Varning',
};
