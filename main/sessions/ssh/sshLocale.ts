const UTF8 = /utf-?8/i;
const LC_NAME = /^LC_[A-Z]+$/;

/**
 * The locale variables a shell is opened with, as OpenSSH's `SendEnv LANG LC_*` sends them (servers accept them with
 * `AcceptEnv LANG LC_*`, Debian's and most distributions' default): without them a server with no UTF-8 default
 * reads å, ä, ö typed here as three unknown bytes each. LANG is always a UTF-8 one, Lotsen's own when it is and
 * `C.UTF-8` (there on every current Linux) otherwise, e.g. on Windows where there is none; an LC_* is passed on only
 * when it is UTF-8, so that a stray `LC_ALL=C` cannot undo it.
 */
export function sshLocaleEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const sent: Record<string, string> = { LANG: env.LANG && UTF8.test(env.LANG) ? env.LANG : 'C.UTF-8' };
  for (const [name, value] of Object.entries(env)) {
    if (LC_NAME.test(name) && value && UTF8.test(value)) sent[name] = value;
  }
  return sent;
}
