/**
 * Terminal output flow control, as VS Code does it for its ptys (FlowControlConstants): the backend counts bytes sent
 * to the client and not yet acknowledged; above the high watermark it pauses the source (the pty or the SSH channel),
 * and when acknowledgements bring the count under the low watermark it resumes it. The client acknowledges in steps
 * as its terminal has actually drawn the bytes (xterm.js's write callback), so a slow screen slows the program, not
 * the backend's memory. The client's half is common/sessions/ackBatcher.ts.
 */
/** Above this many unacknowledged bytes the source is paused: about a screenful of heavy output, a few ms to draw. */
export const FLOW_HIGH_WATERMARK_BYTES = 100_000;
/**
 * Below this the source is resumed. Well under the high mark, so the client still has bytes to draw while the source
 * wakes up and the stream does not stutter between pause and resume.
 */
export const FLOW_LOW_WATERMARK_BYTES = 5_000;
export class FlowController {
  private unacknowledged = 0;
  private paused = false;

  constructor(
    private readonly source: { pause(): void; resume(): void },
    private readonly high = FLOW_HIGH_WATERMARK_BYTES,
    private readonly low = FLOW_LOW_WATERMARK_BYTES,
  ) {}

  /** Bytes that left for the client. */
  sent(bytes: number): void {
    this.unacknowledged += bytes;
    if (!this.paused && this.unacknowledged > this.high) {
      this.paused = true;
      this.source.pause();
    }
  }

  /** Bytes the client says it has drawn. Acknowledging more than was sent is clamped: a client cannot owe less than 0. */
  acknowledged(bytes: number): void {
    this.unacknowledged = Math.max(0, this.unacknowledged - Math.max(0, bytes));
    if (this.paused && this.unacknowledged < this.low) {
      this.paused = false;
      this.source.resume();
    }
  }

  get pending(): number {
    return this.unacknowledged;
  }
}
