import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The environment that runs a child process (a real `lotsen`) on a clock shifted from the real one by `offsetMs`:
 * libfaketime preloaded into the process itself (not through the `faketime` wrapper, which forks and does not pass
 * SIGTERM on, so stopping it would leave the process running). A fixed offset, so the test knows the child's time
 * exactly; monotonic clocks stay real, or Node's timers would jump.
 */
export function shiftedClockEnv(offsetMs: number): NodeJS.ProcessEnv {
  const sign = offsetMs < 0 ? '-' : '+';
  return {
    LD_PRELOAD: libfaketime(),
    FAKETIME: `${sign}${(Math.abs(offsetMs) / 1000).toFixed(3)}`,
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
  };
}

function libfaketime(): string {
  // Debian puts it under the architecture's multiarch folder.
  const candidates = readdirSync('/usr/lib').map((dir) =>
    join('/usr/lib', dir, 'faketime', 'libfaketime.so.1'),
  );
  const found = candidates.find((path) => existsSync(path));
  if (!found)
    throw new Error('libfaketime is not installed (scripts/setup.sh installs the faketime package)');
  return found;
}
