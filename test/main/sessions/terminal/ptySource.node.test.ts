import { expect, test } from 'vitest';
import { defaultShell, spawnPty } from '../../../../main/sessions/terminal/ptySource.node.ts';
import { connectTerminal } from '../../../../main/sessions/terminal/terminalStream.ts';
import { runInPty } from './ptyRun.ts';

test('a real pty runs a program and its Swedish output arrives as the exact bytes', async () => {
  const output = await runInPty(`printf 'Växjö åäö ÅÄÖ – 😀\\n'; echo 'Örebro €'`);
  // The pty's line discipline turns \n into \r\n, as a terminal shows it.
  expect(output.equals(Buffer.from('Växjö åäö ÅÄÖ – 😀\r\nÖrebro €\r\n', 'utf8'))).toBe(true);
});

test('the pty starts with the size it was given and takes a new one', async () => {
  const source = spawnPty({
    file: '/bin/sh',
    args: ['-c', 'stty size; read line; stty size'],
    cols: 80,
    rows: 24,
  });
  let text = '';
  const exited = new Promise<void>((resolve) => {
    const stream = connectTerminal(source, {
      output: (bytes) => {
        text += Buffer.from(bytes).toString('utf8');
        stream.ack(bytes.length);
        if (text.includes('24 80') && !text.includes('go')) {
          stream.resize(132, 40);
          stream.input('go\r');
        }
      },
      exit: () => resolve(),
    });
  });
  await exited;
  expect(text).toMatch(/^24 80\r\n/);
  expect(text).toMatch(/go\r\n40 132\r\n$/);
});

test('a resize that arrives after the program ended is no error (the window can change as the shell exits)', async () => {
  const source = spawnPty({ file: '/bin/sh', args: ['-c', 'exit 0'], cols: 80, rows: 24 });
  await new Promise<void>((resolve) => source.onExit(() => resolve()));
  expect(() => source.resize(100, 30)).not.toThrow();
});

test('the default program is the user shell, or the platform shell on Windows', () => {
  expect(defaultShell({ SHELL: '/usr/bin/zsh' }, 'linux')).toBe('/usr/bin/zsh');
  expect(defaultShell({}, 'linux')).toBe('/bin/bash');
  expect(defaultShell({ COMSPEC: 'C:\\Windows\\system32\\cmd.exe' }, 'win32')).toBe(
    'C:\\Windows\\system32\\cmd.exe',
  );
  expect(defaultShell({}, 'win32')).toBe('powershell.exe');
});

test('a program whose last output waits behind a paused stream when it ends still delivers it', async () => {
  // node-pty drops a paused socket 200 ms after its program ends; this client stalls for a whole second first.
  // (Sizes within the pty's 4 KiB line-discipline buffer: beyond it node-pty loses the tail of a program that ends
  // before it is read even with no pause at all, e.g. behind a busy event loop; see ptySource.node.ts.)
  for (const size of [1_500, 4_000]) {
    let held = 0;
    const output = await runInPty(`stty raw -echo; head -c ${size} /dev/zero | tr '\\0' x`, {
      flow: { highWatermarkBytes: 1_000, lowWatermarkBytes: 100 },
      client: (bytes, stream) => {
        held += bytes.length;
        if (held === bytes.length) {
          setTimeout(() => {
            stream.ack(held);
            held = 0;
          }, 1_000);
        }
      },
    });
    expect(output.length, `${size} bytes`).toBe(size);
  }
}, 30_000);
