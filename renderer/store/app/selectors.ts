import type { AppState } from './initialState.ts';

/** Which screen the app shows: `starting` until main has answered once. */
export const selectScreen = (s: AppState) => s.status?.state ?? 'starting';
export const selectLocalUser = (s: AppState) => s.status?.user ?? null;
/** Locked with a passphrase (ask for it) rather than the OS keychain (just press Unlock). */
export const selectNeedsPassphrase = (s: AppState) => s.status?.keyStore === 'passphrase';
export const selectConnectionLost = (s: AppState) => s.connection === 'reconnecting';
export const selectSessionEnded = (s: AppState) => s.sessionEnded;
export const selectStatusError = (s: AppState) => s.statusError;
