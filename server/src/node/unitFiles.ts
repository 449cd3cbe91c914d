/**
 * The other files of a unit on disk: for a unit file its drop-ins (`NAME.TYPE.d/*.conf`, its
 * template's, its name's prefixes' and the type-wide `TYPE.d/*.conf` next to it, see
 * dropInFolderNames), for a drop-in its unit and the unit's other drop-ins. systemd
 * merges them, so diagnostics about missing or conflicting settings look at all of them. They are
 * read through the guard: regular files only, through links that stay in the scope, and within the
 * budget of the files read alongside a unit (companionBudget.ts).
 */
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createUnitDocument, dropInFolderNames, dropInsRead, unitFileInfo, type UnitDocument, type UnitFiles } from '../core';
import { folderNames, GuardError, readGuarded, Scope } from './guardedFs';
import { CompanionBudget, COMPANION_MAX_BYTES } from './companionBudget';
import { sizeOf, type UnitSize } from './memoryRoom';
import { decodeUnitText } from './readUnitFile';

/** A file read alongside a unit: its document, or nothing when it cannot be read; its size either way. */
interface Companion {
  document: UnitDocument | undefined;
  /** Undefined for a file that could not be read. */
  size: UnitSize | undefined;
}

/**
 * The files read alongside the unit checked last, kept for the next check of the same unit: a
 * folder walk checks a unit and then each of its drop-ins, and each of those checks needs the
 * others. Reading and parsing them again for each made a check of N drop-ins cost N² reads and
 * listings. Only one unit's files are kept (the walk meets a unit's files one after the other),
 * so what is kept stays within one unit's budget.
 */
export class CompanionMemo {
  private unit: string | undefined;
  private kept: UnitKept = newKept();

  /** What is kept for `unit`; what was kept for another unit is let go. */
  forUnit(unit: string): UnitKept {
    if (unit !== this.unit) {
      this.kept = newKept();
      this.unit = unit;
    }
    return this.kept;
  }

  /** A file was written: it is read again when next needed. */
  forget(path: string): void {
    this.kept.files.delete(path);
  }
}

/**
 * One unit's files read (with their sizes, counted again for each check), and its drop-in folders'
 * `.conf` files listed, or why a folder was not (too many names: each of its files checked in a
 * folder walk would list it again).
 */
interface UnitKept {
  files: Map<string, Companion>;
  listings: Map<string, string[] | GuardError>;
}

function newKept(): UnitKept {
  return { files: new Map(), listings: new Map() };
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
    return { document: undefined, size: undefined };
  }
  const size = sizeOf(bytes);
  budget.take(size);
  let document: UnitDocument | undefined;
  try {
    document = createUnitDocument(pathToFileURL(path).href, decodeUnitText(bytes));
  } catch {
    document = undefined;
  }
  return { document, size };
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
  /** Keeps what was read for the next file of the same unit. */
  memo?: CompanionMemo;
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
  const kept = options.memo?.forUnit(unitPath ?? folder) ?? newKept();
  const budget = new CompanionBudget(options.heldCost ?? 0);
  const listed = (dropInFolder: string): string[] => {
    const known = kept.listings.get(dropInFolder);
    if (known instanceof GuardError) throw known;
    if (known) return known;
    try {
      const paths = confFiles(dropInFolder, scope);
      kept.listings.set(dropInFolder, paths);
      return paths;
    } catch (error) {
      if (error instanceof GuardError && error.kind === 'too-large') kept.listings.set(dropInFolder, error);
      throw error;
    }
  };
  const loaded = (paths: readonly string[]): UnitDocument[] => {
    const documents: UnitDocument[] = [];
    for (const path of paths) {
      let companion = kept.files.get(path);
      if (!companion) kept.files.set(path, (companion = read(path, scope, budget)));
      // A file kept from an earlier check counts against this check's budget as it did then (one
      // that could not be read does not count).
      else if (companion.size !== undefined) budget.take(companion.size);
      if (companion.document) documents.push(companion.document);
    }
    return documents;
  };
  // Every drop-in folder of the unit, most specific first.
  const dropInsOf = (unitFolder: string, name: string): string[] => dropInsRead(dropInFolderNames(name).map((dropInFolder) => listed(join(unitFolder, dropInFolder))));
  if (info.isDropIn) {
    const unit = unitPath !== undefined ? loaded([unitPath])[0] : undefined;
    // A drop-in of one unit is read with the unit's other drop-ins; one of a whole type (`service.d`), with its folder's.
    const all = info.unitName !== undefined ? dropInsOf(dirname(folder), info.unitName) : listed(folder);
    return { ...(unit ? { unit } : {}), dropIns: loaded(all.filter((p) => p !== absolutePath)) };
  }
  return { dropIns: loaded(dropInsOf(folder, basename(absolutePath))) };
}
