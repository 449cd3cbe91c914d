import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UNIT_TYPES } from '../core';

/** One thing to check: a file found on disk, or standard input (`-`). */
export type UnitInput =
  | { kind: 'file'; /** As shown in reports. */ path: string; absolutePath: string }
  | { kind: 'stdin' };

export interface InputError {
  path: string;
  message: string;
}

export interface CollectedInputs {
  inputs: UnitInput[];
  /** Paths that do not exist or cannot be listed: the run fails with exit code 2. */
  errors: InputError[];
  /** Things worth telling that are not failures (broken links, empty folders). */
  notes: string[];
}

const TYPES = UNIT_TYPES.join('|');
const UNIT_NAME = new RegExp(`^.+\\.(?:${TYPES})(?:\\.in)?$`);
/** `foo.service.d`, `foo-.service.d` (prefix drop-ins) and `service.d` (drop-ins for every unit of a type). */
const DROP_IN_FOLDER = new RegExp(`^(?:.+\\.)?(?:${TYPES})\\.d$`);
/** Version-control folders hold no unit files worth checking and can be huge. */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['.git', '.hg', '.svn']);

/** Whether a file found while walking a folder is a unit file, a `.in` template or a drop-in. */
export function isUnitFileName(name: string, parentName: string): boolean {
  if (UNIT_NAME.test(name)) return true;
  return name.endsWith('.conf') && name.length > '.conf'.length && DROP_IN_FOLDER.test(parentName);
}

/**
 * Expands the command line's paths into the files to check, in order: a file
 * named on the command line is checked whatever its name; a folder is walked
 * recursively for unit files, in sorted order (by UTF-16 code units, so the
 * same on every machine). Symbolic links are followed, but each folder is
 * entered and each file checked once, so link loops end.
 */
export function collectInputs(paths: readonly string[], cwd: string): CollectedInputs {
  const result: CollectedInputs = { inputs: [], errors: [], notes: [] };
  const seenFiles = new Set<string>();
  const seenFolders = new Set<string>();
  let stdinSeen = false;

  const addFile = (path: string): void => {
    const absolutePath = resolve(cwd, path);
    const identity = realPath(absolutePath) ?? absolutePath;
    if (seenFiles.has(identity)) return;
    seenFiles.add(identity);
    result.inputs.push({ kind: 'file', path, absolutePath });
  };

  const walk = (folder: string): number => {
    const absolute = resolve(cwd, folder);
    const identity = realPath(absolute) ?? absolute;
    if (seenFolders.has(identity)) return 0;
    seenFolders.add(identity);
    let entries: Dirent[];
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      result.errors.push({ path: folder, message: describeError(error) });
      return 0;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const folderName = basename(absolute);
    let found = 0;
    for (const entry of entries) {
      const path = join(folder, entry.name);
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      // Links are followed; some file systems do not tell the type while listing.
      if (entry.isSymbolicLink() || (!isFolder && !isFile)) {
        const target = statOrError(resolve(cwd, path));
        if (target instanceof Error) {
          if (entry.isSymbolicLink() && isUnitFileName(entry.name, folderName)) result.notes.push(`skipping '${path}': ${describeError(target)}`);
          continue;
        }
        isFolder = target.isDirectory();
        isFile = target.isFile();
      }
      if (isFolder) {
        if (!SKIPPED_FOLDERS.has(entry.name)) found += walk(path);
      } else if (isFile && isUnitFileName(entry.name, folderName)) {
        addFile(path);
        found++;
      }
    }
    return found;
  };

  for (const path of paths) {
    if (path === '-') {
      if (!stdinSeen) result.inputs.push({ kind: 'stdin' });
      stdinSeen = true;
      continue;
    }
    const stat = statOrError(resolve(cwd, path));
    if (stat instanceof Error) {
      result.errors.push({ path, message: describeError(stat) });
    } else if (stat.isDirectory()) {
      if (walk(path) === 0) result.notes.push(`no unit files found under '${path}'`);
    } else {
      addFile(path);
    }
  }
  return result;
}

function statOrError(path: string): Stats | Error {
  try {
    return statSync(path);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

const ERROR_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many levels of symbolic links',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
};

/** A file-system error as a short phrase, without Node's `ENOENT: ..., stat 'x'` wrapping. */
export function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && ERROR_TEXT[code]) return ERROR_TEXT[code];
  if (code === 'ERR_FS_FILE_TOO_LARGE' || (error instanceof RangeError && /too large|Invalid string length/i.test(error.message))) {
    return 'file too large';
  }
  return error instanceof Error ? error.message : String(error);
}
