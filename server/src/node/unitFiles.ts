/**
 * The other files of a unit on disk: for a unit file its drop-ins (`NAME.TYPE.d/*.conf` and the
 * type-wide `TYPE.d/*.conf` next to it), for a drop-in its unit and the other drop-ins. systemd
 * merges them, so diagnostics about missing or conflicting settings look at all of them. They are
 * read through the guard: regular files only, through links that stay in the scope, and within the
 * budget of the files read alongside a unit (companionBudget.ts).
 */
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createUnitDocument, unitFileInfo, type UnitDocument, type UnitFiles } from '../core';
import { folderNames, GuardError, readGuarded, Scope } from './guardedFs';
import { CompanionBudget, COMPANION_MAX_BYTES } from './companionBudget';
import { lineCount } from './memoryRoom';
import { decodeUnitText } from './readUnitFile';

/** A file read alongside a unit: its document, or nothing when it cannot be read; its size either way. */
interface Companion {
  document: UnitDocument | undefined;
  bytes: number;
  lines: number;
}

/**
 * Reads one file alongside a unit, and counts it against `budget` before it is parsed. A file that
 * cannot be read is left out; the run's byte budget spent, or the budget of the files read
 * alongside a unit, throws.
 */
function read(path: string, scope: Scope, budget: CompanionBudget): Companion {
  let bytes: Uint8Array;
  try {
    bytes = readGuarded(path, COMPANION_MAX_BYTES, scope);
  } catch (error) {
    if (error instanceof GuardError && error.kind === 'budget') throw error;
    return { document: undefined, bytes: 0, lines: 0 };
  }
  const lines = lineCount(bytes);
  budget.take(bytes.length, lines);
  let document: UnitDocument | undefined;
  try {
    document = createUnitDocument(pathToFileURL(path).href, decodeUnitText(bytes));
  } catch {
    document = undefined;
  }
  return { document, bytes: bytes.length, lines };
}

function confFiles(folder: string, scope: Scope): string[] {
  return folderNames(folder, scope)
    .filter((name) => name.endsWith('.conf'))
    .sort()
    .map((name) => join(folder, name));
}

/** The folder a unit's files live in: the file's own, or above a drop-in's folder. */
export function unitFolderOf(absolutePath: string): string {
  const info = unitFileInfo(absolutePath);
  return info.isDropIn ? dirname(dirname(absolutePath)) : dirname(absolutePath);
}

export interface CompanionOptions {
  /** What checking the file itself may cost (see textCheckCost): it counts with the files read alongside. */
  heldCost?: number;
}

/**
 * The unit's other files; `scope` says where links may lead (by default the unit's folder).
 * Throws a GuardError when they pass the budget of the files read alongside a unit, or when the
 * run's byte budget is spent.
 */
export function unitFilesFor(absolutePath: string, scope: Scope = Scope.within([unitFolderOf(absolutePath)]), options: CompanionOptions = {}): UnitFiles {
  const info = unitFileInfo(absolutePath);
  if (!info.type) return {};
  if (!info.isDropIn && info.isBuildTemplate) return {};
  const folder = dirname(absolutePath);
  const unitPath = info.isDropIn ? (info.unitName ? join(dirname(folder), info.unitName) : undefined) : absolutePath;
  const budget = new CompanionBudget(options.heldCost ?? 0);
  const listed = (dropInFolder: string): string[] => confFiles(dropInFolder, scope);
  const loaded = (paths: readonly string[]): UnitDocument[] => {
    const documents: UnitDocument[] = [];
    for (const path of paths) {
      const companion = read(path, scope, budget);
      if (companion.document) documents.push(companion.document);
    }
    return documents;
  };
  if (info.isDropIn) {
    const unit = unitPath !== undefined ? loaded([unitPath])[0] : undefined;
    const others = listed(folder).filter((p) => p !== absolutePath);
    return { ...(unit ? { unit } : {}), dropIns: loaded(others) };
  }
  const name = basename(absolutePath);
  return { dropIns: loaded([...listed(join(folder, `${info.type}.d`)), ...listed(join(folder, `${name}.d`))]) };
}
