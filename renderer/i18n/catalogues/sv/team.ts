import type { team as en } from '../en/team.ts';
import type { Translation } from '../translation.ts';

export const team: Translation<typeof en> = {
  title: 'Team',
  introNoTeam: 'Vilka som delar en teamdatabas med dig, och vad var och en får göra.',
  intro:
    'De som delar den här teamdatabasen: var och en loggar in som sig själv, med en arbetsroll, och en administratör kan hantera de andra.',
  addMember: 'Lägg till medlem',
  removed: '{{name}} är borttagen; {{connections}} avslutades.',
  openConnections_one: '{{count}} öppen anslutning',
  openConnections_other: '{{count}} öppna anslutningar',
  rotated: 'Nyckeln till {{tree}} är bytt (generation {{from}} → {{to}}, {{keys}} omkrypterade).',
  dataKeys_one: '{{count}} datanyckel',
  dataKeys_other: '{{count}} datanycklar',
  principal: { local: 'Alla roller (den här datorn)', admin: '{{role}} · administratör' },
  noTeam: {
    title: 'Den här Lotsen ingår inte i något team',
    own: 'Den sparar allt i en egen krypterad fil på den här datorn, och du har alla roller i den. Ett team delar i stället en PostgreSQL-databas: tekniker, supportledare och ekonomi loggar in som sig själva, och databasen upprätthåller vad varje roll får göra.',
    setUp:
      'Se ”Setting up a team” i README för att sätta upp ett: en administratör kör <code>lotsen team create</code> på teamets databas, och varje medlem går med med <code>lotsen init --team URL --enrol CODE</code>. Medlemmarna hanteras sedan här.',
  },
};
