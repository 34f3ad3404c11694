import { describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { lazily, lazyEntries } from '../../../common/api/lazySchema.ts';
import { isMethodName, methods } from '../../../common/api/contract.ts';

const buildCustomer = () =>
  z
    .object({
      name: z.string().trim().min(1, { error: 'Name is required' }).max(200),
      kind: z.enum(['municipality', 'school']),
      note: z.string().optional(),
    })
    .strict();

describe('lazily: a schema built at its first use', () => {
  test('nothing is built until the first parse, and then once', () => {
    const build = vi.fn(buildCustomer);
    const schema = lazily(build);
    expect(build).not.toHaveBeenCalled();
    expect(schema.parse({ name: ' Växjö kommun ', kind: 'municipality' })).toEqual({
      name: 'Växjö kommun',
      kind: 'municipality',
    });
    schema.safeParse({ name: '' });
    expect(schema.unwrap()).toBe(schema.unwrap());
    expect(build).toHaveBeenCalledTimes(1);
  });

  test('a schema made from it (optional, array, in an object) builds it only when that one parses', () => {
    const build = vi.fn(buildCustomer);
    const customer = lazily(build);
    const list = z.object({ customers: z.array(customer), first: customer.optional() });
    expect(build).not.toHaveBeenCalled();
    expect(list.parse({ customers: [{ name: 'A', kind: 'school' }] })).toEqual({
      customers: [{ name: 'A', kind: 'school' }],
    });
    expect(build).toHaveBeenCalledTimes(1);
  });

  test('it refuses exactly what the schema it wraps refuses, with the same issues', () => {
    const eager = buildCustomer();
    const lazy = lazily(buildCustomer);
    for (const input of [
      { name: '', kind: 'municipality' },
      { name: 'A', kind: 'county' },
      { name: 'A', kind: 'school', extra: true },
      { name: 'x'.repeat(201), kind: 'school', note: 3 },
      null,
      'Växjö',
    ]) {
      const expected = eager.safeParse(input);
      const actual = lazy.safeParse(input);
      expect(actual.success).toBe(expected.success);
      expect(actual.error?.issues).toEqual(expected.error?.issues);
    }
  });
});

describe('lazyEntries: entries made when first read', () => {
  test('each thunk runs at its entry’s first read, once; the keys are all there before', () => {
    const first = vi.fn(() => ({ input: 1 }));
    const second = vi.fn(() => ({ input: 2 }));
    const entries = lazyEntries({ 'a.first': first, 'a.second': second });
    expect(Object.keys(entries)).toEqual(['a.first', 'a.second']);
    expect(Object.hasOwn(entries, 'a.second')).toBe(true);
    expect(first).not.toHaveBeenCalled();
    expect(entries['a.first']).toBe(entries['a.first']);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
  });

  test('the contract answers every method with its input and output schema', () => {
    const names = Object.keys(methods);
    expect(names.length).toBeGreaterThan(100);
    for (const name of names) {
      expect(isMethodName(name)).toBe(true);
      const spec = methods[name as keyof typeof methods];
      expect(spec.input).toBeInstanceOf(z.ZodType);
      expect(spec.output).toBeInstanceOf(z.ZodType);
    }
  });
});
