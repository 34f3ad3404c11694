import { describe, expect, it } from 'vitest';
import { LotsenError } from '../../../../common/api/errors.ts';
import { customerInputSchema } from '../../../../common/registry/model.ts';
import {
  errorsFromFailure,
  fieldForIssuePath,
  firstInvalidField,
  validate,
} from '../../../../renderer/components/form/fieldErrors.ts';

const serverFields = ['host', 'port', 'role', 'os', 'notes'];
const environmentFields = ['name', 'access.vpnType', 'access.vpnGateway', 'access.supportedTools', 'notes'];

describe('mapping issue paths onto form fields', () => {
  it('finds the field behind the call’s wrapper and behind list indexes', () => {
    expect(fieldForIssuePath('host', serverFields)).toBe('host');
    expect(fieldForIssuePath('server.port', serverFields)).toBe('port');
    expect(fieldForIssuePath('environment.access.vpnGateway', environmentFields)).toBe('access.vpnGateway');
    expect(fieldForIssuePath('environment.access.supportedTools.3', environmentFields)).toBe(
      'access.supportedTools',
    );
    // `environment.notes` is the environment's notes, not the access notes.
    expect(fieldForIssuePath('environment.notes', environmentFields)).toBe('notes');
    expect(fieldForIssuePath('environmentId', serverFields)).toBeNull();
  });

  it('puts a server CONFLICT on its field and other failures above the buttons', () => {
    const conflict = new LotsenError(
      'CONFLICT',
      'Växjö kommun already has organisation number 212000-0704.',
      {
        issues: [{ path: 'orgNumber', message: 'Already used by Växjö kommun' }],
      },
    );
    expect(errorsFromFailure(conflict, ['name', 'orgNumber'])).toEqual({
      byField: { orgNumber: 'Already used by Växjö kommun' },
      general: [],
    });
    // Said by its code in the chosen language, not by the message main (or the transport) wrote.
    const lost = new LotsenError('DISCONNECTED', 'Socket closed (1006)');
    expect(errorsFromFailure(lost, ['name'])).toEqual({
      byField: {},
      general: ['The connection to Lotsen dropped before the answer came.'],
    });
    const stray = new LotsenError('VALIDATION', 'One field is not valid.', {
      issues: [{ path: 'customerId', message: 'Not a valid id' }],
    });
    expect(errorsFromFailure(stray, ['name']).general).toEqual(['customerId: Not a valid id']);
  });

  it('checks with the model’s own schema and focuses the first invalid field in form order', () => {
    const fields = ['name', 'orgNumber', 'kind', 'notes'];
    const errors = validate(
      customerInputSchema,
      { name: '  ', orgNumber: '212000-0000', kind: 'kommun', notes: '' },
      fields,
    );
    expect(Object.keys(errors.byField).sort()).toEqual(['kind', 'name', 'orgNumber']);
    expect(errors.byField.orgNumber).toMatch(/not a valid Swedish organisation number/);
    expect(firstInvalidField(errors, fields)).toBe('name');
    expect(
      validate(
        customerInputSchema,
        { name: 'Växjö kommun', orgNumber: '2120000704', kind: 'municipality', notes: '' },
        fields,
      ),
    ).toEqual({ byField: {}, general: [] });
  });
});
