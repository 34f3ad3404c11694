import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { localUserInputSchema, methods } from '../../../common/api/contract.ts';
import { issuesFromZod } from '../../../common/api/errors.ts';
import {
  capIssues,
  IssueReport,
  MAX_ISSUE_MESSAGE_CHARS,
  MAX_ISSUE_RECORD_CHARS,
  MAX_REPORTED_ISSUES,
} from '../../../common/api/limits.ts';
import { contactInputSchema } from '../../../common/registry/model.ts';
import { registryFileCustomerSchema } from '../../../common/registry/registryFile.ts';

describe('capped error reports', () => {
  test('a report keeps a screenful of issues and counts the rest in a last line', () => {
    const report = new IssueReport();
    for (let i = 0; i < 4_015; i++) report.add({ path: `customers.${i}.name`, message: 'Name is required' });
    const issues = report.issues();
    expect(report.count).toBe(4_015);
    expect(issues).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(issues.at(-1)).toEqual({ path: '', message: '…and 3,995 more problems' });
    expect(report.uncheckedRecords).toBe(0);
  });

  test('messages and record labels are cut, so a report never repeats a huge input', () => {
    const huge = 'Å'.repeat(1_000_000);
    const [issue] = capIssues([
      { path: 'name', message: `"${huge}" is wrong`, record: `customer 1 "${huge}"` },
    ]);
    expect(issue!.message.length).toBeLessThanOrEqual(MAX_ISSUE_MESSAGE_CHARS);
    expect(issue!.record!.length).toBeLessThanOrEqual(MAX_ISSUE_RECORD_CHARS);
    expect(issue!.message.endsWith('…')).toBe(true);
  });

  test('issuesFromZod caps what zod found, however much that was', () => {
    const result = z.array(z.string()).safeParse(Array.from({ length: 10_000 }, () => 1));
    const issues = issuesFromZod(result.error!);
    expect(issues).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(issues.at(-1)!.message).toBe('…and 9,980 more problems');
  });

  test('the 1,000,000-character name with 1,000 empty contacts gives a report of a few kilobytes', () => {
    const customer = {
      name: 'x'.repeat(1_000_000),
      orgNumber: '2120002429',
      kind: 'municipality',
      contacts: Array.from({ length: 1_000 }, () => ({})),
    };
    const report = new IssueReport();
    const result = registryFileCustomerSchema.safeParse(customer);
    report.addZod(result.error!, ['customers', 0], `customer 1 "${customer.name}"`);
    expect(report.count).toBeGreaterThan(2_000);
    expect(JSON.stringify(report.issues()).length).toBeLessThan(10_000);
  });
});

describe('string limits in the contract', () => {
  const address = (local: number, total: number) => {
    const domain = `${'d'.repeat(total - local - 4)}.se`;
    return `${'a'.repeat(local)}@${domain}`;
  };

  test('an e-mail address of 255 characters is refused, citing RFC 5321', () => {
    const result = contactInputSchema.safeParse({ name: 'Åsa', email: address(60, 255) });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual([
      'An e-mail address is at most 254 characters (RFC 5321)',
    ]);
  });

  test('a local part of 65 characters is refused, citing RFC 5321; 64 is accepted', () => {
    const tooLong = localUserInputSchema.safeParse({
      name: 'Tekla',
      email: `${'a'.repeat(65)}@x.se`,
      role: 'technician',
    });
    expect(tooLong.error!.issues.map((i) => i.message)).toEqual([
      'The part of an e-mail address before @ is at most 64 characters (RFC 5321)',
    ]);
    expect(
      localUserInputSchema.safeParse({ name: 'Tekla', email: `${'a'.repeat(64)}@x.se`, role: 'technician' })
        .success,
    ).toBe(true);
  });

  test('a megabyte e-mail value is refused at once by its length', () => {
    const started = performance.now();
    const result = contactInputSchema.safeParse({ name: 'Åsa', email: 'a'.repeat(1_000_000) });
    expect(result.error!.issues).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  // Walks every method's input schema as JSON Schema: any string without maxLength, format or pattern, and any
  // array without maxItems, is unbounded.
  test('every string and list in every method input is bounded', () => {
    const unbounded: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (node === null || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      if (
        schema.type === 'string' &&
        !('maxLength' in schema) &&
        !('pattern' in schema) &&
        !('enum' in schema)
      ) {
        if (!('const' in schema)) unbounded.push(path);
      }
      if (schema.type === 'array' && !('maxItems' in schema)) unbounded.push(path);
      for (const [key, child] of Object.entries(schema)) {
        if (Array.isArray(child)) child.forEach((c, i) => walk(c, `${path}.${key}[${i}]`));
        else walk(child, `${path}.${key}`);
      }
    };
    for (const [name, spec] of Object.entries(methods)) {
      walk(z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }), name);
    }
    expect(unbounded).toEqual([]);
  });
});
