import { addMemberInputSchema } from '../../../common/team/members.ts';
import type { FormSpec } from '../../components/form/formSpec.ts';

export type AddMemberValues = {
  name: string;
  email: string;
  role: string;
  isAdmin: boolean;
};

export const emptyAddMemberValues: AddMemberValues = {
  name: '',
  email: '',
  role: 'technician',
  isAdmin: false,
};

/** The add-member form, checked by the same schema main checks `team.addMember` with. */
export const addMemberFormSpec: FormSpec<AddMemberValues> = {
  fields: ['name', 'email', 'role', 'isAdmin'],
  schema: addMemberInputSchema,
  toInput: (v) => ({ name: v.name, email: v.email.trim(), role: v.role, isAdmin: v.isAdmin }),
};

/**
 * What the new member types on their own machine to join: the team's URL as the admin's Lotsen reaches it (quoted, for
 * its `?`), and `--insecure` only where this team is reached without TLS. The code is left as CODE: the command may
 * travel by e-mail, the code by a channel of its own.
 */
export function enrolCommand(invitation: { teamUrl: string; insecure: boolean }): string {
  const insecure = invitation.insecure ? ' --insecure' : '';
  return `lotsen init --team "${invitation.teamUrl}" --enrol CODE${insecure}`;
}
