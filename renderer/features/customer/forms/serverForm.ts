import { serverInputSchema, type ServerView } from '../../../../common/registry/model.ts';
import type { FormSpec } from '../../../components/form/formSpec.ts';
import { t } from '../../../i18n/i18n.ts';

export type ServerFormValues = {
  host: string;
  port: string;
  role: string;
  os: string;
  /** What its SSH login runs (issue 16): `posix` or `powershell`. */
  shell: string;
  /** Its RDP port (0030); empty: the port above, or 3389 when that is 22. */
  rdpPort: string;
  notes: string;
};

export const serverFormSpec: FormSpec<ServerFormValues> = {
  fields: ['host', 'port', 'role', 'os', 'shell', 'rdpPort', 'notes'],
  schema: serverInputSchema,
  toInput: (v) => ({
    host: v.host,
    // Empty means "the usual": the schema's default (22). Anything else must be a whole number; NaN says so.
    port: v.port.trim() === '' ? undefined : Number(v.port.trim()),
    role: v.role,
    os: v.os,
    shell: v.shell,
    rdpPort: v.rdpPort.trim() === '' ? null : Number(v.rdpPort.trim()),
    notes: v.notes,
  }),
  stored: {
    values: (current) => serverFormValues(current as ServerView),
    // A getter: the panel reads the labels when it shows, in the language chosen then.
    get labels() {
      return {
        host: t('customer:serverForm.host'),
        port: t('customer:serverForm.port'),
        role: t('customer:serverForm.role'),
        os: t('customer:serverForm.os'),
        rdpPort: t('customer:serverForm.rdpPort'),
        notes: t('customer:serverForm.notes'),
      };
    },
    show: { role: (value) => t(`vocabulary:serverRole.${String(value)}` as never) },
  },
};

export function serverFormValues(server?: ServerView): ServerFormValues {
  return {
    host: server?.host ?? '',
    port: server ? String(server.port) : '',
    role: server?.role ?? 'adfs',
    os: server?.os ?? '',
    shell: server?.shell ?? 'posix',
    rdpPort: server?.rdpPort === null || server === undefined ? '' : String(server.rdpPort),
    notes: server?.notes ?? '',
  };
}
