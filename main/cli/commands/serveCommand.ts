import { Command, InvalidArgumentError } from 'commander';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../cliOutput.ts';
import { openBackend } from '../lazyBackend.ts';
import { commandSummaries } from '../commandSummaries.ts';

// The CLI runs bundled (scripts/bundle-cli.mjs), this command in a chunk beside the entry: dist/cli/ -> dist/renderer/
const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));

const NEW_LINK_HINT = 'Press Enter here for a new link.';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('a port is 0-65535 (0 picks a free one)');
  return port;
}

export function serveCommand(io: CliIo): Command {
  return new Command('serve')
    .description(commandSummaries.serve.description)
    .option('--port <n>', 'port to listen on (default: a free one)', parsePort, 0)
    .option('--json', 'print each link as a JSON line')
    .addHelpText(
      'after',
      [
        '',
        'Example:',
        '  lotsen serve --port 8765',
        '  Open the printed link. It works once: it opens one browser session, which ends after 30 minutes',
        '  without activity or when Lotsen is locked. Press Enter in this terminal for a new link.',
      ].join('\n'),
    )
    .action(async (options: { port: number; json?: boolean }) => {
      // A locked passphrase store is served too: its lock screen takes the passphrase.
      const [{ startBrowserServer }, { followStoreChanges }] = await Promise.all([
        import('../../transport/browserServer.node.ts'),
        import('../../store/changeFeed/followStoreChanges.node.ts'),
      ]);
      const session = await openBackend(io, { unlock: 'if-possible', hostsSessions: true });
      // What other members (or the CLI, on this folder) change shows up in the open page (docs/live-updates.md).
      followStoreChanges(session.backend);
      try {
        const server = await startBrowserServer({
          api: session.api,
          backend: session.backend,
          staticDir: rendererDir,
          port: options.port,
          log: (line) => io.err(`${line}\n`),
          onSessionEnded: (reason) => io.err(`lotsen serve: ${reason} ${NEW_LINK_HINT}\n`),
        });
        const printLink = (url: string, first: boolean) =>
          io.out(
            options.json
              ? JSON.stringify({ url, port: server.port }) + '\n'
              : `${first ? 'Lotsen is running at' : 'New link (works once):'} ${url}\n`,
          );
        printLink(server.url, true);
        io.err(`The link works once: it opens one browser session. ${NEW_LINK_HINT}\n`);
        const enterPressed = createInterface({ input: process.stdin });
        enterPressed.on('line', () => printLink(server.newLink(), false));
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        enterPressed.close();
        await server.close();
      } finally {
        // Locks the store, whether the server ran or could not start (a port in use).
        await session.close();
      }
    });
}
