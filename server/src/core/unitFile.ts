import { decodeUriText } from './uriNames';
/** What a file name says about a unit file: its type, and whether it is a drop-in or a template. */

export const UNIT_TYPES = [
  'service',
  'socket',
  'device',
  'mount',
  'automount',
  'swap',
  'target',
  'path',
  'timer',
  'slice',
  'scope',
] as const;

export type UnitType = (typeof UNIT_TYPES)[number];

export interface UnitFileInfo {
  /** The unit type, undefined when the name does not tell. */
  type: UnitType | undefined;
  /** The unit's name (`nftables.service`); for a drop-in, the unit it extends. */
  unitName: string | undefined;
  /** A drop-in `NAME.TYPE.d/*.conf`. */
  isDropIn: boolean;
  /** A build-time template `NAME.TYPE.in`, with placeholders still to fill in. */
  isBuildTemplate: boolean;
  /** A template unit `NAME@.TYPE`. */
  isTemplateUnit: boolean;
}

const TYPE_SET: ReadonlySet<string> = new Set(UNIT_TYPES);

/** Reads a file path or URI (`file:///etc/systemd/system/foo.service.d/10-x.conf`). */
export function unitFileInfo(pathOrUri: string): UnitFileInfo {
  const parts = decodePath(pathOrUri).split('/').filter((p) => p.length > 0);
  const base = parts[parts.length - 1] ?? '';
  const parent = parts[parts.length - 2] ?? '';

  if (base.endsWith('.conf') && parent.endsWith('.d')) {
    const unitName = parent.slice(0, -2);
    // `service.d/` holds drop-ins for every unit of that type.
    if (TYPE_SET.has(unitName)) {
      return { type: unitName as UnitType, unitName: undefined, isDropIn: true, isBuildTemplate: false, isTemplateUnit: false };
    }
    const type = typeOf(unitName);
    if (type) return { type, unitName, isDropIn: true, isBuildTemplate: false, isTemplateUnit: unitName.includes('@.') };
  }
  let name = base;
  let isBuildTemplate = false;
  if (name.endsWith('.in')) {
    name = name.slice(0, -3);
    isBuildTemplate = true;
  }
  const type = typeOf(name);
  return {
    type,
    unitName: type ? name : undefined,
    isDropIn: false,
    isBuildTemplate: isBuildTemplate && type !== undefined,
    isTemplateUnit: type !== undefined && name.includes('@.'),
  };
}

/**
 * The drop-in folders systemd reads for a unit, most specific first: its own (`foo-bar@x.service.d`),
 * an instance's template's (`foo-bar@.service.d`), those of its name cut after each dash
 * (`foo-.service.d`), and its type's (`service.d`). Of drop-ins of the same file name only the one
 * in the most specific folder is read; all that are read apply in the order of their file names.
 */
export function dropInFolderNames(unitName: string): string[] {
  const dot = unitName.lastIndexOf('.');
  const type = unitName.slice(dot + 1);
  const stem = unitName.slice(0, dot);
  const names = [unitName];
  const at = stem.indexOf('@');
  if (at >= 0 && at < stem.length - 1) names.push(`${stem.slice(0, at + 1)}.${type}`);
  const prefix = at >= 0 ? stem.slice(0, at) : stem;
  for (let cut = prefix.lastIndexOf('-'); cut > 0; cut = prefix.lastIndexOf('-', cut - 1)) names.push(`${prefix.slice(0, cut + 1)}.${type}`);
  names.push(type);
  return [...new Set(names)].map((name) => `${name}.d`);
}

/**
 * The drop-ins systemd reads, from the paths of each folder of dropInFolderNames in its order: of
 * files of one name, the one of the most specific folder.
 */
export function dropInsRead(pathsByFolder: readonly (readonly string[])[]): string[] {
  const byName = new Map<string, string>();
  for (const paths of pathsByFolder) {
    for (const path of paths) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      if (!byName.has(name)) byName.set(name, path);
    }
  }
  return [...byName.values()];
}

function typeOf(name: string): UnitType | undefined {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const suffix = name.slice(dot + 1);
  return TYPE_SET.has(suffix) ? (suffix as UnitType) : undefined;
}

function decodePath(pathOrUri: string): string {
  // A Windows path (`C:\units\x.mount`, `\\server\share\...`) separates folders with backslashes;
  // anywhere else a backslash belongs to the name: systemd escapes characters as `\x2d`.
  // A name may start with an escape (`\x2esnapshots.mount` is `/.snapshots`): one backslash alone is no Windows path.
  if (/^(?:[a-z]:\\|\\\\)/i.test(pathOrUri)) return pathOrUri.replace(/\\/g, '/');
  return decodeUriText(pathOrUri.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/, ''));
}
