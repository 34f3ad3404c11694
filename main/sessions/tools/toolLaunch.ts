import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { keyedError } from '../../../common/api/errors.ts';
import type { toolPlaceholders } from '../../../common/registry/model.ts';

/*
 * A launch template becomes a program and its arguments without a shell: the template is split into words first
 * (spaces separate them; "double" or 'single' quotes keep spaces inside one), and only then are the placeholders
 * filled in, each inside its own word. A host name or user name with a space, a quote or a `;` in it therefore stays
 * one argument and can never start a second command. No placeholder names a secret (common/registry/model.ts).
 */

export type ToolValues = Partial<Record<(typeof toolPlaceholders)[number], string>>;

/** The template's words, quotes removed; a quote left open is refused rather than guessed at. */
export function templateWords(template: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (const char of template) {
    if (quote !== null) {
      if (char === quote) quote = null;
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      word ??= '';
    } else if (/\s/.test(char)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (quote !== null) {
    throw keyedError('TOOL_FAILED', 'sessions.templateQuoteOpen');
  }
  if (word !== null) words.push(word);
  return words;
}

/** The program and its arguments, every placeholder filled in; one whose value the session lacks is refused. */
export function launchArguments(template: string, values: ToolValues): { file: string; args: string[] } {
  const words = templateWords(template).map((word) =>
    word.replace(/\{([^}]*)\}/g, (_, name: string) => {
      const value = values[name as keyof ToolValues];
      if (value === undefined || value === '') {
        throw keyedError(
          'TOOL_FAILED',
          'sessions.templateNeeds',
          { placeholder: `{${name}}` },
          { placeholder: name },
        );
      }
      return value;
    }),
  );
  const [file, ...args] = words;
  if (file === undefined || file === '') throw keyedError('TOOL_FAILED', 'sessions.templateEmpty');
  return { file, args };
}

/** The program's path as the launch would find it: a path as it is, a bare name on PATH; null when not there. */
export function findProgram(file: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const runnable = (path: string) => {
    try {
      accessSync(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (isAbsolute(file) || file.includes('/') || file.includes('\\')) return runnable(file) ? file : null;
  const extensions =
    process.platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';')] : [''];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const extension of extensions) {
      const candidate = join(dir, file + extension);
      if (runnable(candidate)) return candidate;
    }
  }
  return null;
}
