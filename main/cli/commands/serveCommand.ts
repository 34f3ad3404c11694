import { Command, InvalidArgumentError } from 'commander';
import { fileURLToPath } from 'node:url';
import { startBrowserServer } from '../../transport/browserServer.node.ts';
import type { CliIo } from '../cliOutput.ts';
import { openBackend } from '../openBackend.node.ts';

// dist/main/cli/commands/serveCommand.js -> dist/renderer/
const rendererDir = fileURLToPath(new URL('../../../renderer/', import.meta.url));

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('a port is 0-65535 (0 picks a free one)');
  return port;
}

export function serveCommand(io: CliIo): Command {
  return new Command('serve')
    .description(
      'Run Lotsen in your browser: a local server on 127.0.0.1 that only you can open (token in the printed URL).',
    )
    .option('--port <n>', 'port to listen on (default: a free one)', parsePort, 0)
    .option('--json', 'print the URL as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  lotsen serve --port 8765\n  Open the printed URL; the token in it is exchanged for a cookie on first load.',
    )
    .action(async (options: { port: number; json?: boolean }) => {
      // A locked passphrase store is served too: its lock screen takes the passphrase.
      const session = await openBackend(io, { unlock: 'if-possible' });
      try {
        const server = await startBrowserServer({
          api: session.api,
          backend: session.backend,
          staticDir: rendererDir,
          port: options.port,
          log: (line) => io.err(`${line}\n`),
        });
        io.out(
          options.json
            ? JSON.stringify({ url: server.url, port: server.port }) + '\n'
            : `Lotsen is running at ${server.url}\n`,
        );
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await server.close();
      } finally {
        // Locks the store, whether the server ran or could not start (a port in use).
        await session.close();
      }
    });
}
