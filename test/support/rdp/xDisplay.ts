import { spawn, type ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface XDisplay {
  /** `:N` */
  display: string;
  process: ChildProcess;
  /** The whole screen as an XWD image (xwd -root). */
  screenshot(): Promise<Buffer>;
  stop(): Promise<void>;
}

/**
 * Starts an X server (Xvfb, or Xvnc with its own arguments) on the first free display number, which the server itself
 * picks and reports (`-displayfd`), so parallel test files never collide on a number.
 */
export async function startX(program: 'Xvfb' | 'Xvnc', args: string[]): Promise<XDisplay> {
  const child = spawn(program, ['-displayfd', '3', '-nolisten', 'tcp', ...args], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4_000)));
  const number = await new Promise<string>((resolve, reject) => {
    let text = '';
    const fd = child.stdio[3] as NodeJS.ReadableStream;
    fd.setEncoding('utf8');
    fd.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n')) resolve(text.trim());
    });
    child.once('exit', (code) =>
      reject(new Error(`${program} ended (${code}) before it was ready: ${stderr}`)),
    );
    setTimeout(() => reject(new Error(`${program} was not ready in 15 s: ${stderr}`)), 15_000).unref();
  });
  const display = `:${number}`;
  return {
    display,
    process: child,
    async screenshot() {
      const { stdout } = await run('xwd', ['-root', '-silent', '-display', display], {
        encoding: 'buffer',
        maxBuffer: 64 * 1024 * 1024,
      });
      return stdout;
    },
    stop: () => stopProcess(child),
  };
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
