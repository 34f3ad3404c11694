/**
 * The newest migration's name (index.ts's last key; a test checks they agree). A store whose own newest is this one is
 * up to date, so opening it loads no migration (issue 17: a command that starts at once); any other needs the
 * migrator, which loads them all.
 */
export const LATEST_MIGRATION = '0033_recording_chunks_file';
