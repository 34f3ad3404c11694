import type { SessionOpenInput, SessionView } from '../../../common/sessions/model.ts';
import { booksOf } from '../../../main/team/outbox/sessionBooks.ts';
import type { MemberLotsen } from '../../support/postgres/testTeam.ts';
import { recordedOutput } from '../../support/recordedOutput.ts';
import { until } from '../../support/until.ts';

/** How often the technician types a line. */
const TYPE_EVERY_MS = 1_000;

/**
 * A member's local terminal session (a real pty) during the team bench: the technician types a numbered line a second
 * and waits for its echo, so the session keeps recording, and its books keep going to the team database (or to the
 * member's local queue while the database is away). Afterwards it checks its own recording: every line typed echoed
 * once, in order.
 */
export class TypingSession {
  private output = '';
  private typed = 0;
  private readonly stopListening: () => void;

  private constructor(
    private readonly lotsen: MemberLotsen,
    readonly view: SessionView,
  ) {
    const decoder = new TextDecoder();
    this.stopListening = lotsen.backend.on('terminal.output', ({ sessionId, data }) => {
      if (sessionId !== view.id) return;
      this.output += decoder.decode(data, { stream: true });
      // Acked as the app's terminal does, so the session's flow control never pauses the shell.
      void lotsen.call.ok('sessions.ack', { sessionId, bytes: data.length }).catch(() => undefined);
    });
  }

  static async open(lotsen: MemberLotsen, input: SessionOpenInput): Promise<TypingSession> {
    const opened = await lotsen.call.ok('sessions.open', input);
    const view = await until(`session ${opened.id} open`, async () => {
      const live = await lotsen.call.ok('sessions.list', { live: true });
      return live.find((v) => v.id === opened.id && v.state === 'open');
    });
    return new TypingSession(lotsen, view!);
  }

  get id(): string {
    return this.view.id;
  }

  /** How many lines were typed (and echoed) so far. */
  get lines(): number {
    return this.typed;
  }

  /** How many of the session's books wait in the member's local queue now. */
  waiting(): number {
    return booksOf(this.lotsen.backend).waiting(this.view.id);
  }

  /** Types a line a second until `until` (performance.now), each echoed before the next. */
  async typeUntil(end: number): Promise<void> {
    while (performance.now() < end) {
      const started = performance.now();
      await this.typeLine();
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, TYPE_EVERY_MS - (performance.now() - started))),
      );
    }
  }

  /** The typed command shows the marker quoted (`mk"-"7`), its echo plainly (`mk-7`): only the echo is counted. */
  private async typeLine(): Promise<void> {
    const n = this.typed;
    await this.lotsen.call.ok('sessions.input', { sessionId: this.view.id, data: `echo mk"-"${n}\n` });
    await until(`line ${n} echoed in session ${this.view.id}`, () => echoedLines(this.output).includes(n), {
      everyMs: 20,
    });
    this.typed += 1;
  }

  async close(): Promise<SessionView> {
    const closed = await this.lotsen.call.ok('sessions.close', { sessionId: this.view.id });
    this.stopListening();
    return closed;
  }

  /** What the stored recording holds of the lines typed: the problems found, none when each is there once, in order. */
  async checkRecording(): Promise<string[]> {
    const text = await recordedOutput(this.lotsen.call, this.view.recordingId!);
    const echoed = echoedLines(text);
    const expected = Array.from({ length: this.typed }, (_, n) => n);
    if (echoed.join(',') === expected.join(',')) return [];
    return [
      `session ${this.view.id}: its recording holds lines ${summarise(echoed)}, not 0-${this.typed - 1} once each in order`,
    ];
  }
}

/** The numbers of the echoed marker lines, in the order they appear. */
function echoedLines(text: string): number[] {
  return [...text.matchAll(/(?<![\w"])mk-(\d+)(?=\r?\n)/g)].map((m) => Number(m[1]));
}

function summarise(lines: number[]): string {
  return lines.length <= 12
    ? lines.join(', ')
    : `${lines.slice(0, 6).join(', ')} ... ${lines.slice(-6).join(', ')} (${lines.length})`;
}
