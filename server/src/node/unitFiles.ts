/**
 * The other files of a unit on disk: for a unit file its drop-ins (`NAME.TYPE.d/*.conf` and the
 * type-wide `TYPE.d/*.conf` next to it), for a drop-in its unit and the other drop-ins. systemd
 * merges them, so diagnostics about missing or conflicting settings look at all of them.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createUnitDocument, unitFileInfo, type UnitDocument, type UnitFiles } from '../core';
import { readUnitFile } from './readUnitFile';

/** Files above this size are not read as companions (the checked file itself is read anyway). */
const MAX_COMPANION_BYTES = 1024 * 1024;

function load(path: string): UnitDocument | undefined {
  try {
    if (statSync(path).size > MAX_COMPANION_BYTES) return undefined;
    return createUnitDocument(pathToFileURL(path).href, readUnitFile(path));
  } catch {
    return undefined;
  }
}

function confFiles(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => name.endsWith('.conf'))
      .sort()
      .map((name) => join(folder, name))
      .filter((path) => {
        try {
          return statSync(path).isFile();
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
}

export function unitFilesFor(absolutePath: string): UnitFiles {
  const info = unitFileInfo(absolutePath);
  if (!info.type) return {};
  if (info.isDropIn) {
    const folder = dirname(absolutePath);
    const others = confFiles(folder).filter((p) => p !== absolutePath);
    const unit = info.unitName ? load(join(dirname(folder), info.unitName)) : undefined;
    return { ...(unit ? { unit } : {}), dropIns: others.map(load).filter((d): d is UnitDocument => d !== undefined) };
  }
  if (info.isBuildTemplate) return {};
  const folder = dirname(absolutePath);
  const name = basename(absolutePath);
  const paths = [...confFiles(join(folder, `${info.type}.d`)), ...confFiles(join(folder, `${name}.d`))];
  return { dropIns: paths.map(load).filter((d): d is UnitDocument => d !== undefined) };
}
