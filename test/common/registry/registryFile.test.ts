import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { describe, expect, test } from 'vitest';
import {
  REGISTRY_FILE_VERSION,
  registryFileEnvelopeSchema,
  registryFileSchema,
} from '../../../common/registry/registryFile.ts';

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

  test('a version 2 file imports with split tunnel not known; one with version 3 fields is refused, naming them', () => {
    const v2 = {
      format: 'lotsen-registry',
      version: 2,
      customers: [
        {
          name: 'Åre kommun',
          orgNumber: '2120002429',
          kind: 'municipality',
          environments: [
            { name: 'P', access: { vpnType: 'checkpoint', vpnGateway: 'vpn.are.se', method: 'ssh' } },
          ],
        },
      ],
    };
    expect(registryFileEnvelopeSchema.safeParse(v2).success).toBe(true);
    expect(registryFileSchema.parse(v2).customers[0]!.environments[0]!.access).toMatchObject({
      splitTunnel: 'unknown',
      accessTool: '',
      specialConfigurationNeeded: false,
    });
    const withV3 = structuredClone(v2) as typeof v2 & { customers: Record<string, unknown>[] };
    withV3.customers[0]!.kind = 'school';
    withV3.customers[0]!.contacts = [{ name: 'Rut', email: 'rut@are.se', isPrimary: true }];
    (withV3.customers[0]!.environments as { access: Record<string, unknown> }[])[0]!.access.splitTunnel =
      'yes';
    expect(registryFileEnvelopeSchema.safeParse(withV3).error?.issues[0]?.message).toBe(
      'This file says version 2 but uses what version 3 added (the customer kind school, primary contacts, split tunnel); set "version" to 3 if it was written for version 3',
    );
  });

  test('a customer has at most one primary contact', () => {
    const result = registryFileSchema.safeParse({
      format: 'lotsen-registry',
      version: 3,
      customers: [
        {
          name: 'Söderskolan',
          orgNumber: '2120002429',
          kind: 'school',
          contacts: [
            { name: 'Rut', email: 'rut@skolan.se', isPrimary: true },
            { name: 'Ivar', email: 'ivar@skolan.se', isPrimary: true },
          ],
        },
      ],
    });
    expect(result.error?.issues[0]?.message).toBe(
      'A customer has one primary support contact; Rut and Ivar are marked primary',
    );
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
