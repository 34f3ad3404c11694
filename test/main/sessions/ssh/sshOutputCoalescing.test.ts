import { afterAll, beforeAll, expect, test } from 'vitest';
import { connectSsh, type SshConnection } from '../../../../main/sessions/ssh/sshConnection.node.ts';
import { SSH_PACKET_BYTES, streamSource } from '../../../../main/sessions/terminal/streamSource.ts';
import { connectTerminal } from '../../../../main/sessions/terminal/terminalStream.ts';
import { startSshd, type SshdFixture } from '../../../support/sshd/sshdFixture.ts';

/*
 * An SSH shell's output is sent on in fewer, larger chunks (issue 17's session throughput): sshd sends each read of
 * the remote pty as a packet of its own, a few KB each, and each chunk sent alone costs a frame, an acknowledgement
 * and an event line of the recording. No chunk is larger than one packet can be, so the flow-control bound stays the
 * high watermark plus one packet. Output after a quiet moment still goes at once. A real sshd and shell.
 */
let sshd: SshdFixture;
let connection: SshConnection;
beforeAll(async () => {
  sshd = await startSshd();
  connection = await connectSsh({
    hops: [
      {
        host: sshd.host,
        port: sshd.port,
        username: sshd.username,
        auth: { kind: 'password', password: sshd.password },
      },
    ],
    verifyHostKey: async () => true,
  });
});
afterAll(async () => {
  connection?.close();
  await sshd?.stop();
});

interface Observed {
  /** What the SSH channel handed over, chunk by chunk. */
  packets: Buffer[];
  sent: Uint8Array[];
  /** The chunks sent from within the channel's own data event (not held for later). */
  sentAtOnce: Set<Uint8Array>;
}

/** Runs `command` in a shell on the connection, as a session does, to a client that acknowledges at once. */
async function observe(command: string): Promise<Observed> {
  const shell = await connection.openShell({ cols: 80, rows: 24 });
  const observed: Observed = { packets: [], sent: [], sentAtOnce: new Set() };
  let inPacket = false;
  // Listens before the terminal stream does, so it sees each packet first and the stream's sends happen inside it.
  shell.on('data', (chunk: Buffer) => {
    observed.packets.push(chunk);
    inPacket = true;
    setImmediate(() => (inPacket = false));
  });
  const source = streamSource(shell, { coalesceOutput: true });
  return new Promise((resolve) => {
    const stream = connectTerminal(source, {
      output: (bytes) => {
        observed.sent.push(bytes);
        if (inPacket) observed.sentAtOnce.add(bytes);
        stream.ack(bytes.length);
      },
      exit: () => resolve(observed),
    });
    stream.input(`${command}; exit\n`);
  });
}

test("a shell's burst of output reaches the client whole, in far fewer chunks than sshd's packets, none over a packet", async () => {
  const observed = await observe(`yes 'rad: Åsa i Växjö 0123456789' | head -c ${4 * 2 ** 20}`);
  const received = Buffer.concat(observed.sent);
  expect(received.equals(Buffer.concat(observed.packets))).toBe(true);
  expect(received.length).toBeGreaterThan(4 * 2 ** 20);
  expect(observed.packets.length).toBeGreaterThan(received.length / SSH_PACKET_BYTES);
  expect(observed.sent.length * 4).toBeLessThan(observed.packets.length);
  // A character cut by a packet's end is carried into the next chunk: up to 3 bytes over.
  for (const chunk of observed.sent) expect(chunk.length).toBeLessThanOrEqual(SSH_PACKET_BYTES + 3);
}, 60_000);

test('output after a quiet moment (an echo) is sent at once, not held', async () => {
  // The shell's prompt and the typed line's echo come first; the marks come alone, a moment apart.
  const observed = await observe(
    'stty -echo; sleep 0.2; for i in 1 2 3 4 5; do printf "<$i>"; sleep 0.1; done',
  );
  expect(Buffer.concat(observed.sent).toString()).toContain('<1><2><3><4><5>');
  const marks = observed.sent.filter((chunk) => /^<\d>$/.test(Buffer.from(chunk).toString()));
  expect(marks).toHaveLength(5);
  for (const mark of marks) expect(observed.sentAtOnce.has(mark)).toBe(true);
}, 30_000);
