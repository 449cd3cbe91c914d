/**
 * What each specifier expands to, as a short noun phrase in UnitGuard's words. The letters and
 * their versions come from the generated table; a test checks that both lists cover the same letters.
 */
export const SPECIFIER_MEANINGS: Readonly<Record<string, string>> = {
  a: 'architecture',
  A: 'OS image version',
  b: 'boot ID',
  B: 'OS build ID',
  C: 'cache directory root',
  d: 'credentials directory',
  D: 'shared data directory',
  E: 'configuration directory root',
  f: 'unescaped path from instance or prefix name',
  g: 'group of the service manager',
  G: 'GID of the service manager',
  h: 'home directory of the service manager user',
  H: 'host name',
  i: 'instance name',
  I: 'instance name, unescaped',
  j: 'last dash-separated part of the prefix',
  J: 'last dash-separated part of the prefix, unescaped',
  l: 'short host name',
  L: 'log directory root',
  m: 'machine ID',
  M: 'OS image ID',
  n: 'full unit name',
  N: 'unit name without type suffix',
  o: 'OS ID',
  p: 'prefix name',
  P: 'prefix name, unescaped',
  q: 'pretty host name',
  s: 'shell of the service manager user',
  S: 'state directory root',
  t: 'runtime directory root',
  T: 'directory for temporary files',
  u: 'user name of the service manager',
  U: 'UID of the service manager',
  v: 'kernel release',
  V: 'directory for large temporary files',
  w: 'OS version ID',
  W: 'OS variant ID',
  y: 'path of the unit file',
  Y: 'directory of the unit file',
  '%': 'a literal percent sign',
  c: 'control group path of the unit',
  r: 'control group path of the unit slice',
  R: 'root of the control group tree',
};

/**
 * Specifiers that expand to an absolute path (a directory, a file, the shell, or `/` followed by
 * the unescaped instance or prefix name): a path that starts with one of them is absolute. The
 * others expand to names, and a path starting with one is relative.
 */
export const ABSOLUTE_PATH_SPECIFIERS: ReadonlySet<string> = new Set(['C', 'd', 'D', 'E', 'f', 'h', 'L', 's', 'S', 't', 'T', 'V', 'y', 'Y', 'c', 'r', 'R']);
