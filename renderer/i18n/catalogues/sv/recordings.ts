import type { recordings as en } from '../en/recordings.ts';
import type { Translation } from '../translation.ts';

export const recordings: Translation<typeof en> = {
  title: 'Inspelningar',
  backToSessions: 'Tillbaka till sessioner',
  empty: 'Inga inspelningar än',
  emptyHint: 'Allt en session skriver ut spelas in, krypterat, från det att den öppnas.',
  table: 'Inspelningar',
  columns: {
    started: 'Startad',
    session: 'Session',
    ticket: 'Ärende',
    customer: 'Kund',
    size: 'Storlek',
    actions: 'Åtgärder',
  },
  none: '—',
  notFound: 'Det finns ingen sådan inspelning bland dina, eller så innehåller den inget att spela upp.',
  play: 'Spela upp',
  playOf: 'Spela upp inspelningen av {{title}}',
  size: {
    bytes: '{{value}} B',
    kib: '{{value}} KiB',
    mib: '{{value}} MiB',
  },
  player: {
    title: 'Inspelning: {{title}}',
    screen: 'Uppspelning av inspelningen',
    loading: 'Läser inspelningen…',
    play: 'Spela upp',
    pause: 'Pausa',
    playAgain: 'Spela upp igen',
    position: 'Position i inspelningen',
    time: '{{at}} / {{duration}}',
    speed: 'Hastighet',
    speedValue: '{{value}}×',
    showAll: 'Visa allt',
    showAllTitle: 'Skriv ut allt på en gång, för att läsa i stället för att titta',
    end: 'Slut på inspelningen',
    keys: 'Mellanslag spelar upp eller pausar; ← och → flyttar 5 sekunder.',
    export: 'Exportera',
    exportTitle: 'Ladda ned inspelningen som en .cast-fil (asciinema); exporten förs in i granskningsloggen',
    exporting: 'Exporterar…',
    tooLarge:
      'Inspelningen är för lång för att laddas ned här; exportera den med lotsen recordings export {{id}}',
    exported: '{{file}} exporterad; granskningsloggen har fört in det.',
  },
};
