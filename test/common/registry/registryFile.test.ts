import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { describe, expect, test } from 'vitest';
import { REGISTRY_FILE_VERSION, registryFileSchema } from '../../../common/registry/registryFile.ts';

const schemaPath = new URL(
  `../../../resources/schemas/registry-file.v${REGISTRY_FILE_VERSION}.schema.json`,
  import.meta.url,
);

function generatedJsonSchema(): string {
  const schema = z.toJSONSchema(registryFileSchema, { io: 'input', unrepresentable: 'any' });
  const documented = {
    ...schema,
    $id: `lotsen-registry-file.v${REGISTRY_FILE_VERSION}`,
    title: `Lotsen registry file, version ${REGISTRY_FILE_VERSION}`,
    description:
      'What `lotsen registry export` writes and `lotsen registry import` reads. See docs/registry-file.md. ' +
      'Organisation numbers are also checked for their Luhn digit, which JSON Schema cannot express.',
  };
  return JSON.stringify(documented, null, 2) + '\n';
}

describe('the registry file format', () => {
  // The published JSON Schema is generated from the zod definitions; this fails when they drift apart.
  // Regenerate with: UPDATE_SCHEMAS=1 npx vitest run test/common/registry/registryFile.test.ts
  test('the committed JSON Schema matches the definitions', async () => {
    const generated = generatedJsonSchema();
    if (process.env.UPDATE_SCHEMAS === '1') await writeFile(schemaPath, generated);
    expect(await readFile(schemaPath, 'utf8')).toBe(generated);
  });

  test('a minimal file is accepted and gets its defaults', () => {
    const parsed = registryFileSchema.parse({
      format: 'lotsen-registry',
      version: 1,
      customers: [{ name: 'Åre kommun', orgNumber: '2120002429', kind: 'municipality' }],
    });
    expect(parsed.customers[0]).toEqual({
      name: 'Åre kommun',
      orgNumber: '212000-2429',
      kind: 'municipality',
      notes: '',
      responsibleName: '',
      responsiblePhone: '',
      responsibleEmail: '',
      contacts: [],
      environments: [],
      agreements: [],
      dpas: [],
      tickets: [],
    });
  });

  test('a file from a newer Lotsen is refused with a reason', () => {
    const result = registryFileSchema.safeParse({
      format: 'lotsen-registry',
      version: REGISTRY_FILE_VERSION + 1,
      customers: [],
    });
    expect(result.error?.issues[0]?.message).toContain('newer Lotsen');
  });
});
