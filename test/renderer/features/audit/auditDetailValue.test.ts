import { expect, test } from 'vitest';
import { detailValue } from '../../../../renderer/features/audit/auditDetails.ts';
import { formatSek } from '../../../../renderer/i18n/format.ts';

// Issue 15: the audit log showed `amountOre: 156250` and a registry change's details as [object Object].
test('amounts in öre read as money, a change as each field before → after, anything else as it is', () => {
  expect(detailValue('amountOre', 156_250)).toBe(formatSek(156_250));
  expect(detailValue('amountOre', 156_250)).not.toContain('156250');
  expect(detailValue('acuteEscalationOreBefore', 250_000)).toBe(formatSek(250_000));
  expect(detailValue('changes', { port: [22, 2222], host: ['a.se', 'b.se'] })).toBe(
    'port 22 → 2222, host a.se → b.se',
  );
  expect(detailValue('fields', ['host', 'port'])).toBe('host, port');
  expect(detailValue('entries', 4)).toBe('4');
});

test('a session kind reads in words in the chosen language; another kind stays as recorded', async () => {
  const { chooseLanguage } = await import('../../../../renderer/i18n/i18n.ts');
  await chooseLanguage('sv');
  try {
    expect(detailValue('kind', 'local')).toBe('lokal terminal');
    expect(detailValue('kind', 'municipality')).toBe('municipality');
  } finally {
    await chooseLanguage('en');
  }
  expect(detailValue('kind', 'ssh')).toBe('SSH');
});

test('a billing batch’s number and a purge’s destroyed keys are named in words', async () => {
  const { auditDetailsInWords } = await import('../../../../renderer/features/audit/auditDetails.ts');
  const { chooseLanguage } = await import('../../../../renderer/i18n/i18n.ts');
  await chooseLanguage('sv');
  try {
    expect(auditDetailsInWords({ number: 3, keysDestroyed: 2 })).toBe('nummer: 3 · förstörda nycklar: 2');
  } finally {
    await chooseLanguage('en');
  }
});

test('the record a registry change names reads in words; one not known stays as recorded', async () => {
  const { chooseLanguage } = await import('../../../../renderer/i18n/i18n.ts');
  await chooseLanguage('sv');
  try {
    expect(detailValue('record', 'support_account')).toBe('supportkonto');
    expect(detailValue('record', 'dpa')).toBe('PUB-avtal');
    expect(detailValue('record', 'invoice')).toBe('invoice');
  } finally {
    await chooseLanguage('en');
  }
  expect(detailValue('record', 'customer')).toBe('customer');
});
