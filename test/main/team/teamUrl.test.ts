import { describe, expect, it } from 'vitest';
import { teamDataSourceFor, teamUrlFor } from '../../../main/team/teamConnection.node.ts';

describe('the URL a new member is given', () => {
  it('is the admin’s team address without login, password or this machine’s CA path, and reads back the same', () => {
    const url =
      'postgresql://db.leverantor.se:6432/lotsen_team?sslmode=verify-full&sslrootcert=/etc/lotsen/ca.pem';
    const source = teamDataSourceFor(url, 'lotsen_team_m_0a1b2c3d');
    const given = teamUrlFor(source);
    expect(given).toBe('postgresql://db.leverantor.se:6432/lotsen_team?sslmode=verify-full');
    expect(given).not.toContain('lotsen_team_m_');
    const { login, tls, ...where } = teamDataSourceFor(given, 'lotsen_team_m_99999999');
    expect(login).toBe('lotsen_team_m_99999999');
    expect(tls).toEqual({ mode: 'verify-full' });
    expect(where).toEqual({ kind: 'team', host: 'db.leverantor.se', port: 6432, database: 'lotsen_team' });
  });

  it('keeps a loopback team without TLS as it is, and an IPv6 host in brackets', () => {
    expect(teamUrlFor(teamDataSourceFor('postgresql://127.0.0.1/lotsen_team', 'x'))).toBe(
      'postgresql://127.0.0.1:5432/lotsen_team',
    );
    // Node's URL keeps the brackets on the host; a host stored without them gets them back.
    const v6 = teamDataSourceFor('postgresql://[::1]:5433/lotsen_team', 'x');
    expect(teamUrlFor(v6)).toBe('postgresql://[::1]:5433/lotsen_team');
    expect(teamUrlFor({ ...v6, host: '::1' })).toBe('postgresql://[::1]:5433/lotsen_team');
  });
});
