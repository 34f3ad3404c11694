import { chmod, lstat, mkdir, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/*
 * The data folder holds the encrypted store, the wrapped key and, in the desktop app, Chromium's profile: it is its
 * user's alone. Owner-only means no permission bits for group or others (a folder 0700, a file 0600). Windows has no
 * such bits (chmod there only sets read-only); the profile folder's ACL keeps other users out instead.
 */
const GROUP_AND_OTHERS = 0o077;
const modesApply = process.platform !== 'win32';

/** Creates the folder owner-only, or takes group and others off one that exists (Electron makes its own 0755). */
export async function makeOwnerOnlyFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await tightenToOwnerOnly(dir);
}

/** Takes group and others' bits off each path that has any; absent paths are skipped. */
export async function tightenToOwnerOnly(...paths: string[]): Promise<void> {
  if (!modesApply) return;
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info && info.mode & GROUP_AND_OTHERS) {
      await chmod(path, info.mode & 0o777 & ~GROUP_AND_OTHERS);
    }
  }
}

export interface ModeFinding {
  /** Relative to the data folder; '.' is the folder itself. */
  path: string;
  kind: 'folder' | 'file';
  /** The permission bits found, e.g. 0o644. */
  mode: number;
  /** The bits after repair; null when not repaired (not asked, or the change failed). */
  repairedTo: number | null;
  /** Why the repair failed (e.g. the file belongs to another user). */
  error?: string;
}

export interface ModeReport {
  /** Modes apply on this system (not on Windows). */
  applies: boolean;
  folders: number;
  files: number;
  findings: ModeFinding[];
}

/**
 * Every folder and regular file under the data folder, the folder too, that others can reach; with `repair`, each
 * is made owner-only. Symbolic links inside are never followed or changed (chmod would change what they point to);
 * the data folder itself may be one.
 */
export async function checkOwnerOnly(dataDir: string, options: { repair: boolean }): Promise<ModeReport> {
  const report: ModeReport = { applies: modesApply, folders: 0, files: 0, findings: [] };
  if (!modesApply) return report;
  const visit = async (path: string): Promise<void> => {
    const info = path === dataDir ? await stat(path) : await lstat(path);
    const kind = info.isDirectory() ? 'folder' : info.isFile() ? 'file' : null;
    if (kind === null) return;
    report[kind === 'folder' ? 'folders' : 'files'] += 1;
    const mode = info.mode & 0o777;
    if (mode & GROUP_AND_OTHERS) {
      const finding: ModeFinding = { path: relative(dataDir, path) || '.', kind, mode, repairedTo: null };
      if (options.repair) {
        const tightened = mode & ~GROUP_AND_OTHERS;
        try {
          await chmod(path, tightened);
          finding.repairedTo = tightened;
        } catch (error) {
          finding.error = (error as NodeJS.ErrnoException).code ?? 'failed';
        }
      }
      report.findings.push(finding);
    }
    if (kind === 'folder') {
      for (const entry of (await readdir(path)).sort()) await visit(join(path, entry));
    }
  };
  await visit(dataDir);
  return report;
}

export const formatMode = (mode: number): string => `0${mode.toString(8).padStart(3, '0')}`;
