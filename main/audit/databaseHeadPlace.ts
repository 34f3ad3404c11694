import type { AnchorPlace } from '../vault/auditAnchorPlaces.node.ts';
import { readAuditHead } from '../store/auditAppend.ts';
import type { Db } from '../store/database.node.ts';

/**
 * A team database's anchor: its head row, which only the append advances (auditAppend.ts), in the same database as
 * the events, so every process's appends move it and `verify` holds the whole team's log to it (a cut-off tail
 * leaves it ahead of the last event). Files beside one machine's Lotsen could not: they see only its own appends.
 */
export function databaseHeadPlace(db: Db): AnchorPlace {
  return {
    description: "the team database's audit head",
    rewrittenWhenLost: false,
    async read() {
      return { state: 'present', head: await readAuditHead(db) };
    },
    // Advanced inside each append's own transaction; nothing to write after it.
    async write() {},
    async remove() {},
  };
}
