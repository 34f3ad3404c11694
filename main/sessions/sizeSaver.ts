export interface TerminalSize {
  cols: number;
  rows: number;
}

/**
 * Keeps a live session's terminal size in the store without a write per resize (dragging a window sends dozens a
 * second): the newest size is written at most once per interval, and the session's end takes what is still unwritten.
 */
export class SizeSaver {
  private unsaved: TerminalSize | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ended = false;

  constructor(
    private readonly save: (size: TerminalSize) => Promise<void>,
    private readonly intervalMs: number,
  ) {}

  set(size: TerminalSize): void {
    if (this.ended) return;
    this.unsaved = size;
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => this.saveNow(), this.intervalMs);
    this.timer.unref?.();
  }

  /** The size not written yet, for the caller to write with the session's end; nothing is written after this. */
  take(): TerminalSize | null {
    this.ended = true;
    clearTimeout(this.timer);
    const size = this.unsaved;
    this.unsaved = null;
    return size;
  }

  private saveNow(): void {
    this.timer = undefined;
    const size = this.unsaved;
    if (size === null) return;
    this.unsaved = null;
    this.save(size).catch(() => console.error("lotsen: could not keep a session's terminal size"));
  }
}
