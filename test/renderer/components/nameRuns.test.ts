import { describe, expect, test } from 'vitest';
import { allYielding, nameRuns } from '../../../renderer/components/nameRuns.ts';

const customer = 'Gemensamma nämnden för IT-drift i Kronobergs och Blekinge läns kommuner';

describe('a name in runs: the part that gives way and the words kept whole around it', () => {
  test('found in the wording wherever it puts the part: after it, before it, or around it', () => {
    expect(nameRuns(customer, (c) => `${c} · WAP (2)`)).toEqual({
      whole: `${customer} · WAP (2)`,
      before: '',
      yielding: customer,
      after: ' · WAP (2)',
    });
    expect(nameRuns(customer, (c) => `WAP hos ${c}`)).toEqual({
      whole: `WAP hos ${customer}`,
      before: 'WAP hos ',
      yielding: customer,
      after: '',
    });
    expect(nameRuns('Lund', (c) => `TeamViewer (${c})`)).toEqual({
      whole: 'TeamViewer (Lund)',
      before: 'TeamViewer (',
      yielding: 'Lund',
      after: ')',
    });
  });

  test('a wording that leaves the part out, or names it twice, gives way as a whole rather than split wrongly', () => {
    expect(nameRuns(customer, () => 'WAP')).toEqual(allYielding('WAP'));
    expect(nameRuns('Lund', (c) => `${c}: WAP (${c})`)).toEqual(allYielding('Lund: WAP (Lund)'));
  });
});
