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
/**
 * The recording is the stream's second reader: its batches go to the store (a network round trip each on a team
 * database), and bytes it has taken but not yet written are held in memory. Above this many the source is paused
 * too, so a store slower than the terminal slows the program instead of growing the backend. Several batches
 * (main/sessions/recording/recorder.ts) fit under it, so a store that keeps up never pauses anything.
 */
export const RECORDING_HIGH_WATERMARK_BYTES = 1024 * 1024;
/** Below this the recording lets the source run again: more than one batch can hold, so it never waits on a timer. */
export const RECORDING_LOW_WATERMARK_BYTES = 256 * 1024;

export interface Pausable {
  pause(): void;
  resume(): void;
}

/**
 * One source and several readers that may each hold it paused (the client and the recording): it runs only while
 * none of them does. Each call gives one reader's handle.
 */
export function pauseHandles(source: Pausable): () => Pausable {
  const holding = new Set<Pausable>();
  return () => {
    const handle: Pausable = {
      pause() {
        if (holding.size === 0) source.pause();
        holding.add(handle);
      },
      resume() {
        if (holding.delete(handle) && holding.size === 0) source.resume();
      },
    };
    return handle;
  };
}

export class FlowController {
  private unacknowledged = 0;
  private paused = false;

  constructor(
    private readonly source: Pausable,
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
