import { describe, expect, it } from 'vitest';
import type { EnvironmentView } from '../../../../common/registry/model.ts';
import { validate } from '../../../../renderer/components/form/fieldErrors.ts';
import {
  environmentFormSpec,
  environmentFormValues,
} from '../../../../renderer/features/customer/forms/environmentForm.ts';
import {
  toolTemplatesFromText,
  toolTemplatesToText,
} from '../../../../renderer/features/remoteAccess/toolTemplatesText.ts';
import {
  supportAccountCall,
  supportAccountFormSpec,
  supportAccountFormValues,
} from '../../../../renderer/features/customer/forms/supportAccountForm.ts';
import { connectActions } from '../../../../renderer/features/sessions/connectKinds.ts';

const teamViewer = { tool: 'TeamViewer', template: 'teamviewer -i {teamviewerId} --host {host}:{port}' };

describe('launch templates in the environment form', () => {
  it('are one line per tool, split at the first colon only', () => {
    expect(
      toolTemplatesFromText(
        '  TeamViewer: teamviewer -i {teamviewerId} --host {host}:{port}\n\n Putty :putty {username}@{host}\n',
      ),
    ).toEqual([teamViewer, { tool: 'Putty', template: 'putty {username}@{host}' }]);
    expect(toolTemplatesFromText(toolTemplatesToText([teamViewer]))).toEqual([teamViewer]);
    expect(toolTemplatesFromText('')).toEqual([]);
  });

  it('an environment opened and saved keeps its templates (the form sends them back)', () => {
    const stored = {
      ...environmentFormValues(),
      name: 'Produktion',
      'access.vpnType': 'none',
      'access.method': 'teamviewer',
      'access.teamViewerId': '123 456 789',
      'access.supportedTools': 'TeamViewer',
    };
    const view = {
      name: 'Produktion',
      notes: '',
      access: {
        ...(environmentFormSpec.toInput(stored) as { access: object }).access,
        toolTemplates: [teamViewer],
      },
    } as unknown as EnvironmentView;
    const reopened = environmentFormValues(view);
    expect(reopened['access.toolTemplates']).toBe(
      'TeamViewer: teamviewer -i {teamviewerId} --host {host}:{port}',
    );
    const input = environmentFormSpec.toInput(reopened) as { access: { toolTemplates: unknown } };
    expect(input.access.toolTemplates).toEqual([teamViewer]);
    expect(validate(environmentFormSpec.schema, input, environmentFormSpec.fields).byField).toEqual({});
  });

  it("a template's problems are said at the templates field: an unsupported tool, an unknown placeholder", () => {
    const values = {
      ...environmentFormValues(),
      name: 'Produktion',
      'access.vpnType': 'none',
      'access.supportedTools': 'TeamViewer',
    };
    const problems = (text: string) =>
      validate(
        environmentFormSpec.schema,
        environmentFormSpec.toInput({ ...values, 'access.toolTemplates': text }),
        environmentFormSpec.fields,
      ).byField;
    expect(Object.keys(problems('AnyDesk: anydesk {host}'))).toEqual(['access.toolTemplates']);
    expect(Object.keys(problems('TeamViewer: teamviewer {password}'))).toEqual(['access.toolTemplates']);
    expect(Object.keys(problems('TeamViewer'))).toEqual(['access.toolTemplates']);
  });
});

describe("a server row's actions", () => {
  const server = { os: 'Windows Server 2022' };
  const environment = (method: 'ssh' | 'teamviewer') =>
    ({ access: { method, toolTemplates: [teamViewer] } }) as unknown as EnvironmentView;

  it("offer each tool with a template, first when the environment's access method is TeamViewer", () => {
    expect(connectActions(environment('teamviewer'), server)).toEqual([
      { kind: 'tool', tool: 'TeamViewer' },
      { kind: 'ssh' },
      { kind: 'rdp' },
    ]);
    expect(connectActions(environment('ssh'), { os: 'Debian 12' })).toEqual([
      { kind: 'ssh' },
      { kind: 'tool', tool: 'TeamViewer' },
    ]);
  });
});

describe("a support account's one-time code seed in its form", () => {
  const values = { ...supportAccountFormValues(), username: 'lev-support' };
  const call = (extra: Partial<typeof values>) =>
    supportAccountCall(supportAccountFormSpec.toInput({ ...values, ...extra }));

  it('empty keeps it, text sets it, "clear" clears it and wins over a typed seed', () => {
    expect('totpSeed' in call({})).toBe(false);
    expect(call({ totpSeed: 'JBSWY3DPEHPK3PXP' }).totpSeed).toBe('JBSWY3DPEHPK3PXP');
    expect(call({ clearTotpSeed: true }).totpSeed).toBeNull();
    expect(call({ totpSeed: 'not a seed', clearTotpSeed: true }).totpSeed).toBeNull();
    // The schema, and the form's own check of the seed's text (which a ticked "clear" makes moot).
    const check = (extra: Partial<typeof values>) => ({
      ...validate(
        supportAccountFormSpec.schema,
        supportAccountFormSpec.toInput({ ...values, ...extra }),
        supportAccountFormSpec.fields,
      ).byField,
      ...Object.fromEntries(
        (supportAccountFormSpec.check?.({ ...values, ...extra }) ?? []).map((i) => [i.path, i.message]),
      ),
    });
    expect(check({ clearTotpSeed: true })).toEqual({});
    expect(Object.keys(check({ totpSeed: 'not a seed' }))).toEqual(['totpSeed']);
    expect(check({ totpSeed: 'not a seed', clearTotpSeed: true })).toEqual({});
  });
});
