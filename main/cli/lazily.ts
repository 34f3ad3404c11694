/**
 * A function whose module is loaded on its first call, not when the command's definition is: what `lotsen --help`
 * parses stays small (issue 17). `load` must be a literal `import('…')` so the bundler (scripts/bundle-cli.mjs) puts
 * the module, and what it pulls in (pg, keytar, the database driver), in a chunk of its own.
 */
export function lazily<A extends unknown[], R>(
  load: () => Promise<(...args: A) => R | Promise<R>>,
): (...args: A) => Promise<R> {
  return async (...args) => {
    const run = await load();
    return await run(...args);
  };
}
