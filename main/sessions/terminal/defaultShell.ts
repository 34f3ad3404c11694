// Apart from ptySource.node.ts so that naming a session (sessionTitle.ts) does not load node-pty (issue 17).
export function defaultShell(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return env.COMSPEC || 'powershell.exe';
  return env.SHELL || '/bin/bash';
}
