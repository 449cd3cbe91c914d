/**
 * The other files of a unit on disk: for a unit file its drop-ins (`NAME.TYPE.d/*.conf` and the
 * type-wide `TYPE.d/*.conf` next to it), for a drop-in its unit and the other drop-ins. systemd
 * merges them, so diagnostics about missing or conflicting settings look at all of them. They are
 * read through the guard: regular files only, through links that stay in the scope.
 */
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createUnitDocument, unitFileInfo, type UnitDocument, type UnitFiles } from '../core';
import { folderNames, GuardError, readGuarded, Scope } from './guardedFs';
import { decodeUnitText } from './readUnitFile';

/** Files above this size are not read as companions (the checked file itself is read anyway). */
const MAX_COMPANION_BYTES = 1024 * 1024;

function load(path: string, scope: Scope): UnitDocument | undefined {
  try {
    return createUnitDocument(pathToFileURL(path).href, decodeUnitText(readGuarded(path, MAX_COMPANION_BYTES, scope)));
  } catch (error) {
    // The run's byte budget spent ends the run; a file that cannot be read is left out.
    if (error instanceof GuardError && error.kind === 'budget') throw error;
    return undefined;
  }
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

/** The unit's other files; `scope` says where links may lead (by default the unit's folder). Throws when the run's byte budget is spent. */
export function unitFilesFor(absolutePath: string, scope: Scope = Scope.within([unitFolderOf(absolutePath)])): UnitFiles {
  const info = unitFileInfo(absolutePath);
  if (!info.type) return {};
  const loaded = (paths: string[]) => paths.map((p) => load(p, scope)).filter((d): d is UnitDocument => d !== undefined);
  if (info.isDropIn) {
    const folder = dirname(absolutePath);
    const others = confFiles(folder, scope).filter((p) => p !== absolutePath);
    const unit = info.unitName ? load(join(dirname(folder), info.unitName), scope) : undefined;
    return { ...(unit ? { unit } : {}), dropIns: loaded(others) };
  }
  if (info.isBuildTemplate) return {};
  const folder = dirname(absolutePath);
  const name = basename(absolutePath);
  return { dropIns: loaded([...confFiles(join(folder, `${info.type}.d`), scope), ...confFiles(join(folder, `${name}.d`), scope)]) };
}
