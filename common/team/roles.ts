import type { MethodName, MethodParsedInput } from '../api/contract.ts';
import { roleOfYouInEnglish } from '../api/errorDetails/codeValues.ts';
import { englishDetail, type ErrorDetail } from '../api/errorDetails/index.ts';
import { describeRoles, holdsAdminRight, holdsAnyRole, type Principal, type WorkRole } from './principal.ts';

/*
 * The role matrix: for every API method, the work roles that may call it and whether it also needs the admin right.
 * The dispatcher refuses anything else with FORBIDDEN before the handler runs; PostgreSQL enforces the same in a
 * team database (main/team/tableRulesSql.ts). docs/roles.md gives the reasons, group by group. The type below makes
 * it exhaustive: a method added to the contract without a line here does not typecheck.
 */

/** Methods that run before anyone is known (set-up, unlock, lock, status): a principal exists only once unlocked. */
export const ANYONE = 'anyone';

export interface MethodRule<M extends MethodName> {
  roles: readonly WorkRole[] | typeof ANYONE;
  /** Needs the admin right too (a team member granted it; the embedded default's local user holds it). */
  admin: boolean;
  /** Some inputs ask for more than the method itself: an eligibility override, an escalation exception. */
  narrower?: {
    applies: (input: MethodParsedInput<M>) => boolean;
    roles: readonly WorkRole[];
    /** What the input asks for, as the refusal's detail key names it ("an eligibility override"). */
    refusal: 'storage.onlyRolesMayOverride' | 'storage.onlyRolesMayMakeException';
  };
}

type RoleMatrix = { readonly [M in MethodName]: MethodRule<M> };

const EVERYONE = ['technician', 'support_lead', 'finance'] as const;
/** The people who work on customers' systems and keep their records. */
const HANDS_ON = ['technician', 'support_lead'] as const;
const LEADS = ['support_lead'] as const;
const FINANCE = ['finance'] as const;
/** Those who review everyone's work: support leads the sessions and time, finance the time and the books. */
const REVIEWERS = ['support_lead', 'finance'] as const;

const anyone = { roles: ANYONE, admin: false } as const;
const allow = (roles: readonly WorkRole[], admin = false) => ({ roles, admin });

/** Opening a session with a recorded reason past an eligibility blocker is the support lead's call. */
const overrideNarrower = {
  applies: (input: { overrideReason: string | null }) => input.overrideReason !== null,
  roles: LEADS,
  refusal: 'storage.onlyRolesMayOverride',
} as const;

export const roleMatrix: RoleMatrix = {
  'app.status': anyone,
  'app.initialize': anyone,
  'app.unlock': anyone,
  'app.lock': anyone,

  // The registry: everyone reads it (no read returns a secret); those who work on the systems keep it.
  'registry.listCustomers': allow(EVERYONE),
  'registry.listCustomerContacts': allow(EVERYONE),
  'registry.getCustomer': allow(EVERYONE),
  'registry.createCustomer': allow(HANDS_ON),
  'registry.updateCustomer': allow(HANDS_ON),
  'registry.deleteCustomer': allow(HANDS_ON),
  'registry.saveContact': allow(HANDS_ON),
  'registry.deleteContact': allow(HANDS_ON),
  'registry.saveEnvironment': allow(HANDS_ON),
  'registry.deleteEnvironment': allow(HANDS_ON),
  'registry.saveServer': allow(HANDS_ON),
  'registry.deleteServer': allow(HANDS_ON),
  'registry.saveSupportAccount': allow(HANDS_ON),
  'registry.deleteSupportAccount': allow(HANDS_ON),
  'registry.revealSecret': allow(HANDS_ON),
  'registry.oneTimeCode': allow(HANDS_ON),
  'registry.revealTotpSeed': allow(HANDS_ON),
  'registry.revealVpnTotpSeed': allow(HANDS_ON),
  'registry.import': allow(HANDS_ON),
  'registry.export': allow(EVERYONE),
  'certificates.save': allow(HANDS_ON),
  'certificates.delete': allow(HANDS_ON),
  'certificates.list': allow(EVERYONE),
  'notices.save': allow(HANDS_ON),
  'notices.delete': allow(HANDS_ON),

  // Agreements and DPAs gate every session: read by all, kept by support leads.
  'agreements.list': allow(EVERYONE),
  'agreements.save': allow(LEADS),
  'agreements.delete': allow(LEADS),
  'dpas.save': allow(LEADS),
  'dpas.delete': allow(LEADS),
  'eligibility.review': allow(EVERYONE),
  'eligibility.check': allow(EVERYONE),

  'tickets.list': allow(EVERYONE),
  'tickets.get': allow(EVERYONE),
  'tickets.save': allow(HANDS_ON),
  'tickets.delete': allow(HANDS_ON),
  'tickets.recordFirstResponse': allow(HANDS_ON),
  'tickets.sendBack': allow(HANDS_ON),
  'tickets.timeline': allow(EVERYONE),
  'tickets.addNote': allow(HANDS_ON),
  'tickets.attachScreenshot': allow(HANDS_ON),
  'tickets.screenshot': allow(EVERYONE),
  'tickets.assignees': allow(EVERYONE),
  'tickets.assign': allow(HANDS_ON),
  'tickets.escalate': {
    roles: HANDS_ON,
    admin: false,
    narrower: {
      applies: (input) => input.exception !== undefined,
      roles: LEADS,
      refusal: 'storage.onlyRolesMayMakeException',
    },
  },
  'settings.priceList': allow(EVERYONE),
  'settings.savePriceList': allow(FINANCE),

  // Sessions run on the technician's machine; finance opens none. A technician sees only their own (row rule).
  'sessions.open': { roles: HANDS_ON, admin: false, narrower: overrideNarrower },
  'sessions.list': allow(HANDS_ON),
  'sessions.answerPrompt': allow(HANDS_ON),
  'sessions.input': allow(HANDS_ON),
  'sessions.resize': allow(HANDS_ON),
  'sessions.ack': allow(HANDS_ON),
  'sessions.close': allow(HANDS_ON),
  'sessions.reconnect': { roles: HANDS_ON, admin: false, narrower: overrideNarrower },
  'sessions.replaceHostKey': allow(HANDS_ON),
  'sessions.preConnectCommands': allow(HANDS_ON),
  'sessions.approvePreConnect': allow(HANDS_ON),
  'sessions.vpnProfile': allow(HANDS_ON),
  'sessions.fillVpnOneTimeCode': allow(HANDS_ON),
  'tools.list': allow(HANDS_ON),
  'tools.approve': allow(HANDS_ON),
  'tools.index': allow(HANDS_ON),
  'recordings.list': allow(HANDS_ON),
  'recordings.read': allow(HANDS_ON),
  'recordings.export': allow(HANDS_ON),

  // The audit log holds everyone's acts: read by those who review them; checking the chain reveals nothing.
  'audit.list': allow(REVIEWERS),
  'audit.actors': allow(REVIEWERS),
  'audit.verify': allow(EVERYONE),

  // Time: everyone logs their own; support leads and finance read everyone's; finance reclassifies (row rules).
  'time.startTimer': allow(HANDS_ON),
  'time.stopTimer': allow(HANDS_ON),
  // Asking whether one's own timer runs is harmless (finance's never does); the header asks for everyone.
  'time.runningTimer': allow(EVERYONE),
  'time.list': allow(EVERYONE),
  'time.addManual': allow(HANDS_ON),
  'time.classify': allow(EVERYONE),
  'time.suggestion': allow(EVERYONE),
  'time.update': allow(HANDS_ON),
  'time.delete': allow(HANDS_ON),
  // A time file carries other people's time into the books: finance's way of receiving it.
  'time.import': allow(FINANCE),

  'billing.monthSummary': allow(REVIEWERS),
  'billing.billedHours': allow(REVIEWERS),
  'billing.approveMonth': allow(FINANCE),
  'billing.listBatches': allow(REVIEWERS),
  'billing.export': allow(FINANCE),
  'billing.addAdjustment': allow(FINANCE),
  'billing.listAdjustments': allow(REVIEWERS),

  // Who was connected to a customer's servers: a question about sessions, answered by support leads.
  'reports.access': allow(LEADS),
  'reports.exportAccess': allow(LEADS),

  // The summer purge and GDPR requests: support leads; what destroys data for the whole team needs the admin right.
  'retention.status': allow(EVERYONE),
  'retention.setPolicy': allow(LEADS, true),
  'retention.preview': allow(LEADS),
  'retention.purge': allow(LEADS, true),
  'privacy.extract': allow(LEADS),
  'privacy.erase': allow(LEADS, true),

  // A team's members: its admins manage them, whatever their work role; the team database checks the same.
  'team.members': allow(EVERYONE, true),
  'team.addMember': allow(EVERYONE, true),
  'team.changeRole': allow(EVERYONE, true),
  'team.removeMember': allow(EVERYONE, true),
  'team.departing': allow(EVERYONE, true),
  'team.reissueCode': allow(EVERYONE, true),
  // Any holder of a tree may move it on (an unlock does too); an admin is the one who asks for it by name.
  'team.rotate': allow(EVERYONE, true),
  'team.recover': allow(EVERYONE, true),
  'team.vault': allow(EVERYONE, true),
  'team.grantKeys': allow(EVERYONE, true),
};

/** Whether the method runs only for some principals (every method but set-up, unlock, lock and status). */
export function needsPrincipal(method: MethodName): boolean {
  return roleMatrix[method].roles !== ANYONE;
}

export interface Refusal {
  /** In English, as the CLI says it. */
  message: string;
  /**
   * What is needed, as a detail key and values: `roles` and `yourRole` are work-role codes, worded by the reader's
   * language (common/api/errorDetails/codeValues.ts in English, the console's vocabulary in Swedish).
   */
  detail: ErrorDetail;
  /** The roles that would be allowed, and whether the admin right is needed too. */
  roles: readonly WorkRole[];
  admin: boolean;
}

/**
 * Why the principal may not call `method` with this (already validated) input, or null when they may. Row rules
 * (whose time, whose session) are the services' to check; this is the matrix alone. The embedded default's one
 * person holds every role and the admin right, so only a member is ever refused.
 */
export function refusalFor<M extends MethodName>(
  principal: Principal,
  method: M,
  input: MethodParsedInput<M>,
): Refusal | null {
  const rule = roleMatrix[method] as MethodRule<M>;
  if (rule.roles === ANYONE || principal.kind === 'local') return null;
  const yourRole = principal.workRole;
  if (!holdsAnyRole(principal, rule.roles)) {
    const values = { roles: [...rule.roles], method, yourRole };
    return refusal({ key: 'storage.onlyRolesMayDo', values }, { roles: rule.roles, admin: rule.admin });
  }
  if (rule.narrower?.applies(input) && !holdsAnyRole(principal, rule.narrower.roles)) {
    const { roles, refusal: key } = rule.narrower;
    return refusal({ key, values: { roles: [...roles], method, yourRole } }, { roles, admin: rule.admin });
  }
  if (rule.admin && !holdsAdminRight(principal)) {
    return refusal(
      { key: 'storage.needsAdminRightToo', values: { roles: [...rule.roles], method } },
      { roles: rule.roles, admin: true },
    );
  }
  return null;
}

function refusal(detail: ErrorDetail, needed: { roles: readonly WorkRole[]; admin: boolean }): Refusal {
  return {
    message: englishDetail(detail.key, detail.values),
    detail,
    roles: needed.roles,
    admin: needed.admin,
  };
}

/** Whether the principal may call the method at all (ignoring narrower inputs): what the UI offers. */
export function mayCall(principal: Principal, method: MethodName): boolean {
  return roleHint(principal, method) === null;
}

/**
 * Why the UI does not offer the method to this principal, for a tooltip ("Only finance may do this"), or null when
 * their role allows it (inputs that ask for more, like an override, are checked when called).
 */
export function roleHint(principal: Principal, method: MethodName): string | null {
  const rule = roleMatrix[method];
  if (rule.roles === ANYONE) return null;
  if (!holdsAnyRole(principal, rule.roles)) return `Only ${describeRoles(rule.roles)} may do this`;
  if (rule.admin && !holdsAdminRight(principal)) {
    return `Needs the admin right as well as the ${describeRoles(rule.roles)} role`;
  }
  return null;
}

/** "you are a technician", "you are in finance": a role as the refused person reads it. */
export function youAre(role: WorkRole): string {
  return `you are ${roleOfYouInEnglish(role)}`;
}
