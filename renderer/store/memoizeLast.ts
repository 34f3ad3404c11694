/**
 * Remembers a selector's last answer for the same inputs (compared by identity). React asks a store selector on every
 * render and needs the same array back while nothing changed, or it renders forever.
 */
export function memoizeLast<A extends readonly unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A) => {
    if (last === null || last.args.length !== args.length || last.args.some((arg, i) => arg !== args[i])) {
      last = { args, result: compute(...args) };
    }
    return last.result;
  };
}
