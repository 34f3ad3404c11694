/**
 * Details of the vault, the store, start-up, backups and the API boundary, in English (see ./index.ts). The key
 * names the situation, not the code it goes with.
 */
export const storage = {
  storeAlreadyThere: '{{folder}} already holds a Lotsen store.',
  storeWithoutConfig:
    '{{file}} exists but lotsen.json does not. Restore lotsen.json, or move the database away to start afresh.',
  storeMissing:
    'The store {{file}} is missing. Lotsen did not make a new, empty one in its place and changed nothing: put the file back if it was moved, or restore a backup with `lotsen restore FILE` (docs/cli.md).',
  storeEmpty:
    'The store {{file}} is empty (0 bytes): its contents are gone. Lotsen did not start a new, empty store over it and changed nothing: restore a backup with `lotsen restore FILE` (docs/cli.md).',
  storeDamaged:
    'The store is damaged: part of it cannot be read (it was cut short, overwritten or corrupted). Nothing was changed. Run `lotsen doctor` for details, then restore a backup with `lotsen restore FILE` (docs/cli.md). Keep the damaged file until the restored store checks out.',
  storeFileDamaged:
    'The store {{file}} is damaged: part of it cannot be read (it was cut short, overwritten or corrupted). Nothing was changed. Run `lotsen doctor` for details, then restore a backup with `lotsen restore FILE` (docs/cli.md). Keep the damaged file until the restored store checks out.',
  storeUnreadable:
    'The store could not be read: the disk reported an error. Nothing was changed. Run `lotsen doctor` for details, then restore a backup with `lotsen restore FILE` (docs/cli.md). Keep the damaged file until the restored store checks out.',
  storeFileUnreadable:
    'The store {{file}} could not be read: the disk reported an error. Nothing was changed. Run `lotsen doctor` for details, then restore a backup with `lotsen restore FILE` (docs/cli.md). Keep the damaged file until the restored store checks out.',
  storeBusy: 'Another Lotsen was writing to the store at the same moment, so this was not done; try again.',

  staleSaveByYou:
    'You changed this {{staleRecord}} (in another window or with the CLI) while you had it open. Nothing was saved: compare what is stored now with what you typed, choose, and save again.',
  staleSaveByYouToday:
    'You changed this {{staleRecord}} at {{time}} (in another window or with the CLI) while you had it open. Nothing was saved: compare what is stored now with what you typed, choose, and save again.',
  staleSaveByYouOnDay:
    'You changed this {{staleRecord}} on {{changedOn}} at {{time}} (in another window or with the CLI) while you had it open. Nothing was saved: compare what is stored now with what you typed, choose, and save again.',
  staleSaveBy:
    '{{who}} changed this {{staleRecord}} while you had it open. Nothing was saved: compare what is stored now with what you typed, choose, and save again.',
  staleSaveByToday:
    '{{who}} changed this {{staleRecord}} at {{time}} while you had it open. Nothing was saved: compare what is stored now with what you typed, choose, and save again.',
  staleSaveByOnDay:
    '{{who}} changed this {{staleRecord}} on {{changedOn}} at {{time}} while you had it open. Nothing was saved: compare what is stored now with what you typed, choose, and save again.',
  staleSaveBySomeone:
    'Someone changed this {{staleRecord}} while you had it open. Nothing was saved: compare what is stored now with what you typed, choose, and save again.',
  staleSaveBySomeoneToday:
    'Someone changed this {{staleRecord}} at {{time}} while you had it open. Nothing was saved: compare what is stored now with what you typed, choose, and save again.',
  staleSaveBySomeoneOnDay:
    'Someone changed this {{staleRecord}} on {{changedOn}} at {{time}} while you had it open. Nothing was saved: compare what is stored now with what you typed, choose, and save again.',
  openedVersionNeeded: 'Saving a record that exists needs the version it was opened at.',

  exportFolderMissing: 'The folder {{folder}} does not exist; nothing was exported.',
  exportTargetExists: '{{path}} exists already; nothing was exported.',

  backupFileMissing: '{{file}} does not exist or is not a file.',
  notABackup: '{{file}} is not a Lotsen backup (made by `lotsen backup`); nothing was restored.',
  backupCutShort:
    '{{file}} is damaged: it holds {{size}} bytes where the backup wrote {{expected}} (it was cut short); nothing was restored.',
  backupWrongSize:
    '{{file}} is damaged: it holds {{size}} bytes where the backup wrote {{expected}}; nothing was restored.',
  backupChecksumMismatch:
    '{{file}} is damaged: its database does not match the checksum the backup wrote; nothing was restored.',
  backupAltered: '{{file}} was altered after it was made: its seal does not match. Nothing was restored.',
  backupWithoutUser: '{{file}} holds no Lotsen user: it is not a complete store. Nothing was restored.',
  backupAuditMismatch:
    'The audit log in {{file}} does not match the head the backup recorded (from event {{seq}} on). Nothing was restored.',
  restoreTargetNotEmpty:
    '{{folder}} is not empty: a backup is restored only into an empty or new data folder (set LOTSEN_HOME to another). Nothing was restored.',

  keychainHoldsNoKey:
    'The OS keychain holds no database key for {{folder}}. Restore the keychain entry, or the data cannot be opened.',
  keyFileMissing: 'Cannot read the key file {{file}}: it does not exist.',
  keyFileNotLotsen: 'Cannot read the key file {{file}}: it is not a Lotsen key file.',
  secretKeyDestroyed: 'The key of this secret has been destroyed.',
  totpSeedUnusable: 'The stored TOTP seed cannot be used; store it again.',

  fieldsNotValid_one: 'One field is not valid.',
  fieldsNotValid_other: '{{count}} fields are not valid.',
  onlyRolesMayDo: 'Only {{roles}} may do this ({{method}}); you are {{yourRole}}.',
  onlyRolesMayOverride: 'Only {{roles}} may make an eligibility override ({{method}}); you are {{yourRole}}.',
  onlyRolesMayMakeException:
    'Only {{roles}} may make an escalation outside the agreement (an exception) ({{method}}); you are {{yourRole}}.',
  needsAdminRightToo:
    'This needs the admin right as well as the {{roles}} role ({{method}}); ask a team admin.',
} as const;
