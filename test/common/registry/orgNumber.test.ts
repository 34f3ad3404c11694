import { describe, expect, test } from 'vitest';
import { normaliseOrgNumber } from '../../../common/registry/orgNumber.ts';

describe('Swedish organisation numbers', () => {
  test.each([
    ['212000-1355', '212000-1355'], // Malmö stad
    ['2120001355', '212000-1355'],
    [' 212000-1355 ', '212000-1355'],
    ['16212000-1355', '212000-1355'],
    ['556036-0793', '556036-0793'], // a limited company (aktiebolag)
  ])('%s is valid and stored as %s', (input, expected) => {
    expect(normaliseOrgNumber(input)).toBe(expected);
  });

  test.each([
    ['212000-1356', 'wrong check digit'],
    ['212000-135', 'too short'],
    ['21200013555', 'too long'],
    ['abcdef-ghij', 'not digits'],
    ['', 'empty'],
    ['212000–1355', 'en dash instead of hyphen'],
  ])('%s is refused (%s)', (input) => {
    expect(normaliseOrgNumber(input)).toBeNull();
  });
});
