import { hostname } from 'node:os';

/** This process, as the owner of the sessions it runs (`host#pid`). */
export const SELF = `${hostname()}#${process.pid}`;

/**
 * Whether the process that owns a session still runs. A session from another machine (a store on a shared drive)
 * counts as alive: only its own machine can tell.
 */
export function ownerAlive(owner: string): boolean {
  if (owner === SELF) return true;
  const at = owner.lastIndexOf('#');
  if (owner.slice(0, at) !== hostname()) return true;
  try {
    process.kill(Number(owner.slice(at + 1)), 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
