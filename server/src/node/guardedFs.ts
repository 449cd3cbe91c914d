/**
 * Every read, listing and write of a workspace's files goes through here. A cloned repository is
 * hostile input: its links may lead to /proc, /dev or a user's secrets, its "files" may be FIFOs or
 * devices, and a size from stat() means nothing for /proc. So a file is opened first and the open
 * descriptor is asked what it is (regular files only), it is read with a hard limit while reading,
 * and a link is followed only when its real target stays inside the folders being checked (a file
 * the user named on the command line is read wherever its links lead).
 *
 * The cost per file is open, fstat, read until end of file, close; a realpath only where a link
 * is involved, or for a folder below a root that no walk has met (remembered for the run).
 */
import {
  closeSync, constants, fchmodSync, fstatSync, lstatSync, mkdirSync, openSync, opendirSync, readSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, writeSync,
  type Dir, type Dirent, type Stats,
} from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';

/** A file refused by the guard; the message is a short phrase that never quotes the file. */
export class GuardError extends Error {
  constructor(message: string, readonly kind: 'not-regular' | 'too-large' | 'outside' | 'budget') {
    super(message);
  }
}

/** Settings files (.unitguardrc, security policies): 1 MiB is far more than any needs. */
export const SETTINGS_FILE_MAX_BYTES = 1024 * 1024;

/** Unit files: generous, so that an oversized file still reaches the parser and gets its diagnostic. */
export const UNIT_FILE_MAX_BYTES = 256 * 1024 * 1024;

/** What one command-line run may read in all (each file also has its own limit). */
export const RUN_MAX_BYTES = 1024 * 1024 * 1024;

/** The bytes a run may still read: one for each run of a command, shared by all it reads. */
export interface RunBudget {
  bytesLeft: number;
}

/** A new run's budget of RUN_MAX_BYTES. */
export function runBudget(): RunBudget {
  return { bytesLeft: RUN_MAX_BYTES };
}

function budgetSpent(): GuardError {
  return new GuardError(`the run has read its limit of ${formatBytes(RUN_MAX_BYTES)}`, 'budget');
}

/** Counts bytes that came from elsewhere than readGuarded (git's blobs) against the run's budget. */
export function chargeRun(budget: RunBudget | undefined, bytes: number): void {
  if (!budget) return;
  if (bytes > budget.bytesLeft) throw budgetSpent();
  budget.bytesLeft -= bytes;
}

/** What one folder walk may look at, files and folders together. */
export const WALK_MAX_ENTRIES = 100_000;

/** How deep a folder walk goes below a folder named: unit folders are a few levels deep. */
export const WALK_MAX_DEPTH = 64;

/** Folders whose files are the kernel's, not files: a walk never enters them. */
const KERNEL_FOLDERS = ['/proc', '/sys'];

/**
 * Where links may lead. `anywhere` is for what the user named on the command line; otherwise the
 * folders given (as written: their real paths are worked out when a link needs them).
 */
export class Scope {
  private readonly realRoots = new Map<string, string | null>();
  /** Real paths of folders below a root, worked out once per run. */
  private readonly realFolders = new Map<string, string | null>();

  private constructor(
    readonly roots: readonly string[],
    readonly anywhere: boolean,
    /** Bytes the run may still read (shared by the scopes of one run). */
    readonly budget: RunBudget | undefined,
  ) {}

  /** Links may lead anywhere: the file was named by the user. */
  static anywhere(budget?: RunBudget): Scope {
    return new Scope([], true, budget);
  }

  /** Links must stay inside these folders (absolute paths). */
  static within(roots: readonly string[], budget?: RunBudget): Scope {
    return new Scope([...roots], false, budget);
  }

  /** The root that holds `path` as written, if any. */
  rootOf(path: string): string | undefined {
    return this.roots.find((root) => isInside(path, root));
  }

  /** Whether a real path lies inside the real path of one of the roots. */
  holdsReal(real: string): boolean {
    if (this.anywhere) return true;
    for (const root of this.roots) {
      const rootReal = memoReal(this.realRoots, root);
      if (rootReal !== null && isInside(real, rootReal)) return true;
    }
    return false;
  }

  /** Whether the folder `folder` (as written) really lies inside a root: its links, if any, do not leave. */
  holdsFolder(folder: string): boolean {
    if (this.anywhere) return true;
    if (this.roots.includes(folder)) return true;
    if (this.rootOf(folder) === undefined) return false;
    const real = memoReal(this.realFolders, folder);
    return real !== null && this.holdsReal(real);
  }

  /** Remembers a folder's real path that a walk has worked out already. */
  knowFolder(folder: string, real: string): void {
    this.realFolders.set(folder, real);
  }

  /** A phrase naming the roots, for messages. */
  describe(): string {
    return this.roots.map((r) => `'${r}'`).join(', ');
  }
}

function memoReal(memo: Map<string, string | null>, path: string): string | null {
  let real = memo.get(path);
  if (real === undefined) {
    real = realPathOrNull(path);
    memo.set(path, real);
  }
  return real;
}

/** Whether `path` is `folder` or below it (both absolute, without trailing separators but the root's). */
export function isInside(path: string, folder: string): boolean {
  if (path === folder) return true;
  const prefix = folder.endsWith(sep) ? folder : folder + sep;
  return path.startsWith(prefix);
}

export function realPathOrNull(path: string): string | null {
  try {
    return realpathSync.native(path);
  } catch {
    return null;
  }
}

/** Whether a real path is the kernel's (/proc, /sys) rather than files. */
export function isKernelPath(real: string): boolean {
  return KERNEL_FOLDERS.some((folder) => isInside(real, folder));
}

const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0);
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Reads a regular file of at most `maxBytes`, as `scope` allows. Throws a GuardError (a FIFO, a
 * device, a folder, a socket; a file that grows past the limit while it is read; a link that
 * leaves the scope; the run's byte budget spent) or the file system's own error (ENOENT, ...).
 */
export function readGuarded(path: string, maxBytes: number, scope: Scope): Buffer {
  const fd = openInScope(path, scope);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new GuardError(`not a regular file (${fileKind(stat)})`, 'not-regular');
    const budget = scope.budget;
    const limit = budget ? Math.min(maxBytes, budget.bytesLeft) : maxBytes;
    // The size is a hint for the first buffer only: files in /proc say 0, others may grow.
    let buffer = Buffer.allocUnsafe(Math.min(limit, stat.size > 0 ? stat.size : 64 * 1024) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const bigger = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > limit) {
        if (budget && limit < maxBytes) throw budgetSpent();
        throw new GuardError(`larger than ${formatBytes(maxBytes)}`, 'too-large');
      }
    }
    if (budget) budget.bytesLeft -= length;
    return length === buffer.length ? buffer : buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens a file for reading: as written when its folder lies in the scope and it is no link; a
 * link only when its real target lies in the scope. FIFOs open without waiting for a writer.
 */
function openInScope(path: string, scope: Scope): number {
  if (scope.anywhere) return openSync(path, READ_FLAGS);
  if (!scope.holdsFolder(dirname(path))) throw outside(scope);
  try {
    return openSync(path, READ_FLAGS | NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOOP') throw error;
  }
  // The file is a link: follow it only into the scope.
  const real = realpathSync.native(path);
  if (!scope.holdsReal(real)) throw outside(scope);
  return openSync(real, READ_FLAGS | NOFOLLOW);
}

function outside(scope: Scope): GuardError {
  return new GuardError(`a link that leads outside ${scope.describe()}`, 'outside');
}

function fileKind(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

export function formatBytes(bytes: number): string {
  if (bytes % (1024 * 1024 * 1024) === 0) return `${bytes / (1024 * 1024 * 1024)} GiB`;
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  return `${bytes} bytes`;
}

/** What a folder entry is, without following a link. */
export type EntryKind = 'file' | 'folder' | 'link' | 'other';

export function entryKind(entry: Dirent): EntryKind | undefined {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'folder';
  if (entry.isSymbolicLink()) return 'link';
  // Some file systems do not tell the type while listing.
  if (entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice()) return 'other';
  return undefined;
}

/** A folder's entries (names and types, links not followed). */
export function listFolder(folder: string): Dirent[] {
  return readdirSync(folder, { withFileTypes: true });
}

/** A folder's entries, without blocking (the server's background walk). */
export function listFolderAsync(folder: string): Promise<Dirent[]> {
  return readdir(folder, { withFileTypes: true });
}

/**
 * The most names read from a drop-in folder: far more than any unit has. A folder of a hundred
 * thousand names took a check past a heap of 56 MB while it was listed, before any file was read.
 */
export const FOLDER_MAX_NAMES = 10_000;

/**
 * The names in a folder that lies in the scope; none when it does not, is missing or is no folder.
 * Read a few at a time, and past `maxNames` a GuardError ('too-large') says so.
 */
export function folderNames(folder: string, scope: Scope, maxNames: number = FOLDER_MAX_NAMES): string[] {
  let dir: Dir | undefined;
  try {
    const stat = lstatSync(folder, { throwIfNoEntry: false });
    if (!stat) return [];
    if (stat.isSymbolicLink()) {
      const real = realPathOrNull(folder);
      if (real === null || !scope.holdsReal(real)) return [];
    } else if (!stat.isDirectory() || !scope.holdsFolder(dirname(folder))) return [];
    dir = opendirSync(folder);
    const names: string[] = [];
    for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) {
      if (names.length === maxNames) {
        throw new GuardError(`too many files to check with its drop-ins: '${basename(folder)}' holds more than ${maxNames.toLocaleString('en-US')} names`, 'too-large');
      }
      names.push(entry.name);
    }
    return names;
  } catch (error) {
    if (error instanceof GuardError) throw error;
    return [];
  } finally {
    dir?.closeSync();
  }
}

/** Whether a path names something (no exception for a missing file: most asked for are missing). */
export function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** When a file last changed (through links), -1 when it cannot be asked: a cache key, nothing is read. */
export function modifiedMs(path: string): number {
  try {
    return statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  } catch {
    return -1;
  }
}

/**
 * Replaces a file's text, only when its real path lies in the scope (links resolved): a temporary
 * file in the same folder, with the file's mode, renamed over it. Throws a GuardError or the file
 * system's error; the file is then as it was.
 */
export function writeGuarded(path: string, data: string | Uint8Array, scope: Scope): void {
  if (scope.anywhere) throw new GuardError('no folder to write in', 'outside');
  const real = realpathSync.native(path);
  if (!scope.holdsReal(real) || isKernelPath(real)) throw outside(scope);
  const stat = lstatSync(real);
  if (!stat.isFile()) throw new GuardError(`not a regular file (${fileKind(stat)})`, 'not-regular');
  const folder = dirname(real);
  const temporary = join(folder, `.${basename(real)}.unitguard-${process.pid}-${Date.now().toString(36)}.tmp`);
  const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o600);
  let renamed = false;
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fchmodSync(fd, stat.mode & 0o7777);
    closeSync(fd);
    renameSync(temporary, real);
    renamed = true;
  } finally {
    if (!renamed) {
      try {
        closeSync(fd);
      } catch {
        // closed already
      }
      try {
        unlinkSync(temporary);
      } catch {
        // nothing to remove
      }
    }
  }
}

/**
 * Writes a file that may not exist yet (a new drop-in), only inside the scope: its folder is made
 * when missing, below a folder whose real path the scope holds, and a file already there (or a link
 * in its place) is replaced as writeGuarded replaces it. The new file is made without following a
 * link and with mode 0644.
 */
export function createGuarded(path: string, data: string, scope: Scope): void {
  if (scope.anywhere) throw new GuardError('no folder to write in', 'outside');
  if (lstatSync(path, { throwIfNoEntry: false })) return writeGuarded(path, data, scope);
  const folder = dirname(path);
  const existing = lstatSync(folder, { throwIfNoEntry: false });
  // A folder about to be made: its parent must be in the scope; one that is there (or a link) is resolved.
  const realParent = realpathSync.native(existing ? folder : dirname(folder));
  if (!scope.holdsReal(realParent) || isKernelPath(realParent)) throw outside(scope);
  if (!existing) mkdirSync(folder);
  const realFolder = realpathSync.native(folder);
  if (!scope.holdsReal(realFolder) || isKernelPath(realFolder)) throw outside(scope);
  const fd = openSync(join(realFolder, basename(path)), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o644);
  try {
    const bytes = Buffer.from(data, 'utf8');
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
  } finally {
    closeSync(fd);
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
  ENXIO: 'no such device or address',
  EINVAL: 'cannot be read as a file',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EXDEV: 'not on the same file system',
};

/** A file-system error as a short phrase, without Node's `ENOENT: ..., open 'x'` wrapping. */
export function describeError(error: unknown): string {
  if (error instanceof GuardError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && ERROR_TEXT[code]) return ERROR_TEXT[code];
  if (code === 'ERR_FS_FILE_TOO_LARGE' || (error instanceof RangeError && /too large|Invalid string length/i.test(error.message))) {
    return 'file too large';
  }
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}
