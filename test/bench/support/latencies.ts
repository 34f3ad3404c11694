/** Durations in milliseconds, kept per name, read back as percentiles: what the team benches print. */
export class Latencies {
  private readonly samples = new Map<string, number[]>();

  add(name: string, ms: number): void {
    const list = this.samples.get(name);
    if (list) list.push(ms);
    else this.samples.set(name, [ms]);
  }

  /** Runs `work`, adding how long it took under `name` (whether it succeeded or threw). */
  async time<T>(name: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(name, performance.now() - started);
    }
  }

  names(): string[] {
    return [...this.samples.keys()];
  }

  /** Every sample of these names (all when none are given). */
  all(names: readonly string[] = this.names()): number[] {
    return names.flatMap((name) => this.samples.get(name) ?? []);
  }

  /** "p50 1.2 ms, p95 3.4 ms, p99 5.6 ms over 1,234 calls" */
  describe(names: readonly string[] = this.names(), points: readonly number[] = [50, 95, 99]): string {
    const list = this.all(names);
    return `${points.map((p) => `p${p} ${formatMs(percentile(list, p))}`).join(', ')} over ${list.length.toLocaleString('en')} calls`;
  }
}

/** The nearest-rank percentile (p in 0-100) of the samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function formatMs(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}
