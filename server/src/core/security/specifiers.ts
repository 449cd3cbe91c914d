/**
 * Specifiers in User=, Group= and SupplementaryGroups=, resolved as far as the unit's name and the
 * manager tell: `%i` of `web@alice.service` is `alice`, `%u` of the system manager is `root`. The
 * assessment needs them to tell a root service from one that runs as `nobody` or as another user.
 * Specifiers whose value depends on the host (`%H`, `%m`, ...) stay as written: they name some
 * user, as on almost every host they do.
 */
import { specifier } from '../kb';
import type { ManagerKind } from '../model/manager';

/**
 * The instance systemd-analyze gives a template it scores (`web@.service` is loaded as
 * `web@i.service` up to 254, as `web@test_instance.service` from 257 on).
 */
export function templateInstance(version: number): string {
  return version <= 254 ? 'i' : 'test_instance';
}

/** `\x2d` → `-`, `-` → `/`: how systemd unescapes a unit name part for `%I`, `%P`, `%J`. */
function unescape(text: string): string {
  return text.replace(/\\x([0-9a-fA-F]{2})|-/g, (_match, hex: string | undefined) =>
    hex ? String.fromCharCode(parseInt(hex, 16)) : '/',
  );
}

interface NameParts {
  name: string;
  prefix: string;
  instance: string | undefined;
}

function nameParts(unitName: string, version: number): NameParts {
  const dot = unitName.lastIndexOf('.');
  const stem = dot > 0 ? unitName.slice(0, dot) : unitName;
  const suffix = dot > 0 ? unitName.slice(dot) : '';
  const at = stem.indexOf('@');
  if (at < 0) return { name: unitName, prefix: stem, instance: undefined };
  const instance = stem.slice(at + 1) || templateInstance(version);
  const prefix = stem.slice(0, at);
  return { name: `${prefix}@${instance}${suffix}`, prefix, instance };
}

/**
 * The value with the specifiers resolved that the unit's name and the manager decide; undefined
 * when systemd would refuse the line (a letter or digit that is no specifier).
 */
export function resolveUserSpecifiers(value: string, unitName: string | undefined, manager: ManagerKind, version: number): string | undefined {
  if (!value.includes('%')) return value;
  const parts = unitName ? nameParts(unitName, version) : undefined;
  const lastDash = (text: string) => text.slice(text.lastIndexOf('-') + 1);
  const known: Record<string, string | undefined> = parts
    ? {
        n: parts.name,
        N: parts.name.slice(0, parts.name.lastIndexOf('.') > 0 ? parts.name.lastIndexOf('.') : undefined),
        p: parts.prefix,
        P: unescape(parts.prefix),
        i: parts.instance ?? '',
        I: unescape(parts.instance ?? ''),
        j: lastDash(parts.prefix),
        J: unescape(lastDash(parts.prefix)),
      }
    : {};
  if (manager === 'system') Object.assign(known, { u: 'root', U: '0', g: 'root', G: '0' });
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c !== '%') {
      out += c;
      continue;
    }
    const next = value[i + 1];
    // A "%" at the end, or before anything but a letter or digit, is kept as written.
    if (next === undefined) return `${out}%`;
    i++;
    if (next === '%') out += '%';
    else if (known[next] !== undefined) out += known[next];
    else if (specifier(next) || !/^[A-Za-z0-9]$/.test(next)) out += `%${next}`;
    else return undefined;
  }
  return out;
}
