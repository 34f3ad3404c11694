import pg from 'pg';
import { AUDIT_APPEND_FUNCTION } from '../store/auditAppend.ts';
import type { TeamRoleNames } from './teamRoleNames.ts';

/*
 * The team's own table and the SECURITY DEFINER functions through which, and only through which, members are managed.
 * They run as the NOLOGIN owner (the one role with CREATEROLE, which no login can become), with a fixed search_path
 * so no caller's objects shadow anything, and every name they build into a statement goes through format's %I or %L.
 * Errors they raise start with a LOTSEN_ word the app turns into a clear message (teamErrors.ts).
 *
 * The caller is `session_user`, the login that connected: inside these functions `current_user` is the owner.
 */

const ident = (name: string) => pg.escapeIdentifier(name);
const literal = (text: string) => pg.escapeLiteral(text);

const DEFINER = 'SECURITY DEFINER SET search_path = pg_catalog, pg_temp';
const VERIFIER = String.raw`'^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$'`;

/** Every function below, for grants and for tests that check none is callable by PUBLIC. */
export const teamFunctions = {
  memberId: 'lotsen.team_member_id()',
  isAdmin: 'lotsen.team_is_admin()',
  nowMs: 'lotsen.team_now_ms()',
  workGroup: 'lotsen.team_work_group(text)',
  requireAdmin: 'lotsen.team_require_admin()',
  createMember: 'lotsen.team_create_member(text, text, text, boolean, text, text, text)',
  addMember: 'lotsen.team_add_member(text, text, text, boolean, text, text)',
  enrol: 'lotsen.team_enrol(text)',
  changeRole: 'lotsen.team_change_role(text, text, boolean)',
  removeMember: 'lotsen.team_remove_member(text)',
  departingSecrets: 'lotsen.team_departing_secrets(text)',
  reissueLogin: 'lotsen.team_reissue_login(text, text, text, text)',
  vaultForget: 'lotsen.team_vault_forget(text, text[], text)',
  reissueCode: 'lotsen.team_reissue_code(text, text, text)',
  refuseChange: 'lotsen.team_refuse_change()',
  publishKey: 'lotsen.team_publish_key(text)',
} as const;

/**
 * main/store/teamTables.ts makes `team_members` (user, login, admin right, removal); what enrolment needs is added
 * here, idempotently, so either may run first.
 */
export function teamMembersTableStatements(): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS lotsen.team_members (
      user_id text PRIMARY KEY REFERENCES lotsen.users (id),
      login text NOT NULL UNIQUE,
      is_admin bigint NOT NULL DEFAULT 0,
      removed_at bigint
    )`,
    ...[
      'invited_at bigint NOT NULL DEFAULT 0',
      'invited_by text',
      'enrol_expires_at bigint NOT NULL DEFAULT 0',
      'enrolled_at bigint',
      'removed_by text',
      'version integer NOT NULL DEFAULT 1',
    ].map((column) => `ALTER TABLE lotsen.team_members ADD COLUMN IF NOT EXISTS ${column}`),
  ];
}

export function teamFunctionStatements(names: TeamRoleNames): string[] {
  const workCases = Object.entries(names.work)
    .map(([role, group]) => `WHEN ${literal(role)} THEN ${literal(group)}`)
    .join(' ');
  const admin = literal(names.admin);
  const member = literal(names.member);
  const loginPrefix = literal(`${names.database}_m_`);
  return [
    `CREATE OR REPLACE FUNCTION lotsen.team_now_ms() RETURNS bigint LANGUAGE sql VOLATILE ${DEFINER} AS
      $f$ SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint $f$`,

    // The caller's user id, for row-level policies: null for a login that is not an enrolled, current member.
    `CREATE OR REPLACE FUNCTION lotsen.team_member_id() RETURNS text LANGUAGE sql STABLE ${DEFINER} AS $f$
      SELECT user_id FROM lotsen.team_members
      WHERE login = session_user AND enrolled_at IS NOT NULL AND removed_at IS NULL $f$`,

    // Both the row and the group: a grant made by hand outside these functions does not make an admin.
    `CREATE OR REPLACE FUNCTION lotsen.team_is_admin() RETURNS boolean LANGUAGE sql STABLE ${DEFINER} AS $f$
      SELECT EXISTS (SELECT 1 FROM lotsen.team_members WHERE login = session_user AND is_admin = 1
                       AND enrolled_at IS NOT NULL AND removed_at IS NULL)
         AND pg_has_role(session_user, ${admin}, 'MEMBER') $f$`,

    `CREATE OR REPLACE FUNCTION lotsen.team_work_group(p_role text) RETURNS text LANGUAGE sql IMMUTABLE ${DEFINER} AS
      $f$ SELECT CASE p_role ${workCases} END $f$`,

    `CREATE OR REPLACE FUNCTION lotsen.team_require_admin() RETURNS void LANGUAGE plpgsql ${DEFINER} AS $f$
      BEGIN
        IF NOT lotsen.team_is_admin() THEN
          RAISE EXCEPTION 'LOTSEN_FORBIDDEN: only a member with the admin right manages members'
            USING ERRCODE = '42501';
        END IF;
      END $f$`,

    // The one place a member is made: the users row, the team row, and a login whose password is the enrolment
    // code (its verifier only) until PostgreSQL's own clock passes VALID UNTIL. Owner-only: team create calls it
    // for the first member, team_add_member for the rest.
    `CREATE OR REPLACE FUNCTION lotsen.team_create_member(p_name text, p_email text, p_role text, p_is_admin boolean,
        p_login_suffix text, p_code_verifier text, p_invited_by text)
      RETURNS TABLE (member_user_id text, member_login text, code_expires_at bigint)
      LANGUAGE plpgsql ${DEFINER} AS $f$
      DECLARE
        v_id text := gen_random_uuid()::text;
        v_login text := ${loginPrefix} || p_login_suffix;
        v_now bigint := lotsen.team_now_ms();
        v_expires timestamptz := clock_timestamp() + interval '24 hours';
      BEGIN
        IF lotsen.team_work_group(p_role) IS NULL THEN
          RAISE EXCEPTION 'LOTSEN_INVALID: the role must be technician, support_lead or finance' USING ERRCODE = '22023';
        END IF;
        IF p_login_suffix IS NULL OR p_login_suffix !~ '^[0-9a-f]{8}$' THEN
          RAISE EXCEPTION 'LOTSEN_INVALID: a login suffix is 8 hex digits' USING ERRCODE = '22023';
        END IF;
        IF p_code_verifier IS NULL OR p_code_verifier !~ ${VERIFIER} THEN
          RAISE EXCEPTION 'LOTSEN_INVALID: give the code''s SCRAM-SHA-256 verifier, never the code' USING ERRCODE = '22023';
        END IF;
        IF p_name IS NULL OR btrim(p_name) = '' OR p_email IS NULL OR p_email !~ '^[^@[:space:]]+@[^@[:space:]]+$' THEN
          RAISE EXCEPTION 'LOTSEN_INVALID: a member needs a name and an e-mail address' USING ERRCODE = '22023';
        END IF;
        IF EXISTS (SELECT 1 FROM lotsen.team_members m JOIN lotsen.users u ON u.id = m.user_id
                   WHERE lower(u.email) = lower(p_email) AND m.removed_at IS NULL) THEN
          RAISE EXCEPTION 'LOTSEN_CONFLICT: a member with that e-mail address exists (an invitation whose code expired goes with team remove-member, then invite again)' USING ERRCODE = '23505';
        END IF;
        INSERT INTO lotsen.users (id, name, email, role, is_local, created_at)
          VALUES (v_id, btrim(p_name), p_email, p_role, 0, v_now);
        INSERT INTO lotsen.team_members (user_id, login, is_admin, invited_at, invited_by, enrol_expires_at)
          VALUES (v_id, v_login, CASE WHEN p_is_admin THEN 1 ELSE 0 END, v_now, p_invited_by,
                  (extract(epoch FROM v_expires) * 1000)::bigint);
        EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT '
                       'PASSWORD %L VALID UNTIL %L IN ROLE %I',
                       v_login, p_code_verifier, v_expires, ${member});
        RETURN QUERY SELECT v_id, v_login, (extract(epoch FROM v_expires) * 1000)::bigint;
      END $f$`,

    `CREATE OR REPLACE FUNCTION lotsen.team_add_member(p_name text, p_email text, p_role text, p_is_admin boolean,
        p_login_suffix text, p_code_verifier text)
      RETURNS TABLE (member_user_id text, member_login text, code_expires_at bigint)
      LANGUAGE plpgsql ${DEFINER} AS $f$
      BEGIN
        PERFORM lotsen.team_require_admin();
        RETURN QUERY SELECT * FROM lotsen.team_create_member(p_name, p_email, p_role, p_is_admin, p_login_suffix,
                                                           p_code_verifier, lotsen.team_member_id());
      END $f$`,

    // Called by the new member, logged in with the code: sets the password they chose (its verifier only), lifts
    // the expiry and gives the login its work role (and the admin right). Once only: after it the code no longer
    // logs in, and a second call is refused.
    `CREATE OR REPLACE FUNCTION lotsen.team_enrol(p_password_verifier text)
      RETURNS TABLE (member_user_id text, member_name text, member_email text, member_role text, member_is_admin boolean)
      LANGUAGE plpgsql ${DEFINER} AS $f$
      DECLARE
        r record;
      BEGIN
        IF p_password_verifier IS NULL OR p_password_verifier !~ ${VERIFIER} THEN
          RAISE EXCEPTION 'LOTSEN_INVALID: give the password''s SCRAM-SHA-256 verifier, never the password'
            USING ERRCODE = '22023';
        END IF;
        SELECT m.user_id, m.login, m.is_admin, m.enrol_expires_at, m.enrolled_at, m.removed_at, u.name, u.email, u.role
          INTO r
          FROM lotsen.team_members m JOIN lotsen.users u ON u.id = m.user_id
          WHERE m.login = session_user
          FOR UPDATE OF m;
        IF NOT FOUND OR r.removed_at IS NOT NULL THEN
          RAISE EXCEPTION 'LOTSEN_FORBIDDEN: this login is no member waiting to enrol' USING ERRCODE = '42501';
        END IF;
        IF r.enrolled_at IS NOT NULL THEN
          RAISE EXCEPTION 'LOTSEN_ENROL_USED: this enrolment code was used already' USING ERRCODE = '42501';
        END IF;
        IF lotsen.team_now_ms() >= r.enrol_expires_at THEN
          RAISE EXCEPTION 'LOTSEN_ENROL_EXPIRED: this enrolment code has expired' USING ERRCODE = '42501';
        END IF;
        EXECUTE format('ALTER ROLE %I PASSWORD %L VALID UNTIL %L', r.login, p_password_verifier, 'infinity');
        EXECUTE format('GRANT %I TO %I', lotsen.team_work_group(r.role), r.login);
        IF r.is_admin = 1 THEN
          EXECUTE format('GRANT %I TO %I', ${admin}, r.login);
        END IF;
        UPDATE lotsen.team_members SET enrolled_at = lotsen.team_now_ms(), version = version + 1
          WHERE user_id = r.user_id;
        RETURN QUERY SELECT r.user_id, r.name, r.email, r.role, r.is_admin = 1;
      END $f$`,

    `CREATE OR REPLACE FUNCTION lotsen.team_change_role(p_user_id text, p_role text, p_is_admin boolean)
      RETURNS void LANGUAGE plpgsql ${DEFINER} AS $f$
      DECLARE
        r record;
      BEGIN
        PERFORM lotsen.team_require_admin();
        IF lotsen.team_work_group(p_role) IS NULL THEN
          RAISE EXCEPTION 'LOTSEN_INVALID: the role must be technician, support_lead or finance' USING ERRCODE = '22023';
        END IF;
        SELECT m.login, m.is_admin, m.enrolled_at, u.role INTO r
          FROM lotsen.team_members m JOIN lotsen.users u ON u.id = m.user_id
          WHERE m.user_id = p_user_id AND m.removed_at IS NULL
          FOR UPDATE OF m;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'LOTSEN_NOT_FOUND: no current member has that id' USING ERRCODE = 'P0002';
        END IF;
        IF r.is_admin = 1 AND NOT p_is_admin AND NOT EXISTS (
             SELECT 1 FROM lotsen.team_members WHERE is_admin = 1 AND removed_at IS NULL AND enrolled_at IS NOT NULL
               AND user_id <> p_user_id) THEN
          RAISE EXCEPTION 'LOTSEN_CONFLICT: the team''s last admin keeps the admin right' USING ERRCODE = '23514';
        END IF;
        IF r.enrolled_at IS NOT NULL THEN
          IF r.role <> p_role THEN
            EXECUTE format('REVOKE %I FROM %I', lotsen.team_work_group(r.role), r.login);
            EXECUTE format('GRANT %I TO %I', lotsen.team_work_group(p_role), r.login);
          END IF;
          IF p_is_admin AND r.is_admin = 0 THEN
            EXECUTE format('GRANT %I TO %I', ${admin}, r.login);
          ELSIF NOT p_is_admin AND r.is_admin = 1 THEN
            EXECUTE format('REVOKE %I FROM %I', ${admin}, r.login);
          END IF;
        END IF;
        UPDATE lotsen.users SET role = p_role WHERE id = p_user_id;
        IF p_role = 'finance' AND r.role <> 'finance' THEN
          PERFORM lotsen.team_vault_forget(p_user_id, ARRAY['secrets'], 'role_changed');
        END IF;
        UPDATE lotsen.team_members SET is_admin = CASE WHEN p_is_admin THEN 1 ELSE 0 END, version = version + 1
          WHERE user_id = p_user_id;
      END $f$`,

    // A member who leaves a tree (removed, changed to finance, or their key pair lost) loses their wraps of it at once,
    // and the tree is marked due for rotation: the key they held may be saved somewhere. Whoever holds the tree
    // rotates it next (main/vault/treeRotation.ts); until then nothing new is wrapped for them. Owner-only.
    `CREATE OR REPLACE FUNCTION lotsen.team_vault_forget(p_user_id text, p_trees text[], p_reason text)
      RETURNS void LANGUAGE plpgsql ${DEFINER} AS $f$
      BEGIN
        UPDATE lotsen.vault_trees t
           SET rotation_reason = coalesce(t.rotation_reason, p_reason), updated_at = lotsen.team_now_ms()
         WHERE t.tree = ANY (p_trees)
           AND EXISTS (SELECT 1 FROM lotsen.vault_wraps w
                        WHERE w.tree = t.tree AND w.recipient IN ('member:' || p_user_id, 'invite:' || p_user_id));
        DELETE FROM lotsen.vault_wraps
         WHERE tree = ANY (p_trees) AND recipient IN ('member:' || p_user_id, 'invite:' || p_user_id);
      END $f$`,

    // Stops new connections first, ends the open ones (the owner may signal a login's backends only as a member
    // of it, so it becomes one for this moment), then drops the login. The users row stays: time and audit name it.
    `CREATE OR REPLACE FUNCTION lotsen.team_remove_member(p_user_id text)
      RETURNS integer LANGUAGE plpgsql ${DEFINER} AS $f$
      DECLARE
        v_login text;
        v_ended integer;
      BEGIN
        PERFORM lotsen.team_require_admin();
        SELECT login INTO v_login FROM lotsen.team_members
          WHERE user_id = p_user_id AND removed_at IS NULL FOR UPDATE;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'LOTSEN_NOT_FOUND: no current member has that id' USING ERRCODE = 'P0002';
        END IF;
        IF v_login = session_user THEN
          RAISE EXCEPTION 'LOTSEN_CONFLICT: an admin cannot remove themselves; ask another admin' USING ERRCODE = '23514';
        END IF;
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_login) THEN
          EXECUTE format('ALTER ROLE %I NOLOGIN', v_login);
          EXECUTE format('GRANT %I TO %I', v_login, current_user);
          SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) INTO v_ended
            FROM pg_stat_activity WHERE usename = v_login;
          EXECUTE format('DROP ROLE %I', v_login);
        END IF;
        UPDATE lotsen.team_members
          SET removed_at = lotsen.team_now_ms(), removed_by = lotsen.team_member_id(), version = version + 1
          WHERE user_id = p_user_id;
        PERFORM lotsen.team_vault_forget(p_user_id, ARRAY['personal', 'secrets'], 'member_removed');
        RETURN coalesce(v_ended, 0);
      END $f$`,

    // A member who lost their machine's keychain (or never used their code in time) joins again as the same user:
    // a new login with a new code, the old login dropped as team_remove_member drops it, and what the vault knew of
    // their old key pair forgotten (their public key and every wrap made for it), so nothing opens for the old key.
    // Owner-only, for the DBA's `team reissue-code --admin-url`; team_reissue_code is the admins' way in.
    `CREATE OR REPLACE FUNCTION lotsen.team_reissue_login(p_user_id text, p_login_suffix text, p_code_verifier text,
        p_by text)
      RETURNS TABLE (member_login text, code_expires_at bigint)
      LANGUAGE plpgsql ${DEFINER} AS $f$
      DECLARE
        v_old text;
        v_login text := ${loginPrefix} || p_login_suffix;
        v_expires timestamptz := clock_timestamp() + interval '24 hours';
      BEGIN
        IF p_login_suffix IS NULL OR p_login_suffix !~ '^[0-9a-f]{8}$' THEN
          RAISE EXCEPTION 'LOTSEN_INVALID: a login suffix is 8 hex digits' USING ERRCODE = '22023';
        END IF;
        IF p_code_verifier IS NULL OR p_code_verifier !~ ${VERIFIER} THEN
          RAISE EXCEPTION 'LOTSEN_INVALID: give the code''s SCRAM-SHA-256 verifier, never the code' USING ERRCODE = '22023';
        END IF;
        SELECT login INTO v_old FROM lotsen.team_members
          WHERE user_id = p_user_id AND removed_at IS NULL FOR UPDATE;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'LOTSEN_NOT_FOUND: no current member has that id' USING ERRCODE = 'P0002';
        END IF;
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_old) THEN
          EXECUTE format('ALTER ROLE %I NOLOGIN', v_old);
          EXECUTE format('GRANT %I TO %I', v_old, current_user);
          PERFORM pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = v_old;
          EXECUTE format('DROP ROLE %I', v_old);
        END IF;
        EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT '
                       'PASSWORD %L VALID UNTIL %L IN ROLE %I',
                       v_login, p_code_verifier, v_expires, ${member});
        -- Their old key pair is the lost keychain's: its public key goes (the new login publishes another) and so do
        -- its wraps; the trees it held are due for rotation in case the keychain was stolen rather than lost.
        DELETE FROM lotsen.member_keys WHERE user_id = p_user_id;
        PERFORM lotsen.team_vault_forget(p_user_id, ARRAY['personal', 'secrets'], 'code_reissued');
        UPDATE lotsen.team_members
          SET login = v_login, enrolled_at = NULL, invited_at = lotsen.team_now_ms(), invited_by = p_by,
              enrol_expires_at = (extract(epoch FROM v_expires) * 1000)::bigint, version = version + 1
          WHERE user_id = p_user_id;
        RETURN QUERY SELECT v_login, (extract(epoch FROM v_expires) * 1000)::bigint;
      END $f$`,

    `CREATE OR REPLACE FUNCTION lotsen.team_reissue_code(p_user_id text, p_login_suffix text, p_code_verifier text)
      RETURNS TABLE (member_login text, code_expires_at bigint)
      LANGUAGE plpgsql ${DEFINER} AS $f$
      BEGIN
        PERFORM lotsen.team_require_admin();
        IF p_user_id = lotsen.team_member_id() THEN
          RAISE EXCEPTION 'LOTSEN_CONFLICT: an admin cannot reissue their own code; ask another admin' USING ERRCODE = '23514';
        END IF;
        RETURN QUERY SELECT * FROM lotsen.team_reissue_login(p_user_id, p_login_suffix, p_code_verifier,
                                                           lotsen.team_member_id());
      END $f$`,

    // What a departing member could have taken of customers' secrets, for the admin to have those passwords changed:
    // accounts whose secret they revealed (audit events), accounts they signed in with in a session (directly or as
    // a jump hop), environments whose pre-connect command they ran, and exports of the registry with secrets. A
    // definer, since a technician admin reads no one else's sessions; ids and times only, the names come from the
    // registry, which every member reads.
    `CREATE OR REPLACE FUNCTION lotsen.team_departing_secrets(p_user_id text)
      RETURNS TABLE (how text, account_id text, environment_id text, times integer, last_at bigint)
      LANGUAGE plpgsql ${DEFINER} AS $f$
      BEGIN
        PERFORM lotsen.team_require_admin();
        RETURN QUERY
          SELECT 'revealed'::text, e.subject_id, max(e.details::jsonb ->> 'environmentId'), count(*)::integer, max(e.at)
            FROM lotsen.audit_events e
           WHERE e.event = 'secret.revealed' AND e.actor_id = p_user_id AND e.subject_id IS NOT NULL
           GROUP BY e.subject_id
          UNION ALL
          SELECT 'session'::text, used.account_id, max(s.environment_id), count(*)::integer, max(s.opened_at)
            FROM lotsen.sessions s
            CROSS JOIN LATERAL (
              SELECT s.account_id WHERE s.account_id IS NOT NULL
              UNION
              SELECT hop ->> 'accountId' FROM jsonb_array_elements(s.jump::jsonb) hop
               WHERE hop ->> 'accountId' IS NOT NULL) used (account_id)
           WHERE s.technician_id = p_user_id
           GROUP BY used.account_id
          UNION ALL
          SELECT 'preconnect'::text, NULL::text, e.details::jsonb ->> 'environmentId', count(*)::integer, max(e.at)
            FROM lotsen.audit_events e
           WHERE e.event = 'preconnect.ran' AND e.actor_id = p_user_id
           GROUP BY e.details::jsonb ->> 'environmentId'
          UNION ALL
          SELECT 'registry_export'::text, NULL::text, NULL::text, count(*)::integer, max(e.at)
            FROM lotsen.audit_events e
           WHERE e.event = 'registry.exported_with_secrets' AND e.actor_id = p_user_id
          HAVING count(*) > 0;
      END $f$`,

    // A member's X25519 public key (main/vault/memberKeyPair.node.ts), published by their own Lotsen at enrolment or
    // at unlock, for the caller only and once: a key already there stays (a new keychain needs team reissue-code),
    // so nobody can put their own key in another's place and be wrapped for in their name.
    `CREATE OR REPLACE FUNCTION lotsen.team_publish_key(p_public_key text)
      RETURNS boolean LANGUAGE plpgsql ${DEFINER} AS $f$
      DECLARE
        v_id text := lotsen.team_member_id();
        v_count integer;
      BEGIN
        IF v_id IS NULL THEN
          RAISE EXCEPTION 'LOTSEN_FORBIDDEN: only an enrolled member publishes a key' USING ERRCODE = '42501';
        END IF;
        IF p_public_key IS NULL OR p_public_key !~ '^[A-Za-z0-9_-]{43}$' THEN
          RAISE EXCEPTION 'LOTSEN_INVALID: a member key is 32 bytes in base64url' USING ERRCODE = '22023';
        END IF;
        INSERT INTO lotsen.member_keys (user_id, public_key, created_at)
          VALUES (v_id, p_public_key, lotsen.team_now_ms())
          ON CONFLICT (user_id) DO NOTHING;
        GET DIAGNOSTICS v_count = ROW_COUNT;
        RETURN v_count > 0;
      END $f$`,

    // The guard on append-only tables for what row triggers never see, and for the owner, whom GRANTs do not bind.
    `CREATE OR REPLACE FUNCTION lotsen.team_refuse_change() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $f$
      BEGIN
        RAISE EXCEPTION 'LOTSEN_IMMUTABLE: % of % is refused: it is append-only', TG_OP, TG_TABLE_NAME
          USING ERRCODE = '42501';
      END $f$`,
  ];
}

/** Nobody may call a function unless granted: PostgreSQL lets PUBLIC execute every new function otherwise. */
export function teamFunctionGrantStatements(names: TeamRoleNames): string[] {
  const revoke = Object.values(teamFunctions).map((fn) => `REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
  const grant = (fn: string, role: string) => `GRANT EXECUTE ON FUNCTION ${fn} TO ${ident(role)}`;
  return [
    ...revoke,
    // Row policies call these as the member, so every login needs them.
    grant(teamFunctions.memberId, names.member),
    grant(teamFunctions.isAdmin, names.member),
    grant(teamFunctions.enrol, names.member),
    grant(teamFunctions.publishKey, names.member),
    grant(teamFunctions.addMember, names.admin),
    grant(teamFunctions.changeRole, names.admin),
    grant(teamFunctions.removeMember, names.admin),
    grant(teamFunctions.departingSecrets, names.admin),
    grant(teamFunctions.reissueCode, names.admin),
    // The audit log's one way in (made with the head, main/store/auditAppend.ts): every enrolled member appends,
    // a login still waiting to enrol does nothing yet.
    `REVOKE ALL ON FUNCTION ${AUDIT_APPEND_FUNCTION} FROM PUBLIC`,
    ...Object.values(names.work).map((group) => grant(AUDIT_APPEND_FUNCTION, group)),
  ];
}
