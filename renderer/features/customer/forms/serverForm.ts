import { serverInputSchema, type ServerView } from '../../../../common/registry/model.ts';
import { serverRoleLabels, type ServerRole } from '../../../../common/registry/vocabulary.ts';
import type { FormSpec } from '../../../components/form/formSpec.ts';

export type ServerFormValues = {
  host: string;
  port: string;
  role: string;
  os: string;
  /** What its SSH login runs (issue 16): `posix` or `powershell`. */
  shell: string;
  notes: string;
};

export const serverFormSpec: FormSpec<ServerFormValues> = {
  fields: ['host', 'port', 'role', 'os', 'shell', 'notes'],
  schema: serverInputSchema,
  toInput: (v) => ({
    host: v.host,
    // Empty means "the usual": the schema's default (22). Anything else must be a whole number; NaN says so.
    port: v.port.trim() === '' ? undefined : Number(v.port.trim()),
    role: v.role,
    os: v.os,
    shell: v.shell,
    notes: v.notes,
  }),
  stored: {
    values: (current) => serverFormValues(current as ServerView),
    labels: { host: 'Host', port: 'Port', role: 'Role', os: 'Operating system', notes: 'Notes' },
    show: { role: (value) => serverRoleLabels[value as ServerRole] ?? String(value) },
  },
};

export function serverFormValues(server?: ServerView): ServerFormValues {
  return {
    host: server?.host ?? '',
    port: server ? String(server.port) : '',
    role: server?.role ?? 'adfs',
    os: server?.os ?? '',
    shell: server?.shell ?? 'posix',
    notes: server?.notes ?? '',
  };
}
