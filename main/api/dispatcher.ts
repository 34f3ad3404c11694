import { ZodError } from 'zod';
import {
  isMethodName,
  methods,
  methodsAllowedWhileLocked,
  type MethodName,
  type MethodOutput,
  type MethodParsedInput,
  type OneWayMethod,
} from '../../common/api/contract.ts';
import {
  keyedError,
  LotsenError,
  type ApiError,
  type ErrorCode,
  type Result,
} from '../../common/api/errors.ts';
import type { Principal } from '../../common/team/principal.ts';
import { needsPrincipal, refusalFor } from '../../common/team/roles.ts';
import { capIssues, cutText, IssueReport, MAX_ERROR_MESSAGE_CHARS } from '../../common/api/limits.ts';
import { isStoreBusy } from '../store/storeBusy.ts';
import { teamDatabaseRefusal } from '../store/teamRefusals.ts';
import { isStoreDamage, storeDamagedError } from '../store/storeDamage.ts';

export type Handlers = {
  [M in MethodName]: (input: MethodParsedInput<M>) => Promise<MethodOutput<M>>;
};

export interface Dispatcher {
  /** Takes anything a transport received and answers with a Result; it never throws. */
  dispatch(method: unknown, input: unknown): Promise<Result<unknown>>;
  /**
   * A one-way message: checked as `dispatch` checks a call (input, lock, role), then handed to the method's handler,
   * whose result nobody awaits. Says at once whether it was handed over, or the code it was refused with (for the
   * transport to count; it holds nothing of the input). Never throws.
   */
  notify(method: OneWayMethod, input: unknown): OneWayOutcome;
}

export type OneWayOutcome = { delivered: true } | { delivered: false; code: ErrorCode };

export interface DispatcherOptions {
  /** Called before any method outside `methodsAllowedWhileLocked`; throws VAULT_LOCKED or NOT_INITIALIZED. */
  assertUnlocked: () => void;
  /** Who is calling, once unlocked; the role matrix (common/team/roles.ts) decides what they may call. */
  principal: () => Principal;
  /** Where unexpected failures are reported; never given inputs, outputs or secrets. */
  onInternalError?: (method: string, error: unknown) => void;
}

/**
 * The single entry to the services, for every transport and the CLI: checks the method name, validates the input
 * against the contract, refuses a call outside the caller's role (FORBIDDEN) before the handler runs, and checks the
 * output (which also strips any field the contract does not list) before it leaves.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions): Dispatcher {
  return {
    async dispatch(method, rawInput) {
      if (!isMethodName(method)) {
        return failure({
          code: 'UNKNOWN_METHOD',
          message: `Unknown method ${JSON.stringify(String(method)).slice(0, 80)}`,
        });
      }
      const spec = methods[method];
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) return invalid(parsed.error);
      try {
        admit(method, parsed.data);
        const handler = handlers[method] as (input: unknown) => Promise<unknown>;
        const output = await handler(parsed.data);
        const checked = spec.output.safeParse(output);
        if (!checked.success) {
          options.onInternalError?.(method, new Error(`output of ${method} does not match the contract`));
          return failure({
            code: 'INTERNAL',
            message: 'Lotsen produced an answer it could not send; nothing was shown.',
          });
        }
        return { ok: true, value: checked.data };
      } catch (error) {
        if (error instanceof LotsenError) return failure(error.toApiError());
        if (error instanceof ZodError) return invalid(error);
        if (isStoreBusy(error)) return failure(keyedError('CONFLICT', 'storage.storeBusy').toApiError());
        if (isStoreDamage(error)) return failure(storeDamagedError(null, error).toApiError());
        const refused = teamDatabaseRefusal(error);
        if (refused) return failure(refused.toApiError());
        options.onInternalError?.(method, error);
        return failure({
          code: 'INTERNAL',
          message: 'Something went wrong inside Lotsen; the action was not completed.',
        });
      }
    },
    notify(method, rawInput) {
      const parsed = methods[method].input.safeParse(rawInput ?? {});
      if (!parsed.success) return { delivered: false, code: 'VALIDATION' };
      try {
        admit(method, parsed.data);
      } catch (error) {
        return { delivered: false, code: error instanceof LotsenError ? error.code : 'INTERNAL' };
      }
      const handler = handlers[method] as (input: unknown) => Promise<unknown>;
      // Started in this turn, not after it; a throw becomes a rejection, reported as any failure is.
      (async () => handler(parsed.data))().catch((error: unknown) =>
        options.onInternalError?.(method, error),
      );
      return { delivered: true };
    },
  };

  /** Throws (VAULT_LOCKED, NOT_INITIALIZED, FORBIDDEN) unless the store's state and the caller's role allow it. */
  function admit(method: MethodName, input: unknown): void {
    if (!methodsAllowedWhileLocked.has(method)) options.assertUnlocked();
    if (needsPrincipal(method)) assertAllowed(options.principal(), method, input);
  }
}

function assertAllowed(principal: Principal, method: MethodName, input: unknown): void {
  const refusal = refusalFor(principal, method, input as MethodParsedInput<MethodName>);
  if (refusal !== null) {
    throw keyedError('FORBIDDEN', refusal.detail.key, refusal.detail.values, {
      method,
      roles: [...refusal.roles],
      admin: refusal.admin,
    });
  }
}

/** Every refusal leaves here bounded: a capped list of issues, each cut to size, so no answer echoes a huge input. */
function failure(error: ApiError): Result<never> {
  const message = cutText(error.message, MAX_ERROR_MESSAGE_CHARS);
  const issues = error.details?.issues;
  if (issues === undefined) return { ok: false, error: { ...error, message } };
  return {
    ok: false,
    error: { ...error, message, details: { ...error.details, issues: capIssues(issues) } },
  };
}

function invalid(error: ZodError): Result<never> {
  const report = new IssueReport();
  report.addZod(error);
  const refused = keyedError('VALIDATION', 'storage.fieldsNotValid', { count: report.count });
  return failure({ ...refused.toApiError(), details: { issues: report.issues() } });
}
