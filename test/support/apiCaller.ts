import type { MethodInput, MethodName, MethodOutput } from '../../common/api/contract.ts';
import type { ApiError } from '../../common/api/errors.ts';
import type { Dispatcher } from '../../main/api/dispatcher.ts';

/** Typed calls through the real dispatcher: `ok` throws on an error result, `fails` returns the error. */
export function apiCaller(api: Pick<Dispatcher, 'dispatch'>) {
  return {
    async ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      const result = await api.dispatch(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
      return result.value as MethodOutput<M>;
    },
    async fails(method: string, input: unknown): Promise<ApiError> {
      const result = await api.dispatch(method, input);
      if (result.ok) throw new Error(`${method} succeeded but was expected to fail`);
      return result.error;
    },
  };
}
