/**
 * What the exposure checks look at, read from a unit and its drop-ins the way systemd's own
 * parsers read each setting: lines in reading order, a value systemd rejects is skipped (the
 * earlier value stays), an empty value resets, list settings add up. Then the implications
 * systemd adds when it loads a unit (DynamicUser=, PrivateDevices=, ProtectClock=, ...).
 */
import { appendAll } from '../arrays';
import { addressFamilies, booleanValue, capabilities, directiveRow, emptyValueRefused, matchEnumValue, namespaces } from '../kb';
import type { ManagerKind } from '../model/manager';
import type { UnitModel } from '../model/unitModel';
import { LOAD_REFUSING_PROBLEMS } from '../syntax/parseProblems';
import { uriFileLabel } from '../uriNames';
import type { Diagnostic } from '../types';
import type { UnitDocument } from '../unitDocument';
import { parseIpPrefix } from './ipPrefix';
import { resolveUserSpecifiers } from './specifiers';
import { applySyscallFilterLine, filterNames, type SyscallFilter } from './syscallFilter';
import { ENUMS_READ_AS_BOOLEAN, PRIVATE_MOUNTS_UNSET_ON_SINCE, USER_MANAGER } from './versions';
import { EXEC_TYPES } from '../model/contextRefusal';
import { unitNoun, unitRefusal } from '../model/unitRefusal';
import { words } from './words';

/** The units that stand for the root directory's mount and the root of the slice tree. */
const ROOT_UNITS: ReadonlySet<string> = new Set(['-.mount', '-.slice']);

export interface SecurityInfo {
  /** False when systemd would refuse to load the unit (nothing to score). */
  loadable: boolean;
  /** Why the unit cannot be loaded. */
  loadError?: string;
  defaultDependencies: boolean;
  user: string | undefined;
  dynamicUser: boolean;
  /** How many groups SupplementaryGroups= leaves the unit with. */
  supplementaryGroups: number;
  flags: Record<BooleanSetting, boolean>;
  protectHome: string;
  protectSystem: string;
  rootDirectory: string | undefined;
  rootImage: string | undefined;
  capabilityBoundingSet: bigint;
  ambientCapabilities: bigint;
  umask: number;
  keyringMode: string;
  protectProc: string;
  procSubset: string;
  notifyAccess: string | undefined;
  /** Namespace types still allowed; `all` = never restricted. */
  restrictNamespaces: Set<string> | 'all';
  /** Per group of families: restricted (true) or still usable. */
  restrictedFamilies: { inet: boolean; unix: boolean; netlink: boolean; packet: boolean; other: boolean };
  syscallArchitectures: Set<string>;
  syscallFilterAllowList: boolean;
  syscallFilter: Set<string>;
  ipDenyAll: boolean;
  ipAllowLocalhost: boolean;
  ipAllowOther: boolean;
  ipCustomFilters: boolean;
  devicePolicy: string;
  deviceAllow: string[];
}

export const BOOLEAN_SETTINGS = [
  'PrivateDevices', 'PrivateMounts', 'PrivateNetwork', 'PrivateTmp', 'PrivateUsers', 'ProtectControlGroups',
  'ProtectKernelModules', 'ProtectKernelTunables', 'ProtectKernelLogs', 'ProtectClock', 'ProtectHostname',
  'LockPersonality', 'MemoryDenyWriteExecute', 'NoNewPrivileges', 'RemoveIPC', 'RestrictRealtime',
  'RestrictSUIDSGID', 'Delegate',
] as const;
export type BooleanSetting = (typeof BOOLEAN_SETTINGS)[number];

const ALL_CAPS = (1n << 64n) - 1n;
const capNumbers = new Map(capabilities.map((c) => [c.name.toLowerCase(), c.number]));
const familyNumbers = new Map(addressFamilies.map((f) => [f.name, f.number]));
const AF = { UNIX: 1, INET: 2, INET6: 10, NETLINK: 16, PACKET: 17 };
const NAMESPACE_NAMES = namespaces.map((n) => n.name);
const ARCHITECTURES = new Set([
  'native', 'x86', 'x86-64', 'x32', 'arm', 'arm64', 'loongarch64', 'mips', 'mips64', 'mips64-n32', 'mips-le',
  'mips64-le', 'mips64-le-n32', 'parisc', 'parisc64', 'ppc', 'ppc64', 'ppc64-le', 'riscv64', 's390', 's390x',
]);

/** The lines of each setting that the checks read. */
type Lines = Pick<UnitModel, 'assignments'>;

/**
 * The lines systemd reads: an empty value whose parser refuses it (ProtectSystem=) is ignored,
 * so it neither resets the setting nor empties a list.
 */
function linesRead(model: UnitModel, version: number): Lines {
  return {
    assignments: (name) =>
      model.assignments(name).filter((a) => {
        if (a.entry.value !== '') return true;
        const row = directiveRow(name, a.section);
        return row === undefined || !emptyValueRefused(row, version);
      }),
  };
}

/** Values read in order; `apply` returns the new value or undefined to skip the line. */
function fold<T>(model: Lines, name: string, initial: T, apply: (current: T, value: string) => T | undefined): T {
  let current = initial;
  for (const a of model.assignments(name)) {
    const next = apply(current, a.entry.value);
    if (next !== undefined) current = next;
  }
  return current;
}

/**
 * A list setting read in order: an empty value empties the list, any other value adds what
 * `itemsOf` makes of it (nothing when it gives undefined). The list grows in place, so that
 * a unit with thousands of lines of one list setting is read in linear time.
 */
function foldList<T>(model: Lines, name: string, itemsOf: (value: string) => readonly T[] | undefined): T[] {
  let list: T[] = [];
  for (const a of model.assignments(name)) {
    const value = a.entry.value;
    if (value === '') list = [];
    else {
      const items = itemsOf(value);
      if (items) appendAll(list, items);
    }
  }
  return list;
}

/**
 * How many items a list setting read in order holds: an empty value empties the list, any other
 * value adds `countOf` of it. Only the count is kept, so a unit with long lists of the setting
 * costs no memory for each of their words.
 */
function foldCount(model: Lines, name: string, countOf: (value: string) => number): number {
  let count = 0;
  for (const a of model.assignments(name)) {
    const value = a.entry.value;
    count = value === '' ? 0 : count + countOf(value);
  }
  return count;
}

/** What the exposure score asks of an IP access list: the kinds of prefix it holds, not the prefixes. */
interface IpListKinds {
  /** It holds 0.0.0.0/0, and ::/0 (`any` holds both). */
  anyIpv4: boolean;
  anyIpv6: boolean;
  /** It holds a loopback prefix; one that is not. */
  localhost: boolean;
  other: boolean;
}

/** IPAddressAllow= or IPAddressDeny= read in order: an empty value empties it, a word systemd rejects is skipped. */
function readIpList(model: Lines, name: string): IpListKinds {
  let kinds: IpListKinds = { anyIpv4: false, anyIpv6: false, localhost: false, other: false };
  for (const a of model.assignments(name)) {
    const value = a.entry.value;
    if (value === '') {
      kinds = { anyIpv4: false, anyIpv6: false, localhost: false, other: false };
      continue;
    }
    for (const word of words(value)) {
      for (const prefix of parseIpPrefix(word) ?? []) {
        if (prefix.prefixLength === 0 && prefix.family === 4) kinds.anyIpv4 = true;
        if (prefix.prefixLength === 0 && prefix.family === 6) kinds.anyIpv6 = true;
        if (prefix.localhost) kinds.localhost = true;
        else kinds.other = true;
      }
    }
  }
  return kinds;
}

function readBoolean(model: Lines, name: string, initial: boolean, version: number): boolean {
  const readAsBoolean = ENUMS_READ_AS_BOOLEAN.includes(name);
  return fold(model, name, initial, (_, value) => {
    // Only a parser that takes an empty value lets it through (ProtectHostname= from 258): a reset.
    if (value === '') return initial;
    const b = booleanValue(value);
    if (b !== undefined) return b;
    if (!readAsBoolean) return undefined;
    const known = matchEnumValue(name, value);
    return known && (known.since ?? 0) <= version ? known.value !== 'no' : undefined;
  });
}

function readEnum(model: Lines, name: string, initial: string, values: readonly string[]): string {
  return fold(model, name, initial, (_, value) => {
    // An empty value that reaches here was taken by the parser: back to the default.
    if (value === '') return initial;
    return values.includes(value) ? value : undefined;
  });
}

function readCapabilities(model: Lines, name: string, initial: bigint): bigint {
  return fold(model, name, initial, (current, value) => {
    let text = value;
    const invert = text.startsWith('~');
    if (invert) text = text.slice(1);
    let sum = 0n;
    for (const word of words(text)) {
      const n = /^\d+$/.test(word) ? Number(word) : capNumbers.get(word.toLowerCase());
      if (n !== undefined && n >= 0 && n < 64 && (/^\d+$/.test(word) ? n <= 40 : true)) sum |= 1n << BigInt(n);
    }
    if (sum === 0n || current === initial) return invert ? ~sum & ALL_CAPS : sum;
    return invert ? current & ~sum : current | sum;
  });
}

/**
 * A user or group name systemd takes from a unit (its relaxed rules): spaces inside are fine, a
 * control character, ":" or "/" is not, nor a name that looks like a negative number, "." or "..".
 */
function validUserName(name: string): boolean {
  if (name === '' || name.startsWith(' ') || name.endsWith(' ') || name === '.' || name === '..') return false;
  return !/[\x00-\x1f\x7f:/]/.test(name) && !/^-[0-9]*$/.test(name);
}

function absolutePath(value: string): string | undefined {
  return value.startsWith('/') ? value : undefined;
}

export function readSecurityInfo(model: UnitModel, version: number, manager: ManagerKind = 'system'): SecurityInfo {
  const lines = linesRead(model, version);
  const b = (name: BooleanSetting, initial = false): boolean => readBoolean(lines, name, initial, version);
  const flags = Object.fromEntries(BOOLEAN_SETTINGS.map((n) => [n, b(n)])) as Record<BooleanSetting, boolean>;

  // Delegate= takes a list of controllers, and an empty value turns it on.
  flags.Delegate = fold(lines, 'Delegate', false, (_, value) => {
    if (value === '') return true;
    return booleanValue(value) ?? true;
  });
  // PrivateMounts= is a tristate from 254: empty means unset, and unset counts as on. Before, it
  // was a boolean that refused an empty value (the line is ignored).
  const tristate = version >= PRIVATE_MOUNTS_UNSET_ON_SINCE;
  flags.PrivateMounts = fold(lines, 'PrivateMounts', tristate, (_, value) =>
    value === '' ? (tristate ? true : undefined) : booleanValue(value));
  // Timers, paths, targets and the like run no process: the offline assessment finds no mount
  // namespace set up for them (the check fails whatever the release's default).
  if (model.type !== undefined && !EXEC_TYPES.has(model.type)) flags.PrivateMounts = false;

  // The root mount and the root slice are always there: systemd takes their default dependencies
  // away before it reads their files, whose DefaultDependencies= may give them back.
  const defaultDependencies = fold(lines, 'DefaultDependencies', !ROOT_UNITS.has(model.unit.file.unitName ?? ''), (_, v) => booleanValue(v));
  // User= and SupplementaryGroups= with their specifiers resolved (%i of web@alice.service: alice).
  const unitName = model.unit.file.unitName;
  const resolved = (v: string) => resolveUserSpecifiers(v, unitName, manager, version);
  let user = fold<string | undefined>(lines, 'User', undefined, (_, v) => {
    if (v === '') return '';
    const name = resolved(v);
    return name !== undefined && validUserName(name) ? name : undefined;
  });
  if (user === '') user = undefined;
  const dynamicUser = fold(lines, 'DynamicUser', false, (_, v) => booleanValue(v));
  const supplementaryGroups = foldCount(lines, 'SupplementaryGroups', (v) => words(v).filter((g) => {
    const name = resolved(g);
    return name !== undefined && validUserName(name);
  }).length);

  let protectHome = fold(lines, 'ProtectHome', 'no', (_, v) => {
    if (v === '') return 'no';
    const bool = booleanValue(v);
    if (bool !== undefined) return bool ? 'yes' : 'no';
    return ['read-only', 'tmpfs'].includes(v) ? v : undefined;
  });
  let protectSystem = fold(lines, 'ProtectSystem', 'no', (_, v) => {
    if (v === '') return 'no';
    const bool = booleanValue(v);
    if (bool !== undefined) return bool ? 'yes' : 'no';
    return ['full', 'strict'].includes(v) ? v : undefined;
  });

  const rootDirectory = fold<string | undefined>(lines, 'RootDirectory', undefined, (_, v) => (v === '' ? '' : absolutePath(v))) || undefined;
  const rootImage = fold<string | undefined>(lines, 'RootImage', undefined, (_, v) => (v === '' ? '' : absolutePath(v))) || undefined;

  let capabilityBoundingSet = readCapabilities(lines, 'CapabilityBoundingSet', ALL_CAPS);
  const ambientCapabilities = readCapabilities(lines, 'AmbientCapabilities', 0n);

  const umask = fold(lines, 'UMask', 0o022, (_, v) => (/^0?[0-7]{1,4}$/.test(v) ? parseInt(v, 8) : undefined));
  // Units with processes of their own have an execution context, whose KeyringMode= starts at
  // inherit; only a service of the system manager starts at private. For the other types (timers,
  // paths, targets, ...) the offline assessment finds no mode set.
  const keyringDefault = model.type !== undefined && !EXEC_TYPES.has(model.type) ? 'unset' : manager === 'system' && (model.type ?? 'service') === 'service' ? 'private' : 'inherit';
  const keyringMode = readEnum(lines, 'KeyringMode', keyringDefault, ['inherit', 'private', 'shared']);
  const protectProc = readEnum(lines, 'ProtectProc', 'default', ['default', 'noaccess', 'invisible', 'ptraceable']);
  const procSubset = readEnum(lines, 'ProcSubset', 'all', ['all', 'pid']);
  const notifyAccess = model.type === 'service' ? readEnum(lines, 'NotifyAccess', 'none', ['none', 'main', 'exec', 'all']) : undefined;

  // RestrictNamespaces=: `initial` until the first list, then merged.
  type Ns = { initial: boolean; allowed: Set<string> };
  const ns = fold<Ns>(lines, 'RestrictNamespaces', { initial: true, allowed: new Set(NAMESPACE_NAMES) }, (current, value) => {
    if (value === '') return { initial: true, allowed: new Set(NAMESPACE_NAMES) };
    const bool = booleanValue(value);
    if (bool === true) return { initial: false, allowed: new Set() };
    if (bool === false) return { initial: false, allowed: new Set(NAMESPACE_NAMES) };
    let text = value;
    const invert = text.startsWith('~');
    if (invert) text = text.slice(1);
    const listed = words(text);
    if (!listed.every((w) => NAMESPACE_NAMES.includes(w))) return undefined;
    if (current.initial) {
      return { initial: false, allowed: new Set(invert ? NAMESPACE_NAMES.filter((n) => !listed.includes(n)) : listed) };
    }
    const allowed = new Set(current.allowed);
    for (const n of listed) invert ? allowed.delete(n) : allowed.add(n);
    return { initial: false, allowed };
  });

  // RestrictAddressFamilies=
  type Families = { allowList: boolean; set: Set<number> | undefined };
  const families = fold<Families>(lines, 'RestrictAddressFamilies', { allowList: false, set: undefined }, (current, value) => {
    if (value === '') return { allowList: false, set: undefined };
    if (value === 'none') return { allowList: true, set: undefined };
    let text = value;
    const invert = text.startsWith('~');
    if (invert) text = text.slice(1);
    const state: Families = current.set ? { allowList: current.allowList, set: new Set(current.set) } : { allowList: !invert, set: new Set() };
    for (const word of words(text)) {
      const n = familyNumbers.get(word);
      if (n === undefined) continue;
      if (!invert === state.allowList) state.set?.add(n);
      else state.set?.delete(n);
    }
    return state;
  });
  const restrictedFamilies = {
    inet: families.allowList, unix: families.allowList, netlink: families.allowList, packet: families.allowList, other: families.allowList,
  };
  for (const n of families.set ?? []) {
    if (n === 0) continue;
    const key = n === AF.INET || n === AF.INET6 ? 'inet' : n === AF.UNIX ? 'unix' : n === AF.NETLINK ? 'netlink' : n === AF.PACKET ? 'packet' : 'other';
    restrictedFamilies[key] = !families.allowList;
  }

  const syscallArchitectures = fold<Set<string>>(lines, 'SystemCallArchitectures', new Set(), (current, value) =>
    value === '' ? new Set() : new Set([...current, ...words(value).filter((w) => ARCHITECTURES.has(w))]),
  );
  let filter: SyscallFilter | undefined;
  for (const a of lines.assignments('SystemCallFilter')) filter = applySyscallFilterLine(filter, a.entry.value, version);

  // IP access lists.
  const deny = readIpList(lines, 'IPAddressDeny');
  const allow = readIpList(lines, 'IPAddressAllow');
  const pathList = (name: string) => foldList(lines, name, (v) => [v]);
  const ipCustomFilters = pathList('IPIngressFilterPath').length > 0 || pathList('IPEgressFilterPath').length > 0;

  let devicePolicy = readEnum(lines, 'DevicePolicy', 'auto', ['auto', 'closed', 'strict']);
  let deviceAllow = foldList(lines, 'DeviceAllow', (value) => {
    const [path] = words(value);
    if (!path || !(path.startsWith('/dev/') || path.startsWith('char-') || path.startsWith('block-') || path.startsWith('/run/systemd/inaccessible/'))) return undefined;
    return [value];
  });

  // What systemd adds when it loads the unit.
  const setFlag = (name: BooleanSetting) => (flags[name] = true);
  if (dynamicUser) {
    if (user === undefined) user = 'dynamic';
    setFlag('PrivateTmp');
    setFlag('RemoveIPC');
    protectSystem = 'strict';
    if (protectHome === 'no') protectHome = 'read-only';
    setFlag('NoNewPrivileges');
    setFlag('RestrictSUIDSGID');
  }
  const dropCaps = (...names: string[]) => {
    for (const name of names) capabilityBoundingSet &= ~(1n << BigInt(capNumbers.get(name.toLowerCase()) ?? 63));
  };
  if (flags.PrivateDevices) dropCaps('CAP_MKNOD', 'CAP_SYS_RAWIO');
  if (flags.ProtectKernelModules) dropCaps('CAP_SYS_MODULE');
  if (flags.ProtectKernelLogs) dropCaps('CAP_SYSLOG');
  if (flags.ProtectClock) dropCaps('CAP_SYS_TIME', 'CAP_WAKE_ALARM');
  if (flags.PrivateDevices && devicePolicy === 'auto') devicePolicy = 'closed';
  if (devicePolicy !== 'auto' || deviceAllow.length > 0) {
    if (rootImage || model.has('MountImages')) {
      deviceAllow = [...deviceAllow, '/dev/loop-control rw', '/dev/mapper/control rw', 'block-loop rwm', 'block-blkext rwm', 'block-device-mapper rwm'];
    }
    if (flags.ProtectClock) deviceAllow = [...deviceAllow, 'char-rtc r'];
  }

  const info: SecurityInfo = {
    loadable: true,
    defaultDependencies,
    user,
    dynamicUser,
    supplementaryGroups,
    flags,
    protectHome,
    protectSystem,
    rootDirectory,
    rootImage,
    capabilityBoundingSet,
    ambientCapabilities,
    umask,
    keyringMode,
    protectProc,
    procSubset,
    notifyAccess,
    restrictNamespaces: ns.initial ? 'all' : ns.allowed,
    restrictedFamilies,
    syscallArchitectures,
    syscallFilterAllowList: filter?.allowList ?? false,
    syscallFilter: filter ? filterNames(filter) : new Set(),
    ipDenyAll: deny.anyIpv4 && deny.anyIpv6,
    ipAllowLocalhost: allow.localhost,
    ipAllowOther: allow.other,
    ipCustomFilters,
    devicePolicy,
    deviceAllow,
  };

  const loadError = formRefusal(model) ?? refusal(model, version, manager, dynamicUser) ?? badSpecifier(model, resolved) ?? badGroupName(model, resolved);
  if (loadError) {
    info.loadable = false;
    info.loadError = loadError;
  }
  return info;
}

/**
 * A specifier systemd cannot resolve in User=, Group= or SupplementaryGroups= is a fatal error:
 * the unit does not load.
 */
function badSpecifier(model: UnitModel, resolve: (value: string) => string | undefined): string | undefined {
  for (const name of ['User', 'Group', 'SupplementaryGroups']) {
    for (const a of model.assignments(name)) {
      const parts = name === 'SupplementaryGroups' ? words(a.entry.value) : [a.entry.value];
      const bad = parts.find((p) => resolve(p) === undefined);
      if (bad !== undefined) return `${name}=${bad} has a specifier systemd cannot resolve, so it refuses to load the unit`;
    }
  }
  return undefined;
}

/**
 * The first word of SupplementaryGroups= that is no user or group name systemd takes (by its relaxed
 * rules, or a number that is no valid ID: 65535 and 4294967295 stand for "none"): systemd refuses
 * to load the unit. A word whose specifier cannot be resolved is badSpecifier()'s.
 */
function badGroupName(model: UnitModel, resolve: (value: string) => string | undefined): string | undefined {
  for (const a of model.assignments('SupplementaryGroups')) {
    for (const word of words(a.entry.value)) {
      const name = resolve(word);
      if (name === undefined) continue;
      const invalidId = /^[0-9]+$/.test(name) && (Number(name) >= 4294967295 || Number(name) === 65535);
      if (!validUserName(name) || invalidId) return `SupplementaryGroups=${word} is not a valid user or group name, so systemd refuses to load the unit`;
    }
  }
  return undefined;
}

/**
 * The first problem of form for which systemd does not load one of the unit's files (a line that
 * is not valid UTF-8, a line of 1 MiB or more, a broken section header): then it loads nothing of
 * the unit. Undefined when there is none.
 */
export function formProblem(model: UnitModel): { document: UnitDocument; problem: Diagnostic } | undefined {
  for (const document of model.documents) {
    const problem = document.tree.diagnostics.find((d) => LOAD_REFUSING_PROBLEMS.has(String(d.code)));
    if (problem) return { document, problem };
  }
  return undefined;
}

function formRefusal(model: UnitModel): string | undefined {
  const found = formProblem(model);
  return found && `systemd refuses to load ${uriFileLabel(found.document.uri)}: ${String(found.problem.code)} at line ${found.problem.range.start.line + 1}`;
}

/**
 * The reason systemd refuses to load the unit, as far as its files tell: what its type needs, and
 * what its settings say together (the same refusals `check` reports), for every type of unit.
 */
function refusal(model: UnitModel, version: number, manager: ManagerKind, dynamicUser: boolean): string | undefined {
  if (!model.complete) return undefined;
  const noun = unitNoun(model.type);
  if (model.type === 'service' && manager === 'user' && dynamicUser && version >= USER_MANAGER.refusesDynamicUserSince) {
    return `DynamicUser= is not supported by the per-user manager, so systemd refuses to load the ${noun}`;
  }
  const refused = unitRefusal(model, version, manager);
  return refused && `systemd refuses to load the ${noun}: ${refused.reason}`;
}
