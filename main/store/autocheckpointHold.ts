import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * Holds off a connection's automatic checkpoints while another connection to the same file has taken them over (the
 * recording writer's worker, main/sessions/recording/recordingWriter.node.ts), and gives the connection its own
 * setting back after. Without it, the log the other connection wrote is checkpointed by whichever commit of this one
 * comes next: some 90 MB for a 64 MiB session, on the event loop, at the next audit event.
 */
export class AutocheckpointHold {
  /** The connection's own setting (pages), while held; null while not. */
  private restore: number | null = null;

  constructor(private readonly connection: Database.Database) {}

  hold(): void {
    if (this.restore !== null || !this.connection.open) return;
    this.restore = this.connection.pragma('wal_autocheckpoint', { simple: true }) as number;
    this.connection.pragma('wal_autocheckpoint = 0');
  }

  release(): void {
    if (this.restore === null) return;
    // A store that closed first has nothing left to restore.
    if (this.connection.open) this.connection.pragma(`wal_autocheckpoint = ${this.restore}`);
    this.restore = null;
  }
}
