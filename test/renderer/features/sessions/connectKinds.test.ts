import { describe, expect, test } from 'vitest';
import { connectKinds } from '../../../../renderer/features/sessions/connectKinds.ts';

const environment = (method: 'ssh' | 'rdp' | 'teamviewer') => ({ access: { method } }) as never;

describe('the ways a server row offers to connect', () => {
  test('a Linux server of an SSH environment: SSH alone', () => {
    expect(connectKinds(environment('ssh'), { os: 'Debian 12' })).toEqual(['ssh']);
    expect(connectKinds(environment('ssh'), { os: '' })).toEqual(['ssh']);
  });

  test('a Windows server: RDP beside SSH, SSH first unless the environment is reached by RDP', () => {
    expect(connectKinds(environment('ssh'), { os: 'Windows Server 2022' })).toEqual(['ssh', 'rdp']);
    expect(connectKinds(environment('teamviewer'), { os: 'windows server 2019' })).toEqual(['ssh', 'rdp']);
    expect(connectKinds(environment('rdp'), { os: 'Windows Server 2022' })).toEqual(['rdp', 'ssh']);
  });

  test('any server of an environment whose access method is RDP: RDP first', () => {
    expect(connectKinds(environment('rdp'), { os: '' })).toEqual(['rdp', 'ssh']);
  });
});
