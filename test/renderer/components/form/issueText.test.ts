import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { localUserInputSchema } from '../../../../common/api/contract.ts';
import { customerInputSchema } from '../../../../common/registry/model.ts';
import { keyedError, LotsenError } from '../../../../common/api/errors.ts';
import { errorsFromFailure, validate } from '../../../../renderer/components/form/fieldErrors.ts';
import { sentenceText } from '../../../../renderer/components/form/issueText.ts';
import { forms } from '../../../../renderer/i18n/catalogues/en/forms.ts';
import { chooseLanguage } from '../../../../renderer/i18n/i18n.ts';

/** A schema that says nothing of its own, so every message would be zod's ("Too small: expected string…"). */
const bare = z.object({
  name: z.string().trim().min(1).max(5),
  count: z.number().int().min(2),
  email: z.email(),
  kind: z.enum(['a', 'b']),
  items: z.array(z.string()).min(1),
});
const fields = ['name', 'count', 'email', 'kind', 'items'];

describe('validation messages in the chosen language, never zod’s own English', () => {
  afterEach(() => chooseLanguage('en'));

  it('words zod’s own issues by their code in English', async () => {
    await chooseLanguage('en');
    expect(validate(bare, { name: ' ', count: undefined, email: 'x', kind: 'c', items: [] }, fields)).toEqual(
      {
        byField: {
          name: 'Fill this in',
          count: 'Fill this in',
          email: 'Not an email address',
          kind: 'Choose one of the options',
          items: 'Choose at least 1',
        },
        general: [],
      },
    );
    expect(
      validate(bare, { name: 'Sixsix', count: 1.5, email: 'a@b.se', kind: 'a', items: ['x'] }, fields)
        .byField,
    ).toEqual({
      name: 'At most 5 characters',
      count: 'A whole number',
    });
    expect(
      validate(bare, { name: 'Ok', count: 1, email: 'a@b.se', kind: 'a', items: ['x'] }, fields).byField,
    ).toEqual({
      count: 'At least 2',
    });
  });

  it('words them in Swedish, and a schema’s own English sentence too', async () => {
    await chooseLanguage('sv');
    expect(
      validate(bare, { name: 'Sixsix', count: Number.NaN, email: 'x', kind: 'c', items: [] }, fields).byField,
    ).toEqual({
      name: 'Högst 5 tecken',
      count: 'Värdet är inte giltigt',
      email: 'Inte en e-postadress',
      kind: 'Välj ett av alternativen',
      items: 'Välj minst 1',
    });
    // The set-up form's schema has sentences of its own ("Name is required"): no English reaches a Swedish screen;
    // one the catalogue words is said in full (a field by the name the catalogue gives it), the others by their code.
    const setup = validate(localUserInputSchema, { name: '', email: 'nej', role: 'chef' }, [
      'name',
      'email',
      'role',
    ]);
    expect(setup.byField).toEqual({
      name: 'Namn måste fyllas i',
      email: 'E-post ska vara en adress som namn@leverantor.se',
      role: 'Välj ett av alternativen',
    });
  });

  it('keeps a schema’s own sentence in English, where it says more than the code', async () => {
    await chooseLanguage('en');
    const errors = validate(
      customerInputSchema,
      { name: '  ', orgNumber: '212000-0000', kind: 'municipality', notes: '' },
      ['name', 'orgNumber', 'kind', 'notes'],
    );
    expect(errors.byField.orgNumber).toMatch(/not a valid Swedish organisation number/);
    expect(errors.byField.name).not.toMatch(/Too small|expected/);
  });
});

describe('the schemas’ own sentences in the chosen language', () => {
  afterEach(() => chooseLanguage('en'));

  it('words a sentence of a schema in Swedish, with the value it names', async () => {
    await chooseLanguage('sv');
    const errors = validate(
      customerInputSchema,
      { name: 'Växjö kommun', orgNumber: '212000-0000', kind: 'municipality', notes: '' },
      ['name', 'orgNumber', 'kind', 'notes'],
    );
    expect(errors.byField.orgNumber).toBe(
      '”212000-0000” är inte ett giltigt svenskt organisationsnummer (NNNNNN-NNNN med rätt kontrollsiffra)',
    );
  });

  it('words the same sentence sent by main in a field issue, and never shows main’s own English in Swedish', async () => {
    await chooseLanguage('sv');
    const refused = new LotsenError('VALIDATION', 'One field is not valid.', {
      issues: [
        { path: 'agreement.services.1.name', message: 'Two services have this name' },
        { path: 'agreement.reference', message: 'FA-2020-3 is used by another agreement' },
      ],
    });
    expect(errorsFromFailure(refused, ['services.1.name', 'reference']).byField).toEqual({
      'services.1.name': 'Två tjänster har det här namnet',
      reference: 'Värdet är inte giltigt',
    });
    // A refusal about one field says it in its detail, worded by key: that is what the field shows.
    const gone = keyedError(
      'NOT_FOUND',
      'records.noSuchCustomer',
      {},
      {
        issues: [{ path: 'ticket.customerId', message: 'No such customer' }],
      },
    );
    expect(errorsFromFailure(gone, ['customerId']).byField).toEqual({
      customerId: 'Kunden finns inte; den kan ha tagits bort.',
    });
    await chooseLanguage('en');
    expect(errorsFromFailure(refused, ['services.1.name', 'reference']).byField.reference).toBe(
      'FA-2020-3 is used by another agreement',
    );
    expect(errorsFromFailure(gone, ['customerId']).byField.customerId).toBe('No such customer');
  });

  it('names the field a sentence is made from as the catalogue does, and words one it does not know by its code', async () => {
    await chooseLanguage('sv');
    expect(
      sentenceText('Responsible person’s phone may hold digits, spaces, brackets, dashes and a leading +'),
    ).toBe(
      'Den ansvariges telefon får innehålla siffror, mellanslag, parenteser, bindestreck och ett inledande +',
    );
    expect(sentenceText('Subject is longer than 300 characters')).toBe('Ämne får vara högst 300 tecken');
    expect(sentenceText('Escalation fee cannot be negative')).toBe(
      'Avgift för eskalering får inte vara mindre än noll',
    );
    expect(sentenceText('Shoe size is required')).toBeNull();
  });

  it('has a name for every field common/’s schemas make sentences from', async () => {
    const root = path.resolve(import.meta.dirname, '../../../../common');
    const files = [
      'registry/model.ts',
      'agreements/model.ts',
      'tickets/model.ts',
      'environments/maintenanceNotices.ts',
    ];
    const source = (await Promise.all(files.map((file) => readFile(path.join(root, file), 'utf8')))).join(
      '\n',
    );
    const named = [
      ...source.matchAll(
        /\b(?:text|requiredText|optionalText|isoDate|oreSchema|phoneSchema|instant)\(\s*'([^']+)'/g,
      ),
    ];
    expect(named.length).toBeGreaterThan(30);
    const unnamed = named.map((match) => match[1]!).filter((label) => !(label in forms.fieldNames));
    expect(unnamed).toEqual([]);
  });

  it('has every English sentence still as common/ writes it (a reworded schema would fall back to English)', async () => {
    const root = path.resolve(import.meta.dirname, '../../../../common');
    const files = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.ts'));
    const source = (await Promise.all(files.map((file) => readFile(path.join(root, file), 'utf8')))).join(
      '\n',
    );
    const gone = Object.entries(forms.sentences).filter(([, english]) =>
      english.split(/\{\{\w+\}\}/).some((piece) => piece !== '' && !source.includes(piece)),
    );
    expect(gone).toEqual([]);
  });
});
