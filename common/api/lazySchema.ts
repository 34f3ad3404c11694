import { z } from 'zod';

/*
 * Issue 17, a command that starts at once: building a zod schema costs about half a millisecond an object, and the
 * contract and the domains' models hold hundreds, of which one command validates a few. A schema made with `lazily`
 * is built at its first use (a parse, or a schema built from it), so a process builds only what it validates.
 * It parses exactly as the schema it wraps: same result, same issues, same strictness.
 */

/** `build()`'s schema, built when first used; `.unwrap()` gives that one schema (for `.shape`, `.extend`, ...). */
export function lazily<T extends z.ZodType>(build: () => T): z.ZodLazy<T> {
  let built: T | undefined;
  return z.lazy(() => (built ??= build()));
}

/**
 * An object whose every entry is made from its thunk when first read, then kept: the contract's per-method schemas
 * (and its events'), so a call builds only its own method's input and output.
 */
export function lazyEntries<T extends Record<string, () => unknown>>(
  thunks: T,
): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const entries = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const key of Object.keys(thunks) as (keyof T & string)[]) {
    Object.defineProperty(entries, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = thunks[key]!() as ReturnType<T[typeof key]>;
        Object.defineProperty(entries, key, {
          value,
          enumerable: true,
          writable: false,
          configurable: false,
        });
        return value;
      },
    });
  }
  return entries;
}
