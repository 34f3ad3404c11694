import { Tokenizer, TokenParser, TokenType } from '@streamparser/json';
import { createReadStream } from 'node:fs';
import { LotsenError } from '../../common/api/errors.ts';
import { cutText, IssueReport } from '../../common/api/limits.ts';

/** How one import file is read: its list of records, how each is checked, and what a refusal says. */
export interface RecordFileSpec {
  /** The top-level key holding the records: `customers`, `entries`. */
  listKey: string;
  /** Records a file may hold; past this the file is refused and the rest only counted. */
  maxRecords: number;
  /** Says what is wrong with one record, if anything. */
  checkRecord(record: unknown, index: number, report: IssueReport): void;
  /** The error for a file with problems (the import's own wording). */
  refused(report: IssueReport): LotsenError;
}

/** Bytes read at a time; strings longer than this are gathered in a buffer rather than by concatenation. */
const CHUNK_BYTES = 64 * 1024;
const STRING_BUFFER_BYTES = 64 * 1024;
/** Records sit in a list in the file's top-level object. */
const RECORD_DEPTH = 2;

/**
 * Reads a JSON import file as a stream, checking it record by record, so a file of millions of bad records is
 * refused in bounded memory and time with a screenful of problems (the records after that are counted, not checked).
 * Any other file comes back whole, for the import to check as one (naming every problem) and write all or nothing.
 */
export async function readRecordFile(file: string, spec: RecordFileSpec): Promise<unknown> {
  const report = new IssueReport();
  const records: unknown[] = [];
  const top: Record<string, unknown> = {};
  let recordCount = 0;
  const tokenizer = new Tokenizer({ stringBufferSize: STRING_BUFFER_BYTES });
  // `$.*` gives the envelope's fields; each record is emitted on its own and then dropped from its list (below), so
  // the list reaches `$.*` empty, though still telling whether it was a list at all.
  const values = new TokenParser({ paths: ['$.*', `$.${spec.listKey}.*`], keepStack: false });
  /** Once a screenful of problems is found, records are only counted, from the tokens, without building them. */
  let counting = false;
  let depth = 0;
  tokenizer.onToken = (token) => {
    if (!counting) return values.write(token);
    if (token.token === TokenType.LEFT_BRACE || token.token === TokenType.LEFT_BRACKET) depth++;
    else if (token.token === TokenType.RIGHT_BRACE || token.token === TokenType.RIGHT_BRACKET) depth--;
    else if (token.token === TokenType.COMMA && depth === RECORD_DEPTH) {
      recordCount += 1;
      report.skipRecord();
    }
  };
  tokenizer.onEnd = () => {
    if (!counting && !values.isEnded) values.end();
  };
  values.onError = (error) => tokenizer.error(error);
  values.onEnd = () => {
    if (!tokenizer.isEnded) tokenizer.end();
  };
  values.onValue = ({ value, key, parent, stack }) => {
    if (stack.length === 1) {
      if (typeof key === 'string') top[key] = value;
      return;
    }
    if (typeof key !== 'number' || !Array.isArray(parent)) return;
    parent.length -= 1;
    recordCount += 1;
    if (recordCount > spec.maxRecords) return report.skipRecord();
    spec.checkRecord(value, key, report);
    records.push(value);
    // A screenful of problems is refused here; checking millions of bad records would take minutes and say nothing
    // more. Fewer go to the import with the rest of the file, which names them with every other problem at once.
    if (report.full) {
      counting = true;
      depth = RECORD_DEPTH;
      records.length = 0;
    }
  };

  try {
    for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
      tokenizer.write(chunk as Buffer);
    }
    // The parser ends by itself after a complete document; ending it here says the file stopped short.
    if (!counting && !tokenizer.isEnded) tokenizer.end();
  } catch (error) {
    throw readFailure(file, error);
  }
  if (recordCount > spec.maxRecords) {
    report.addFirst({
      path: spec.listKey,
      message: `The file holds more than ${spec.maxRecords.toLocaleString('en-GB')} records, the most imported at once; split it`,
    });
  }
  if (report.full || recordCount > spec.maxRecords) throw spec.refused(report);
  return Array.isArray(top[spec.listKey]) ? { ...top, [spec.listKey]: records } : top;
}

function readFailure(file: string, error: unknown): LotsenError {
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === 'string') return new LotsenError('NOT_FOUND', `Cannot read ${file} (${code}).`);
  return new LotsenError(
    'VALIDATION',
    `${file} is not valid JSON: ${cutText((error as Error).message, 200)}`,
  );
}
