import type { errorDetails as en } from '../../en/errorDetails.ts';
import type { Translation } from '../../translation.ts';
import { records } from './records.ts';
import { sessions } from './sessions.ts';
import { storage } from './storage.ts';
import { team } from './team.ts';

/** The backend's error details in Swedish, one file per part of main as in common/api/errorDetails/. */
export const errorDetails: Translation<typeof en> = { records, sessions, storage, team };
