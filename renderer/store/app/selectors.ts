import type { MethodName } from '../../../common/api/contract.ts';
import type { Principal } from '../../../common/team/principal.ts';
import { roleHint } from '../../../common/team/roles.ts';
import { t } from '../../i18n/i18n.ts';
import type { AppState } from './initialState.ts';

/** Which screen the app shows: `starting` until main has answered once. */
export const selectScreen = (s: AppState) => s.status?.state ?? 'starting';
export const selectLocalUser = (s: AppState) => s.status?.user ?? null;
/** Locked with a passphrase (ask for it) rather than the OS keychain (just press Unlock). */
export const selectNeedsPassphrase = (s: AppState) => s.status?.keyStore === 'passphrase';
export const selectConnectionLost = (s: AppState) => s.connection === 'reconnecting';
export const selectSessionEnded = (s: AppState) => s.sessionEnded;
export const selectStatusError = (s: AppState) => s.statusError;

/** Who is acting and with which rights, from the app status; null until unlocked. */
export const selectPrincipal = (s: AppState) => s.status?.principal ?? null;
/**
 * The role the header shows: a member's one work role (and the admin right); in the embedded default the role the
 * local user gave at set-up, as before (they hold every role; `selectRoleTitle` says so).
 */
export const selectRoleLabel = (s: AppState) => {
  const principal = selectPrincipal(s);
  if (principal?.kind === 'member') return principalInWords(principal);
  const user = selectLocalUser(s);
  return user === null ? null : t(`setup:roles.${user.role}`);
};
export const selectRoleTitle = (s: AppState) => {
  const principal = selectPrincipal(s);
  return principal === null ? null : principalInWords(principal);
};

/**
 * How the header names the person's standing, in the chosen language: "Finance", "Support lead · admin", "Every role
 * (this computer)". common/team/principal.ts's describePrincipal says the same in English for the CLI.
 */
export function principalInWords(principal: Principal): string {
  if (principal.kind === 'local') return t('team:principal.local');
  const role = t(`vocabulary:userRole.${principal.workRole}`);
  return principal.admin ? t('team:principal.admin', { role }) : role;
}
/**
 * Why the person's role cannot call `method` (a disabled control's tooltip), or null when it can. Nothing is refused
 * before the status is known: main refuses anyway, and a locked app shows none of these controls.
 */
export const selectRoleHint = (method: MethodName) => (s: AppState) => {
  const principal = selectPrincipal(s);
  return principal === null ? null : roleHint(principal, method);
};
/** Whether the UI offers `method` to the person at all. */
export const selectMayCall = (method: MethodName) => (s: AppState) => selectRoleHint(method)(s) === null;
