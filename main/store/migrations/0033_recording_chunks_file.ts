import { sql, type Kysely, type Migration } from 'kysely';
import { storeDialect } from '../dialect.ts';
import { RECORDING_FILE_SCHEMA } from '../recordingChunksFile.node.ts';

/**
 * Issue 17: the embedded store's recorded batches move out of lotsen.db's encrypted pages into the recordings' file
 * beside it (recordingChunksFile.node.ts says why and what that file shows). The file is attached, with its table,
 * before any migration runs; here the batches an older store holds are copied into it and the table in `main` is
 * dropped (its pages zeroed: `secure_delete`), after which `recording_chunks` names the attached one. A team
 * database keeps its table.
 */
export const migration0033RecordingChunksFile: Migration = {
  async up(db: Kysely<unknown>) {
    if (storeDialect(db) !== 'sqlite') return;
    await sql`INSERT INTO ${sql.raw(RECORDING_FILE_SCHEMA)}.recording_chunks (recording_id, seq, offset_ms, data)
      SELECT recording_id, seq, offset_ms, data FROM main.recording_chunks`.execute(db);
    await sql`DROP TABLE main.recording_chunks`.execute(db);
  },
};
