/**
 * Reads what `unitguard security` scores: a unit file with the drop-ins systemd would merge from
 * next to it (`NAME.TYPE.d/*.conf`, for an instance or template also `PREFIX@.TYPE.d/`, and the
 * type-wide `TYPE.d/`), or, given a drop-in, its unit and the drop-ins beside it. Also reads the
 * `--security-policy` JSON file.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createUnitDocument, type UnitDocument } from '../core/unitDocument';
import { unitFileInfo } from '../core/unitFile';
import { UnitModel } from '../core/model/unitModel';
import { readSecurityPolicy, type SecurityPolicy } from '../core/security';
import { readFileLimited, SETTINGS_FILE_MAX_BYTES } from './readFileLimited';
import { readUnitFile } from './readUnitFile';

function load(path: string): UnitDocument {
  return createUnitDocument(pathToFileURL(path).href, readUnitFile(path));
}

function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/** `.conf` files in a drop-in folder; most units have no such folder, which a stat says cheaply. */
function confFiles(folder: string): string[] {
  try {
    if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) return [];
    return readdirSync(folder)
      .filter((name) => name.endsWith('.conf'))
      .map((name) => join(folder, name))
      .filter(isFile);
  } catch {
    return [];
  }
}

/** Drop-in folders of a unit named `name` in `folder`, least specific first. */
function dropInFolders(folder: string, name: string): string[] {
  const dot = name.lastIndexOf('.');
  const type = dot < 0 ? '' : name.slice(dot + 1);
  const folders = [join(folder, `${type}.d`)];
  const at = name.indexOf('@');
  if (at >= 0 && name.slice(at + 1, dot) !== '') folders.push(join(folder, `${name.slice(0, at + 1)}${name.slice(dot)}.d`));
  folders.push(join(folder, `${name}.d`));
  return folders;
}

/** Drop-ins by file name; a later folder's file of the same name replaces an earlier one. */
function collectDropIns(folders: readonly string[]): string[] {
  const byName = new Map<string, string>();
  for (const folder of folders) for (const path of confFiles(folder)) byName.set(basename(path), path);
  return [...byName.keys()].sort().map((n) => byName.get(n) as string);
}

export interface SecurityInput {
  /** The unit's file (or the drop-in given when its unit is missing). */
  unitPath: string;
  unitName: string;
  model: UnitModel;
  dropInPaths: string[];
}

/** Throws (with a readable message) when the file cannot be read. */
export function readSecurityInput(path: string): SecurityInput {
  const absolute = resolve(path);
  const info = unitFileInfo(absolute);
  if (info.isDropIn && info.unitName) {
    const folder = dirname(absolute);
    const unitPath = join(dirname(folder), info.unitName);
    const dropInPaths = collectDropIns(dropInFolders(dirname(folder), info.unitName));
    if (!dropInPaths.includes(absolute)) dropInPaths.push(absolute);
    const dropIns = dropInPaths.map(load);
    if (isFile(unitPath)) return { unitPath, unitName: info.unitName, model: UnitModel.build(load(unitPath), dropIns), dropInPaths };
    return { unitPath: absolute, unitName: info.unitName, model: UnitModel.fromDropIns(dropIns), dropInPaths };
  }
  // Read first: a file that cannot be read throws with the reason before its drop-ins are looked for.
  const unit = load(absolute);
  const name = basename(absolute);
  const dropInPaths = collectDropIns(dropInFolders(dirname(absolute), name));
  return { unitPath: absolute, unitName: name, model: UnitModel.build(unit, dropInPaths.map(load)), dropInPaths };
}

/** Reads a policy file; problems are returned, a file that cannot be read or is not JSON throws. */
export function readSecurityPolicyFile(path: string): { policy: SecurityPolicy; problems: string[] } {
  const text = readFileLimited(path, SETTINGS_FILE_MAX_BYTES).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const result = readSecurityPolicy(value);
  return { policy: result.policy, problems: result.problems.map((p) => `${path}: ${p}`) };
}
