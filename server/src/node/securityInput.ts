/**
 * Reads what `unitguard security` scores: a unit file with the drop-ins systemd would merge from
 * next to it (its own folder's, an instance's template's, its name's prefixes' and the type-wide
 * `TYPE.d/`: see dropInFolderNames), or, given a drop-in, its unit and the unit's other drop-ins.
 * Also reads the `--security-policy` JSON file.
 */
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createUnitDocument, type UnitDocument } from '../core/unitDocument';
import { dropInFolderNames, dropInsRead, unitFileInfo } from '../core/unitFile';
import { UnitModel } from '../core/model/unitModel';
import { readSecurityPolicy, type SecurityPolicy } from '../core/security';
import { describeError, folderNames, lstatOrUndefined, readGuarded, realPathOrNull, Scope, SETTINGS_FILE_MAX_BYTES, type RunBudget } from './guardedFs';
import { CompanionBudget, COMPANION_MAX_BYTES } from './companionBudget';
import { sizeOf, textCheckCost } from './memoryRoom';
import { decodeUnitText, readUnitFile } from './readUnitFile';

function load(path: string, scope: Scope): UnitDocument {
  return createUnitDocument(pathToFileURL(path).href, readUnitFile(path, scope));
}

/**
 * A file of the unit other than the one named, within the budget of the files read alongside a
 * unit (as a check reads them): one that cannot be read is named in the error.
 */
function loadCompanion(path: string, scope: Scope, budget: CompanionBudget): UnitDocument {
  try {
    const bytes = readGuarded(path, COMPANION_MAX_BYTES, scope);
    budget.take(sizeOf(bytes));
    return createUnitDocument(pathToFileURL(path).href, decodeUnitText(bytes));
  } catch (error) {
    throw new Error(`${path}: ${describeError(error)}`);
  }
}

/** Drop-ins that are links to nothing are left out, as systemd leaves them. */
function existing(paths: string[]): string[] {
  return paths.filter((p) => lstatOrUndefined(p)?.isSymbolicLink() !== true || realPathOrNull(p) !== null);
}

/** `.conf` files in a drop-in folder; most units have no such folder, which an lstat says cheaply. */
function confFiles(folder: string, scope: Scope): string[] {
  return folderNames(folder, scope)
    .filter((name) => name.endsWith('.conf'))
    .map((name) => join(folder, name))
    .filter((path) => {
      const stat = lstatOrUndefined(path);
      return stat !== undefined && (stat.isFile() || stat.isSymbolicLink());
    });
}

/** Drop-in folders of a unit named `name` in `folder`, most specific first (see dropInFolderNames). */
function dropInFolders(folder: string, name: string): string[] {
  return dropInFolderNames(name).map((dropInFolder) => join(folder, dropInFolder));
}

/** The drop-ins systemd reads from `folders` (most specific first), in the order of their file names. */
function collectDropIns(folders: readonly string[], scope: Scope): string[] {
  return dropInsRead(folders.map((folder) => confFiles(folder, scope))).sort((a, b) => (basename(a) < basename(b) ? -1 : basename(a) > basename(b) ? 1 : 0));
}

export interface SecurityInput {
  /** The unit's file (or the drop-in given when its unit is missing). */
  unitPath: string;
  unitName: string;
  model: UnitModel;
  dropInPaths: string[];
}

/**
 * Reads the unit at `path` (the user named it: its links are followed) with its drop-ins, which
 * are read through links that stay in the unit's folder. Throws when the file cannot be read; a
 * drop-in that cannot be read (not a regular file, a link that leaves the folder) throws too, as
 * scoring without it would score another unit.
 */
export function readSecurityInput(path: string, text?: string, runBudget?: RunBudget): SecurityInput {
  const absolute = resolve(path);
  const info = unitFileInfo(absolute);
  const named = Scope.anywhere(runBudget);
  const loadNamed = (p: string): UnitDocument => (text !== undefined ? createUnitDocument(pathToFileURL(p).href, text) : load(p, named));
  if (info.isDropIn && info.unitName) {
    const folder = dirname(absolute);
    const unitFolder = dirname(folder);
    const scope = Scope.within([unitFolder], runBudget);
    const unitPath = join(unitFolder, info.unitName);
    const own = loadNamed(absolute);
    const budget = new CompanionBudget(textCheckCost(own.tree.text));
    const dropInPaths = existing(collectDropIns(dropInFolders(unitFolder, info.unitName), scope));
    if (!dropInPaths.includes(absolute)) dropInPaths.push(absolute);
    const dropIns = dropInPaths.map((p) => (p === absolute ? own : loadCompanion(p, scope, budget)));
    const unitStat = lstatOrUndefined(unitPath);
    if (unitStat && (unitStat.isFile() || unitStat.isSymbolicLink())) {
      return { unitPath, unitName: info.unitName, model: UnitModel.build(loadCompanion(unitPath, scope, budget), dropIns), dropInPaths };
    }
    return { unitPath: absolute, unitName: info.unitName, model: UnitModel.fromDropIns(dropIns), dropInPaths };
  }
  // Read first: a file that cannot be read throws with the reason before its drop-ins are looked for.
  const unit = loadNamed(absolute);
  const name = basename(absolute);
  const scope = Scope.within([dirname(absolute)], runBudget);
  const budget = new CompanionBudget(textCheckCost(unit.tree.text));
  const dropInPaths = existing(collectDropIns(dropInFolders(dirname(absolute), name), scope));
  return { unitPath: absolute, unitName: name, model: UnitModel.build(unit, dropInPaths.map((p) => loadCompanion(p, scope, budget))), dropInPaths };
}

/**
 * Reads a policy file, through links that stay in `scope`; problems are returned, a file that
 * cannot be read or is not JSON throws. Messages never quote the file.
 */
export function readSecurityPolicyFile(path: string, scope: Scope = Scope.anywhere()): { policy: SecurityPolicy; problems: string[] } {
  const text = readGuarded(path, SETTINGS_FILE_MAX_BYTES, scope).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON${jsonErrorPlace(error)}`);
  }
  const result = readSecurityPolicy(value);
  return { policy: result.policy, problems: result.problems.map((p) => `${path}: ${p}`) };
}

/** Where JSON.parse stopped (its own message may quote the text, which is never shown). */
function jsonErrorPlace(error: unknown): string {
  const match = error instanceof Error ? /position (\d+)/.exec(error.message) : null;
  return match ? ` at character ${match[1]}` : '';
}
