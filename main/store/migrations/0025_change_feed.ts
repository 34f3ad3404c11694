import { sql, type Kysely, type Migration } from 'kysely';
import { CHANGE_CHANNEL, WATCHED_TABLES } from '../changeFeed/changeChannel.ts';
import { storeDialect } from '../dialect.ts';

/**
 * A team database tells its members' Lotsens what changed (issue 14, docs/live-updates.md): after every written row of
 * a watched table, `pg_notify` on `lotsen_changes` with the table, the operation and ids (the row's, its customer's,
 * its ticket's, its month), never a column of text. A notification is sent only when the transaction commits, so a
 * refused or rolled-back write tells nobody anything.
 *
 * The customer of a server, account, notice or certificate is its environment's, and of an entry, escalation or
 * session its ticket's: the function looks them up. Team create and upgrade make every trigger function of the schema
 * run as the owner with a fixed search_path (fixTriggerFunctions in main/team/teamSetup.node.ts), so the lookup sees
 * the row whoever writes, and no member's missing read right can make their own write fail here.
 *
 * PostgreSQL only: the embedded store has one writer process at a time and no LISTEN; it is recorded as applied there
 * and does nothing (main/store/changeFeed/embeddedChangeWatch.node.ts follows that store's file instead).
 */
export const migration0025ChangeFeed: Migration = {
  async up(db: Kysely<unknown>) {
    if (storeDialect(db) !== 'postgres') return;
    await sql
      .raw(
        `CREATE FUNCTION change_feed_notify() RETURNS trigger LANGUAGE plpgsql AS $feed$
DECLARE
  r jsonb;
  customer text;
  ticket text;
BEGIN
  IF TG_OP = 'DELETE' THEN r := to_jsonb(OLD); ELSE r := to_jsonb(NEW); END IF;
  ticket := r->>'ticket_id';
  customer := CASE WHEN TG_TABLE_NAME = 'customers' THEN r->>'id' ELSE r->>'customer_id' END;
  IF customer IS NULL AND r ? 'environment_id' THEN
    SELECT e.customer_id INTO customer FROM environments e WHERE e.id = r->>'environment_id';
  END IF;
  IF customer IS NULL AND ticket IS NOT NULL THEN
    SELECT t.customer_id INTO customer FROM tickets t WHERE t.id = ticket;
  END IF;
  PERFORM pg_notify('${CHANGE_CHANNEL}', json_strip_nulls(json_build_object(
    'table', TG_TABLE_NAME,
    'op', lower(TG_OP),
    'id', coalesce(r->>'id', ticket),
    'customerId', customer,
    'ticketId', ticket,
    'month', r->>'month'
  ))::text);
  RETURN NULL;
END
$feed$`,
      )
      .execute(db);
    for (const table of WATCHED_TABLES) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_change_feed AFTER INSERT OR UPDATE OR DELETE ON ${table}
             FOR EACH ROW EXECUTE FUNCTION change_feed_notify()`,
        )
        .execute(db);
    }
  },
};
