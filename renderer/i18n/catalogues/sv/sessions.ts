import type { sessions as en } from '../en/sessions.ts';
import type { Translation } from '../translation.ts';

export const sessions: Translation<typeof en> = {
  roles: {
    adfs: 'AD FS',
    wap: 'WAP',
    sync: 'Synk',
    other: 'Server',
  },
  tabs: {
    label: 'Sessioner',
    local: 'Lokal terminal',
    localShell: 'Lokal: {{shell}}',
    name: '{{customer}} · {{target}}',
    tooltip: '{{name}} ({{target}})',
    numbered: '{{name}} ({{n}})',
    recordings: 'Inspelningar',
    gpu: 'GPU-rendering',
    gpuTitle: 'Stäng av om terminalerna ritas fel (fjärrskrivbord, vissa virtuella maskiner)',
  },
  states: {
    connecting: 'Ansluter',
    preconnect: 'VPN',
    open: 'Öppen',
    closed: 'Stängd',
    disconnected: 'Frånkopplad',
    failed: 'Misslyckades',
  },
  lock: {
    button: 'Lås',
    title: 'Stäng det krypterade lagret; nyckeln lämnar minnet',
    failed: 'Kunde inte låsa; försök igen.',
    confirmTitle_one: 'Låsa och avsluta {{count}} öppen session?',
    confirmTitle_other: 'Låsa och avsluta {{count}} öppna sessioner?',
    confirmText_one:
      'När du låser stängs det krypterade lagret och den öppna sessionen avslutas: anslutningen stängs och inspelningen stoppas.',
    confirmText_other:
      'När du låser stängs det krypterade lagret och de {{count}} öppna sessionerna avslutas: anslutningarna stängs och inspelningarna stoppas.',
    confirm_one: 'Lås och avsluta sessionen',
    confirm_other: 'Lås och avsluta {{count}} sessioner',
  },
  shortcuts: {
    nextTab: 'Nästa eller föregående sessionsflik, var du än är',
    nthTab: 'Sessionsflik 1 till 9',
    arrows: 'Flytta mellan sessionsflikar (när en flik har fokus)',
  },
  hostKey: {
    trustTitle: 'Lita på servern?',
    trustText:
      'Lotsen har inte anslutit till <host>{{host}}</host> (port {{port}}) tidigare. Jämför fingeravtrycket med det kunden gav dig; när servern är betrodd vägras en annan nyckel.',
    keyType: 'Nyckeltyp',
    fingerprint: 'Fingeravtryck (SHA256)',
    trust: 'Lita på och anslut',
    replaceTitle: 'Byt värdnyckel för {{host}}',
    replaceWarning:
      '<strong>Servern visade en annan nyckel än tidigare.</strong> Någon kan avlyssna anslutningen. Byt den lagrade nyckeln först när kunden har bekräftat det nya fingeravtrycket.',
    stored: 'Lagrad ({{keyType}})',
    presented: 'Visas nu',
    howConfirmed: 'Hur bekräftades den nya nyckeln?',
    replace: 'Byt lagrad nyckel',
  },
  signIn: {
    title: 'Logga in på {{host}}',
    answer: 'Svar',
    continue: 'Fortsätt',
    keyTitle: 'Den privata nyckelns lösenfras',
    keyEncrypted: 'Nyckeln som är sparad för {{username}}@{{host}} är krypterad.',
    keyPassphrase: 'Nyckelns lösenfras',
  },
  connectionCauses: {
    ECONNREFUSED: 'ingen tar emot anslutningar på den porten: ECONNREFUSED',
    ETIMEDOUT: 'inget svar kom i tid: ETIMEDOUT',
    ENOTFOUND: 'ingen server har det namnet: ENOTFOUND',
    EAI_AGAIN: 'namnet gick inte att slå upp just nu: EAI_AGAIN',
    EHOSTUNREACH: 'det finns ingen väg till servern: EHOSTUNREACH',
    ENETUNREACH: 'det finns ingen väg till serverns nätverk: ENETUNREACH',
    ECONNRESET: 'anslutningen bröts: ECONNRESET',
  },
  authMethods: {
    password: 'lösenord',
    publickey: 'nyckel',
    'keyboard-interactive': 'frågor från servern',
    hostbased: 'värdnyckel',
    'gssapi-with-mic': 'Kerberos',
  },
};
