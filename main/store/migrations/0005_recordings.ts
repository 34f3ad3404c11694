import type { Kysely, Migration } from 'kysely';

export const migration0005Recordings: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('recordings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('started_at', 'integer', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      // The asciicast v2 header line exactly as exported, so an export is the header plus the chunks, verbatim.
      .addColumn('header', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'integer')
      .addColumn('bytes', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // Output is stored in batches of asciicast event lines, not a row per pty read (those can be a few bytes each).
    await db.schema
      .createTable('recording_chunks')
      .addColumn('recording_id', 'text', (c) => c.notNull().references('recordings.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      /** When the batch's first event happened, in ms since the recording started (for seeking in playback). */
      .addColumn('offset_ms', 'integer', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('recording_chunks_pk', ['recording_id', 'seq'])
      .execute();
  },
};
