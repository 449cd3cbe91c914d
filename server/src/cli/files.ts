import { statSync, type Stats } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UNIT_TYPES } from '../core';
import { entryKind, isKernelPath, listFolder, realPathOrNull, Scope, WALK_MAX_DEPTH, WALK_MAX_ENTRIES, type EntryKind, type RunBudget } from '../node/guardedFs';
import { describeError } from '../node/guardedFs';
import { unitFolderOf } from '../node/unitFiles';

export { describeError };

/** One thing to check: a file found on disk, or standard input (`-`). */
export type UnitInput =
  | {
      kind: 'file';
      /** As shown in reports. */ path: string;
      absolutePath: string;
      /** The folder named on the command line that holds it (for a named file, its own folder): links stay inside it. */
      root: string;
      /** Named on the command line: its own links are followed wherever they lead. */
      named: boolean;
    }
  | { kind: 'stdin' };

export interface InputError {
  path: string;
  message: string;
}

export interface CollectedInputs {
  inputs: UnitInput[];
  /** Paths that do not exist or cannot be listed, and walks that hit their limit: the run fails with exit code 2. */
  errors: InputError[];
  /** Things worth telling that are not failures (broken links, links that leave the folder, empty folders). */
  notes: string[];
  /** One scope per folder named (and per named file's folder), sharing the run's byte budget. */
  scopes: Map<string, Scope>;
}

export interface WalkLimits {
  /** Files and folders a run's walks may look at in all. */
  maxEntries: number;
  /** How many folders deep below a folder named a walk goes (default WALK_MAX_DEPTH). */
  maxDepth?: number;
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
 * Expands the command line's paths into the files to check, in order: a file named on the command
 * line is checked whatever its name; a folder is walked recursively for unit files, in sorted order
 * (by UTF-16 code units, so the same on every machine). The walk never leaves the folder named: a
 * link is followed only when its real target lies inside it (each folder entered and each file
 * checked once, so link loops end); FIFOs, devices and sockets are passed over, /proc and /sys never
 * entered, folders more than `limits.maxDepth` deep are passed over with a note, and the walk ends,
 * as an error, after `limits.maxEntries` files and folders.
 *
 * The real path of a folder or file that is no link is its folder's real path and its name: only
 * links are resolved. Resolving every folder took time in its depth, and a deep tree's walk time
 * in the square of it (a file under 5,000 folders: two minutes).
 */
export function collectInputs(paths: readonly string[], cwd: string, limits: WalkLimits = { maxEntries: WALK_MAX_ENTRIES }, budget?: RunBudget): CollectedInputs {
  const maxDepth = limits.maxDepth ?? WALK_MAX_DEPTH;
  const result: CollectedInputs = { inputs: [], errors: [], notes: [], scopes: new Map() };
  const seenFiles = new Set<string>();
  const seenFolders = new Set<string>();
  let stdinSeen = false;
  let entriesLeft = limits.maxEntries;
  let stopped = false;

  const scopeOf = (root: string): Scope => {
    let scope = result.scopes.get(root);
    if (!scope) result.scopes.set(root, (scope = Scope.within([root], budget)));
    return scope;
  };

  const addFile = (path: string, root: string, named: boolean, real?: string): void => {
    const absolutePath = resolve(cwd, path);
    const identity = real ?? realPathOrNull(absolutePath) ?? absolutePath;
    if (seenFiles.has(identity)) return;
    seenFiles.add(identity);
    scopeOf(root);
    result.inputs.push({ kind: 'file', path, absolutePath, root, named });
  };

  const walk = (folder: string, root: string, shownRoot: string, scope: Scope, real: string, depth: number): number => {
    if (seenFolders.has(real)) return 0;
    seenFolders.add(real);
    const absolute = resolve(cwd, folder);
    scope.knowFolder(absolute, real);
    let entries;
    try {
      entries = listFolder(absolute);
    } catch (error) {
      result.errors.push({ path: folder, message: describeError(error) });
      return 0;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const folderName = basename(absolute);
    let found = 0;
    for (const entry of entries) {
      if (stopped) break;
      if (--entriesLeft < 0) {
        stopped = true;
        result.errors.push({ path: folder, message: `the walk stopped after ${limits.maxEntries} files and folders (its limit): name fewer or smaller folders` });
        break;
      }
      const path = join(folder, entry.name);
      const entryPath = join(absolute, entry.name);
      let kind: EntryKind | undefined = entryKind(entry);
      // The listing says what the entry is without following it: a folder or file so named is no link.
      let target: string | undefined = kind === 'folder' || kind === 'file' ? join(real, entry.name) : undefined;
      if (kind === 'link' || kind === undefined) {
        const stat = statOrError(entryPath);
        if (stat instanceof Error) {
          if (kind === 'link' && isUnitFileName(entry.name, folderName)) result.notes.push(`skipping '${path}': ${describeError(stat)}`);
          continue;
        }
        const followed: EntryKind = stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : 'other';
        if (followed === 'other') continue;
        if (kind === 'link' && (followed === 'folder' || isUnitFileName(entry.name, folderName))) {
          target = realPathOrNull(entryPath) ?? undefined;
          if (target === undefined || !scope.holdsReal(target) || isKernelPath(target)) {
            result.notes.push(`skipping '${path}': a link that leads outside '${shownRoot}'`);
            continue;
          }
        }
        kind = followed;
      }
      if (kind === 'folder') {
        if (SKIPPED_FOLDERS.has(entry.name)) continue;
        const real = target ?? realPathOrNull(entryPath);
        if (real === null || isKernelPath(real) || !scope.holdsReal(real)) continue;
        if (depth >= maxDepth) {
          result.notes.push(`skipping '${path}': more than ${maxDepth} folders deep below '${shownRoot}'`);
          continue;
        }
        found += walk(path, root, shownRoot, scope, real, depth + 1);
      } else if (kind === 'file' && isUnitFileName(entry.name, folderName)) {
        addFile(path, root, false, target);
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
    const absolute = resolve(cwd, path);
    const stat = statOrError(absolute);
    if (stat instanceof Error) {
      result.errors.push({ path, message: describeError(stat) });
    } else if (stat.isDirectory()) {
      const real = realPathOrNull(absolute);
      if (real !== null && isKernelPath(real)) {
        result.errors.push({ path, message: 'holds the kernel\'s files (/proc, /sys), which are not walked' });
      } else if (real !== null && walk(path, absolute, path, scopeOf(absolute), real, 0) === 0 && !stopped) {
        result.notes.push(`no unit files found under '${path}'`);
      }
    } else {
      // A drop-in named is read with its unit and the unit's other drop-ins, in the unit's folder.
      addFile(path, unitFolderOf(absolute), true);
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
