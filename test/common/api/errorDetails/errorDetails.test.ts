import { describe, expect, it } from 'vitest';
import {
  detailTemplate,
  englishDetail,
  errorDetailTemplates,
} from '../../../../common/api/errorDetails/index.ts';
import { sv } from '../../../../renderer/i18n/catalogues/sv/index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('error detail templates', () => {
  it('every Swedish detail names exactly the values its English template does', () => {
    for (const [area, templates] of Object.entries(errorDetailTemplates)) {
      const swedish = (sv.errorDetails as Record<string, Record<string, string>>)[area];
      for (const [key, english] of Object.entries(templates as Record<string, string>)) {
        expect(placeholders(swedish?.[key] ?? ''), `${area}.${key}`).toEqual(placeholders(english));
      }
    }
  });

  it('a key with plural forms has both, and picks one by count', () => {
    for (const templates of Object.values(errorDetailTemplates)) {
      const keys = Object.keys(templates);
      for (const key of keys.filter((k) => k.endsWith('_one')))
        expect(keys).toContain(key.replace(/_one$/, '_other'));
    }
    expect(detailTemplate('records.noSuchKey', {})).toBeUndefined();
  });

  it('the English puts each value in as it is, a list joined with commas, and refuses a missing value', () => {
    expect(englishDetail('storage.storeAlreadyThere', { folder: '/data' })).toBe(
      '/data already holds a Lotsen store.',
    );
    expect(() => englishDetail('storage.storeAlreadyThere', {})).toThrow(/needs the value folder/);
  });
});
