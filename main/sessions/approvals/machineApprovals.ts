import { createHash } from 'node:crypto';
import type { Db } from '../../store/database.node.ts';

/*
 * The one trust rule behind pre-connect commands and external tools' launch templates: a text runs only after a person
 * approved that exact text, for that subject (an environment's command, or one tool of an environment), on this
 * machine. Approvals are keyed by the SHA-256 of the text, so any change (an edit, an import) is a text nobody
 * approved; an approval replaces this machine's earlier one for the subject, so a text changed back later needs
 * approving again. The callers own their wording, their audit event and their check that the text is still the one
 * stored; this module owns the rows.
 */

/** Lower-case hex SHA-256 of the text's UTF-8 bytes: what an approval and the audit log name. */
export function textSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What is approved: an environment's pre-connect commands, or one external tool of an environment. */
export type ApprovalSubject =
  | { table: 'pre_connect_approvals'; environmentId: string }
  | { table: 'tool_approvals'; environmentId: string; tool: string };

/** Each table's column holding the approved text's SHA-256 (the tables predate this module). */
const shaColumn = { pre_connect_approvals: 'command_sha256', tool_approvals: 'template_sha256' } as const;

/** The columns naming the subject besides the machine, with their values. */
function subjectColumns(subject: ApprovalSubject): [string, string][] {
  return subject.table === 'tool_approvals'
    ? [
        ['environment_id', subject.environmentId],
        ['tool', subject.tool],
      ]
    : [['environment_id', subject.environmentId]];
}

/** Whether this exact text (by its SHA-256) is approved for the subject on the machine. */
export async function isApprovedHere(
  db: Db,
  subject: ApprovalSubject,
  sha256: string,
  machineId: string,
): Promise<boolean> {
  let query = db
    .selectFrom(subject.table)
    .select('machine_id')
    .where('machine_id', '=', machineId)
    .where(db.dynamic.ref(shaColumn[subject.table]), '=', sha256);
  for (const [column, value] of subjectColumns(subject))
    query = query.where(db.dynamic.ref(column), '=', value);
  return (await query.executeTakeFirst()) !== undefined;
}

/**
 * Records the approval of a text for the subject on the machine, replacing this machine's earlier one for it. Run
 * inside the caller's audited transaction, after its own check that the text is still the one stored.
 */
export async function recordApproval(
  trx: Db,
  subject: ApprovalSubject,
  sha256: string,
  by: { machineId: string; at: number; actorId: string },
): Promise<void> {
  let earlier = trx.deleteFrom(subject.table).where('machine_id', '=', by.machineId);
  for (const [column, value] of subjectColumns(subject))
    earlier = earlier.where(trx.dynamic.ref(column), '=', value);
  await earlier.execute();
  const row = {
    ...Object.fromEntries(subjectColumns(subject)),
    [shaColumn[subject.table]]: sha256,
    machine_id: by.machineId,
    approved_at: by.at,
    approved_by: by.actorId,
  };
  // The row's columns are the subject's own (above), which the union of the two tables' types cannot express.
  await trx
    .insertInto(subject.table)
    .values(row as never)
    .execute();
}
