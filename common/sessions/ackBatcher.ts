/*
 * The client's half of terminal flow control (the backend's half is main/sessions/terminal/flowControl.ts): runtime-
 * neutral, so the renderer's terminal and the Node tests use the same code.
 */

/**
 * How many drawn bytes a client gathers before it acknowledges them. Must not exceed the low watermark: a client
 * holding back more than that could leave the count above it forever, and the source would never resume.
 */
export const FLOW_ACK_SIZE_BYTES = 5_000;

/**
 * The client's half, as VS Code's terminal does with xterm.js: call `drawn` from the terminal's write callback (the
 * bytes have been parsed onto the screen), and it acknowledges in steps of `ackSize` rather than per chunk.
 */
export class AckBatcher {
  private unsent = 0;

  constructor(
    private readonly sendAck: (bytes: number) => void,
    private readonly ackSize = FLOW_ACK_SIZE_BYTES,
  ) {}

  drawn(bytes: number): void {
    this.unsent += bytes;
    if (this.unsent >= this.ackSize) {
      const bytesToAck = this.unsent;
      this.unsent = 0;
      this.sendAck(bytesToAck);
    }
  }
}
