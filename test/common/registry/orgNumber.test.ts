import { describe, expect, test } from 'vitest';
import { isPersonalIdentityNumber, normaliseOrgNumber } from '../../../common/registry/orgNumber.ts';
import { personalIdentityNumber } from '../../support/orgNumbers.ts';

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

  const person = personalIdentityNumber('811218', 987);
  const coordination = personalIdentityNumber('811278', 987); // the day plus 60
  test.each([
    [person, "a person's number (personnummer)"],
    [person.replace('-', ''), 'the same without the hyphen'],
    [`19${person}`, 'the same with the century: 12 digits'],
    [`19${person.replace('-', '')}`, '12 digits without the hyphen'],
    [coordination, 'a samordningsnummer'],
    [`19${coordination}`, 'a samordningsnummer with the century'],
  ])("%s is a person's number, never an organisation's (%s)", (input) => {
    expect(normaliseOrgNumber(input)).toBeNull();
    expect(isPersonalIdentityNumber(input)).toBe(true);
  });

  test.each(['212000-1355', '16212000-1355', '556036-0793', '212000-1356', 'abc'])(
    "%s is not a person's number",
    (input) => {
      expect(isPersonalIdentityNumber(input)).toBe(false);
    },
  );
});
