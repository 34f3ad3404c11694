import { describe, expect, test } from 'vitest';
import { swedishCompare } from '../../common/swedishCollation.ts';

describe('swedishCompare', () => {
  test('orders as a Swedish collator does (å, ä, ö last; numbers by value)', () => {
    const byName = swedishCompare({ sensitivity: 'base', numeric: true });
    expect(['Örebro', 'Ale 10', 'Ängelholm', 'Ale 9', 'Åmål', 'Borås'].sort(byName)).toEqual([
      'Ale 9',
      'Ale 10',
      'Borås',
      'Åmål',
      'Ängelholm',
      'Örebro',
    ]);
  });
});
