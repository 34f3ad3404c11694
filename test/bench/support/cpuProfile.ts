import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * A CPU profile of this process, as `node --cpu-prof` writes one (vitest's bench worker cannot be given the flag):
 * started before the runs it should cover, stopped and written to `file` (open it in Chrome's DevTools) at the end,
 * with the functions that took the most time printed, so a bench's note can name where its time goes.
 */
export class CpuProfile {
  private session: Session | undefined;

  constructor(private readonly file: string) {}

  async start(): Promise<void> {
    if (this.session) return;
    this.session = new Session();
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.start');
  }

  /** Writes the profile and returns its summary: the top `count` functions by their own time, and the total. */
  async stop(count = 12): Promise<string> {
    if (!this.session) return '';
    const { profile } = (await this.session.post('Profiler.stop')) as unknown as { profile: Profile };
    this.session.disconnect();
    this.session = undefined;
    await writeFile(this.file, JSON.stringify(profile));
    return `CPU profile: ${this.file}\n${summarise(profile, count)}`;
  }
}

function summarise(profile: Profile, count: number): string {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const own = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    total += micros;
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    // Native functions have no file: better-sqlite3's `run` (a statement, a commit) is named as SQLite's.
    const where = url === '' ? 'native' : `${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    const key = `${functionName || '(anonymous)'} ${where}`;
    own.set(key, (own.get(key) ?? 0) + micros);
  });
  return [...own.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, micros]) => `  ${((micros / total) * 100).toFixed(1).padStart(5)}% ${key}`)
    .concat(`  of ${(total / 1e6).toFixed(1)} s sampled`)
    .join('\n');
}
