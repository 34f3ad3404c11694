import { readFileSync } from 'node:fs';

/** CPU time a stretch of work took, in ms (user and system). */
export interface CpuSpent {
  /** This process's main thread: Lotsen's event loop (vitest's forks pool runs a bench file on it). */
  eventLoopMs: number;
  /** Every other thread of the process: the recording writer, libuv's pool (crypto, fs), V8's helpers. */
  otherThreadsMs: number;
}

/**
 * Starts counting CPU time; the returned function says how much has been spent since. CPU time depends less than a
 * run's duration on what else the machine is doing, though not nothing (caches, and the work a pause or a resume costs
 * changes with how often they come): 800-1,380 ms of the event loop's a run at loads of 5-20 for one build.
 */
export function cpuMeter(): () => CpuSpent {
  const loop = eventLoopMs();
  const all = processMs();
  return () => {
    const eventLoop = eventLoopMs() - loop;
    return { eventLoopMs: eventLoop, otherThreadsMs: processMs() - all - eventLoop };
  };
}

function processMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The main thread's utime and stime from Linux's /proc (in clock ticks of 10 ms), as ms. */
function eventLoopMs(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  // After the command name (which may hold spaces) come the fields from the third, `state`: utime is the 14th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
