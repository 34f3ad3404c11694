/** Exit codes: 0 done, 1 Lotsen refused or failed (the message says why), 2 the command line was wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Whether a person can answer a prompt. */
  interactive: boolean;
}

export const processIo = (): CliIo => ({
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
});

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2) + '\n');
}

/** A plain table: columns padded to their widest cell, no borders, so it reads in any terminal and greps well. */
export function printTable(io: CliIo, header: string[], rows: string[][]): void {
  const line = tableLine(columnWidths(header, rows));
  io.out([line(header), ...rows.map(line)].join('\n') + '\n');
}

export interface PagedOutput<T> {
  write(page: readonly T[]): void;
  end(): void;
}

/** The same text as printJson of the whole list, written a page at a time. */
export function jsonArrayOutput<T>(io: CliIo): PagedOutput<T> {
  let first = true;
  return {
    write(page) {
      for (const item of page) {
        io.out((first ? '[\n' : ',\n') + JSON.stringify(item, null, 2).replace(/^/gm, '  '));
        first = false;
      }
    },
    end() {
      io.out(first ? '[]\n' : '\n]\n');
    },
  };
}

/**
 * printTable's table printed page by page: the columns are as wide as the header and the first page need; a wider
 * cell later on pushes its row's next cells along rather than holding the whole list back.
 */
export function pagedTableOutput<T>(
  io: CliIo,
  header: string[],
  cells: (item: T) => string[],
  empty: string,
): PagedOutput<T> {
  let line: ((cells: string[]) => string) | null = null;
  return {
    write(page) {
      const rows = page.map(cells);
      const first = line === null;
      line ??= tableLine(columnWidths(header, rows));
      io.out([...(first ? [line(header)] : []), ...rows.map(line)].join('\n') + '\n');
    },
    end() {
      if (line === null) io.out(empty);
    },
  };
}

function columnWidths(header: string[], rows: string[][]): number[] {
  return header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
}

function tableLine(widths: number[]): (cells: string[]) => string {
  return (cells) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
}
