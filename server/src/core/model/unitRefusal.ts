/**
 * Why systemd refuses to load a unit, from what its settings say together. After reading every
 * file of a unit, systemd checks that it has what its type needs: a service something to run and
 * the commands and restart policy its type allows, a timer something to wait for, a socket
 * something to listen on, a path unit a path to watch, a mount or automount unit a Where= that its
 * name names. A unit that fails a check is not loaded, and nothing can start it. The checks and
 * their order are systemd's (`service_verify()`, `timer_verify()`, ...): the first that fails is
 * the one systemd reports. Each refusal names the line it rests on, where one line does.
 */
import { directiveRow } from '../kb';
import { booleanValue } from '../kb/booleans';
import { successActionKnown } from '../security/versions';
import { commandSpans } from '../rules/values/commandWords';
import { uriFileName } from '../uriNames';
import { trimBlanks } from '../syntax/blanks';
import type { ManagerKind } from './manager';
import type { Assignment, UnitModel } from './unitModel';
import { contextRefusal, type ContextRefusalCause } from './contextRefusal';
import { enumValueAt, knownSetting, lastIn, lastOf, switchedOn } from './settingLines';

export type RefusalCause =
  | ContextRefusalCause
  | 'mount-without-what'
  | 'mount-api-file-system'
  | 'timer-without-trigger'
  | 'path-without-path'
  | 'socket-without-listener'
  | 'socket-max-connections'
  | 'socket-accept-not-accepting'
  | 'socket-accept-service'
  | 'socket-accept-defer-trigger'
  | 'socket-symlinks-target'
  | 'where-not-name'
  | 'automount-root'
  | 'template-of-type'
  | 'nothing-to-run'
  | 'no-start-command'
  | 'no-start-not-remaining'
  | 'several-start-commands'
  | 'oneshot-restart'
  | 'oneshot-force-exit-status'
  | 'oneshot-exit-type-cgroup'
  | 'dbus-without-bus-name'
  | 'pam-kill-mode'
  | 'forking-private-pids';

export interface Refusal {
  cause: RefusalCause;
  /** Why, in words that follow "systemd refuses to load this service: " (or timer, socket, ...). */
  reason: string;
  /**
   * The line the refusal rests on; for one that rests on what the unit lacks, the empty line that
   * cleared it, if one did, else undefined.
   */
  line: Assignment | undefined;
  /** The settings whose lack the refusal rests on (none of their lines is in force), when it does. */
  lacks?: readonly string[];
}

/** The first release that lets a Type=oneshot service have RestartForceExitStatus= (255 refuses it). */
const ONESHOT_FORCE_EXIT_STATUS_SINCE = 256;

/** The first release that refuses PrivatePIDs=yes for a Type=forking service (the setting's own first). */
const FORKING_PRIVATE_PIDS_SINCE = 257;

/** The restart policies a Type=oneshot service may have. */
const ONESHOT_RESTARTS: readonly string[] = ['no', 'on-failure', 'on-abnormal', 'on-watchdog', 'on-abort'];

/** The kill modes under which a service may open a PAM session. */
const PAM_KILL_MODES: readonly string[] = ['control-group', 'mixed'];

/**
 * The first release that lets a socket, mount or swap unit with PAMName= have KillMode=mixed (254
 * refuses it, 257 takes it; 255 and 256 are given the benefit of the doubt).
 */
const PAM_MIXED_SINCE = 255;

/** The unit types that may be templates (`unit_type_may_template()`); systemd makes no instances of the others. */
const TEMPLATE_TYPES: ReadonlySet<string> = new Set(['service', 'socket', 'target', 'timer', 'path']);

/** The first release that refuses MaxConnections=0 without Accept=yes too (254 takes it, 257 refuses it). */
const SOCKET_MAX_CONNECTIONS_ALWAYS_SINCE = 257;

/** The listeners that can accept connections: stream and sequential-packet sockets. */
const ACCEPTING_LISTENERS: readonly string[] = ['ListenStream', 'ListenSequentialPacket'];

/** The listeners that can be a node in the file system that Symlinks= points at: a FIFO, or a socket with a path. */
const NODE_LISTENERS: readonly string[] = ['ListenFIFO', 'ListenStream', 'ListenDatagram', 'ListenSequentialPacket'];

/** The unit types as a refusal names them ("this socket", "this path unit"). */
const NOUNS: Readonly<Record<string, string>> = { service: 'service', timer: 'timer', socket: 'socket', path: 'path unit', mount: 'mount unit', automount: 'automount unit', swap: 'swap unit', slice: 'slice', target: 'target' };

/** What a refusal calls a unit of `type` (a unit of unknown type is read as a service). */
export function unitNoun(type: string | undefined): string {
  return NOUNS[type ?? 'service'] ?? 'unit';
}

/** Why systemd of `version` refuses to load the unit; undefined when it loads it (or its unit file is not at hand). */
export function unitRefusal(model: UnitModel, version: number, manager: ManagerKind): Refusal | undefined {
  // Without the unit file, only what the lines at hand say together is sure: a drop-in's line
  // outlasts the unit file's, while what the unit lacks or its type needs may be in the unit file.
  if (!model.complete) return contextRefusal(model, version, manager);
  return typeRefusal(model, version, manager) ?? contextRefusal(model, version, manager);
}

/** Why systemd of `version` refuses the unit for what its type needs (`service_verify()`, ...). */
function typeRefusal(model: UnitModel, version: number, manager: ManagerKind): Refusal | undefined {
  const type = model.type;
  // A name with an @ is a template's or an instance's (a mount unit's path escapes its @ as \x40).
  if (type !== undefined && !TEMPLATE_TYPES.has(type) && unitName(model).includes('@')) {
    const what = model.unit.file.isTemplateUnit ? 'a template' : 'an instance of a template';
    const escape = !model.unit.file.isTemplateUnit && (type === 'mount' || type === 'automount') ? ' (an @ of the path it mounts on is written \\x40 in its name)' : '';
    return { cause: 'template-of-type', reason: `a ${unitNoun(type)} cannot be ${what}, as systemd makes no instances of one${escape}`, line: undefined };
  }
  switch (type) {
    case 'service':
      return serviceRefusal(model, version, manager);
    case 'timer':
      return lacking(model, 'timer-without-trigger', sharedList('OnCalendar', 'Timer'), ['OnClockChange', 'OnTimezoneChange'], version, 'it has nothing to wait for: no OnCalendar=, OnBootSec=, OnActiveSec=, OnStartupSec=, OnUnitActiveSec= or OnUnitInactiveSec= is in force, and neither OnClockChange= nor OnTimezoneChange= is on');
    case 'path':
      return lacking(model, 'path-without-path', sharedList('PathExists', 'Path'), [], version, 'it watches nothing: no PathExists=, PathExistsGlob=, PathChanged=, PathModified= or DirectoryNotEmpty= is in force');
    case 'socket':
      return lacking(model, 'socket-without-listener', sharedList('ListenStream', 'Socket'), [], version, 'it listens on nothing: no ListenStream=, ListenDatagram= or other Listen setting is in force') ?? socketRefusal(model, version);
    case 'swap':
      return pamKillModeRefusal(model, version, version >= PAM_MIXED_SINCE ? PAM_KILL_MODES : ['control-group']);
    case 'mount':
    case 'automount':
      return whereRefusal(model, type, version);
    default:
      return undefined;
  }
}

/** The settings that share one list with `name` (an empty line of any of them empties them all), `name` first. */
function sharedList(name: string, section: string): readonly string[] {
  const semantics = directiveRow(name, section)?.assignment;
  return [name, ...(semantics?.kind === 'list' ? (semantics.resetShares ?? []) : [])];
}

/**
 * A refusal for want of every one of `lists` and `switches` at `version`: no line of a list in
 * force, no switch on.
 */
function lacking(model: UnitModel, cause: RefusalCause, lists: readonly string[], switches: readonly string[], version: number, reason: string): Refusal | undefined {
  const listed = lists.some((name) => knownSetting(name, version) && model.effective(name).length > 0);
  const switched = switches.some((name) => switchedOn(model, name, version) !== undefined);
  return listed || switched ? undefined : { cause, reason, line: clearingLine(model, lists), lacks: [...lists, ...switches] };
}

/**
 * The empty line that cleared the last lines of `lists` when none is in force: the unit had what
 * it needed until that line (in a drop-in, most often) took it away. Undefined when no line of
 * them was ever set.
 */
function clearingLine(model: UnitModel, lists: readonly string[]): Assignment | undefined {
  const lines = lists.flatMap((name) => model.assignments(name)).sort((a, b) => a.order - b.order);
  let set = false;
  let cleared: Assignment | undefined;
  for (const line of lines) {
    if (trimBlanks(line.entry.value) !== '') set = true;
    else if (set) cleared = line;
  }
  return cleared;
}

/**
 * A mount or automount unit is named for the path it mounts on, as `systemd-escape --path` writes
 * it: `/var/lib/data` is `var-lib-data.mount`. systemd refuses one whose Where= names another path,
 * and a mount unit without What= (`mount_verify()`).
 */
function whereRefusal(model: UnitModel, type: 'mount' | 'automount', version: number): Refusal | undefined {
  const where = model.last('Where');
  const value = trimBlanks(where?.entry.value);
  // A specifier is filled in by systemd; a relative path is an invalid value of its own. Without
  // Where=, systemd takes the path the name stands for.
  if (where !== undefined && value !== undefined && !value.includes('%') && value.startsWith('/')) {
    // The root directory first: no name would do for it.
    if (type === 'automount' && normalPath(value) === '/') return rootAutomount(where);
    const name = unitName(model);
    const expected = `${escapePath(value)}.${type}`;
    // An instance of a template names its path through its instance, which the file does not tell.
    if (!name.includes('@') && name !== expected) return { cause: 'where-not-name', reason: `Where=${value} must be mounted by a unit named ${expected}, not ${name}`, line: where };
    if (type === 'mount' && apiFileSystem(value, version)) {
      return { cause: 'mount-api-file-system', reason: `${normalPath(value)} is a file system systemd keeps for itself (it mounts it at boot, or the kernel or a container manager provides it), and no unit may mount it`, line: where };
    }
  }
  // Without Where=, `-.automount` stands for the root directory.
  if (type === 'automount' && where === undefined && unitName(model) === '-.automount') return rootAutomount(undefined);
  // A mount unit must say what it mounts; the root file system's unit (`-.mount`) is always there.
  if (type === 'mount' && model.effective('What').length === 0 && unitName(model) !== '-.mount' && (value === undefined || normalPath(value) !== '/')) {
    return { cause: 'mount-without-what', reason: 'it has no What= to mount', line: clearingLine(model, ['What']), lacks: ['What'] };
  }
  if (type === 'mount') return pamKillModeRefusal(model, version, version >= PAM_MIXED_SINCE ? PAM_KILL_MODES : ['control-group']);
  return undefined;
}

/** The unit's name, as its file (a build template's without its `.in`) or its drop-in's folder gives it. */
function unitName(model: UnitModel): string {
  return model.unit.file.unitName ?? uriFileName(model.unit.uri);
}

/** The root directory is never mounted on demand: systemd refuses an automount unit for it (`automount_verify()`). */
function rootAutomount(line: Assignment | undefined): Refusal {
  return { cause: 'automount-root', reason: 'the root directory cannot be mounted on demand, so no automount unit may stand for it', line };
}

/**
 * The mount points systemd keeps for itself (`mount_point_is_api()`, `mount_point_ignore()`), as
 * Debian's builds of each release refuse them: the API file systems it mounts at boot, and those
 * the kernel or a container manager mounts. `/run/lock` left the list and `/run/credentials` joined
 * it between 254 and 257: at 255 and 256 neither is called refused.
 */
const API_MOUNTS: readonly string[] = [
  '/proc', '/sys', '/dev', '/run', '/dev/shm', '/dev/pts', '/sys/fs/cgroup', '/sys/kernel/security', '/sys/fs/smackfs', '/sys/fs/pstore',
  '/sys/firmware/efi/efivars', '/sys/fs/bpf', '/proc/sys', '/dev/console', '/proc/kmsg', '/sys/fs/selinux', '/proc/sys/kernel/random/boot_id',
];

/** Mount points systemd keeps for itself with everything below them. */
const API_TREES: readonly string[] = ['/sys/fs/cgroup', '/run/host'];

const RUN_LOCK_API_UNTIL = 254;
const CREDENTIALS_API_SINCE = 257;

function apiFileSystem(path: string, version: number): boolean {
  const normal = normalPath(path);
  const below = (root: string): boolean => normal === root || normal.startsWith(`${root}/`);
  if (API_MOUNTS.includes(normal) || API_TREES.some(below)) return true;
  if (normal === '/run/lock') return version <= RUN_LOCK_API_UNTIL;
  return version >= CREDENTIALS_API_SINCE && below('/run/credentials');
}

/** An absolute path without repeated or trailing slashes and `.` parts. */
function normalPath(path: string): string {
  return `/${path.split('/').filter((p) => p !== '' && p !== '.').join('/')}`;
}

/**
 * A path as a unit name (`unit_name_from_path()`): duplicate and trailing slashes dropped, `/`
 * alone is `-`, else the leading slash is dropped, each `/` becomes `-`, and every character but
 * letters, digits, `:`, `_` and `.` (and a `.` at the start) is written as `\xNN`.
 */
function escapePath(path: string): string {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0) return '-';
  const plain = parts.join('/');
  let escaped = '';
  const bytes = new TextEncoder().encode(plain);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    const c = String.fromCharCode(b);
    if (c === '/') escaped += '-';
    else if (/[A-Za-z0-9:_]/.test(c) || (c === '.' && i > 0)) escaped += c;
    else escaped += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return escaped;
}

/** A PAM session (PAMName=) under a kill mode other than `allowed`, which would leave its processes behind. */
function pamKillModeRefusal(model: UnitModel, version: number, allowed: readonly string[]): Refusal | undefined {
  if (!lastIn(model, 'PAMName', version)) return undefined;
  const killMode = lastOf(model, 'KillMode', (v) => known('KillMode', v, version), version);
  const mode = trimBlanks(killMode?.entry.value) ?? 'control-group';
  if (allowed.includes(mode)) return undefined;
  return { cause: 'pam-kill-mode', reason: `with PAMName= the kill mode must be ${allowed.join(' or ')}, not ${mode}`, line: killMode };
}

/** Why systemd refuses to load a socket unit that listens on something (`socket_verify()`). */
function socketRefusal(model: UnitModel, version: number): Refusal | undefined {
  const refuse = (cause: RefusalCause, reason: string, line: Assignment | undefined): Refusal => ({ cause, reason, line });
  const acceptLine = switchedOn(model, 'Accept', version);
  const accepts = acceptLine !== undefined;
  // The number as strtoul() reads it: decimal, 0x hexadecimal or 0 octal.
  const maxLine = lastOf(model, 'MaxConnections', (v) => /^(?:\d+|0x[0-9a-f]+)$/i.test(v), version);
  const noConnections = maxLine !== undefined && /^(?:0+|0x0+)$/i.test(trimBlanks(maxLine.entry.value));
  const tooFew = (): Refusal => refuse('socket-max-connections', 'MaxConnections=0 lets no connection in', maxLine);
  if (noConnections && version >= SOCKET_MAX_CONNECTIONS_ALWAYS_SINCE) return tooFew();
  if (accepts) {
    const listeners = sharedList('ListenStream', 'Socket').flatMap((name) => model.effective(name));
    const other = listeners.find((line) => !ACCEPTING_LISTENERS.includes(line.entry.key));
    if (other) return refuse('socket-accept-not-accepting', `with Accept=yes every listener must be a stream or sequential-packet socket, and ${other.entry.key}= accepts no connections`, acceptLine);
    if (noConnections) return tooFew();
    const service = lastIn(model, 'Service', version);
    if (service) return refuse('socket-accept-service', 'with Accept=yes each connection starts an instance of the socket\'s own template service, so Service= may not name one', service);
    const defer = lastOf(model, 'DeferTrigger', (v) => known('DeferTrigger', v, version) || booleanValue(v) !== undefined, version);
    if (defer && booleanValue(trimBlanks(defer.entry.value)) !== false) {
      return refuse('socket-accept-defer-trigger', 'with Accept=yes the socket may not defer its trigger (DeferTrigger=)', defer);
    }
  }
  const pam = pamKillModeRefusal(model, version, version >= PAM_MIXED_SINCE ? PAM_KILL_MODES : ['control-group']);
  if (pam) return pam;
  const symlinks = model.effective('Symlinks');
  if (symlinks.length > 0) {
    const listeners = NODE_LISTENERS.flatMap((name) => model.effective(name));
    const nodes = listeners.filter((line) => line.entry.key === 'ListenFIFO' || trimBlanks(line.entry.value).startsWith('/'));
    // A socket written with a specifier (`%t/api.sock`) may or may not be a path: nothing is concluded.
    const unknown = listeners.some((line) => line.entry.key !== 'ListenFIFO' && trimBlanks(line.entry.value).startsWith('%'));
    if (!unknown && nodes.length !== 1) {
      return refuse('socket-symlinks-target', `Symlinks= needs exactly one listener that is a node in the file system (a FIFO or a socket with a path), and this socket has ${nodes.length === 0 ? 'none' : nodes.length}`, symlinks[symlinks.length - 1]);
    }
  }
  return undefined;
}

/** Why systemd refuses to load a service (`service_verify()`). */
function serviceRefusal(model: UnitModel, version: number, manager: ManagerKind): Refusal | undefined {
  const starts = commands(model, 'ExecStart');
  const stops = commands(model, 'ExecStop');
  const successAction = lastOf(model, 'SuccessAction', (v) => successActionKnown(v, version, manager), version);
  const hasSuccessAction = successAction !== undefined && trimBlanks(successAction.entry.value) !== 'none';
  const busName = lastIn(model, 'BusName', version);
  const typeLine = lastOf(model, 'Type', (v) => known('Type', v, version), version);
  // A service without Type= is a D-Bus one when it names a bus, else a simple one when it has a
  // command to start, else a oneshot one.
  const type = trimBlanks(typeLine?.entry.value) ?? (busName ? 'dbus' : starts.count > 0 ? 'simple' : 'oneshot');
  const oneshot = type === 'oneshot';
  const refuse = (cause: RefusalCause, reason: string, line: Assignment | undefined): Refusal => ({ cause, reason, line });

  if (starts.count === 0 && stops.count === 0 && !hasSuccessAction) {
    return { ...refuse('nothing-to-run', 'it has no ExecStart=, ExecStop= or SuccessAction=, so it has nothing to do', clearingLine(model, ['ExecStart', 'ExecStop'])), lacks: ['ExecStart', 'ExecStop', 'SuccessAction'] };
  }
  if (!oneshot && starts.count === 0) {
    return { ...refuse('no-start-command', `a Type=${type} service needs an ExecStart= command; only a Type=oneshot service may go without`, typeLine ?? busName), lacks: ['ExecStart'] };
  }
  const remains = switchedOn(model, 'RemainAfterExit', version) !== undefined;
  if (!remains && starts.count === 0 && !hasSuccessAction) {
    return { ...refuse('no-start-not-remaining', 'a service without ExecStart= or SuccessAction= must have RemainAfterExit=yes', stops.lines[0]), lacks: ['ExecStart', 'SuccessAction'] };
  }
  if (!oneshot && starts.count > 1) {
    const which = starts.second === starts.lines[0] ? 'this line holds a second ExecStart= command after ";"' : 'this is a second ExecStart= command';
    return refuse('several-start-commands', `${which}, and only a Type=oneshot service may have more than one (this one is Type=${type}${typeLine ? '' : ', as it has no Type='})`, starts.second);
  }
  if (oneshot) {
    const restart = lastOf(model, 'Restart', (v) => known('Restart', v, version), version);
    if (restart && !ONESHOT_RESTARTS.includes(trimBlanks(restart.entry.value))) {
      return refuse('oneshot-restart', `a Type=oneshot service may not have Restart=${trimBlanks(restart.entry.value)}`, restart);
    }
    const forced = lastIn(model, 'RestartForceExitStatus', version);
    if (forced && version < ONESHOT_FORCE_EXIT_STATUS_SINCE) {
      return refuse('oneshot-force-exit-status', `a Type=oneshot service may not have RestartForceExitStatus= before systemd ${ONESHOT_FORCE_EXIT_STATUS_SINCE}`, forced);
    }
    const exitType = lastOf(model, 'ExitType', (v) => known('ExitType', v, version), version);
    if (trimBlanks(exitType?.entry.value) === 'cgroup') return refuse('oneshot-exit-type-cgroup', 'a Type=oneshot service may not have ExitType=cgroup', exitType);
  }
  if (type === 'dbus' && !busName) return refuse('dbus-without-bus-name', 'a Type=dbus service needs BusName=', typeLine);
  const pam = pamKillModeRefusal(model, version, PAM_KILL_MODES);
  if (pam) return pam;
  if (type === 'forking' && version >= FORKING_PRIVATE_PIDS_SINCE) {
    const privatePids = switchedOn(model, 'PrivatePIDs', version);
    if (privatePids) {
      return refuse('forking-private-pids', 'a Type=forking service may not have PrivatePIDs=yes', privatePids);
    }
  }
  return undefined;
}

/**
 * The commands of an Exec setting in force (each line holds one, or several separated by a lone
 * `;`): none, one, or two for two or more (all a refusal asks), and the line that holds the
 * second. Counting stops there: a long unit may have thousands of command lines.
 */
function commands(model: UnitModel, name: string): { count: number; lines: Assignment[]; second: Assignment | undefined } {
  const lines = model.effective(name);
  let count = 0;
  let second: Assignment | undefined;
  for (const line of lines) {
    count += commandSpans(line.entry.value).length;
    if (count >= 2) {
      second = line;
      return { count: 2, lines, second };
    }
  }
  return { count, lines, second };
}

function known(setting: string, value: string, version: number): boolean {
  return enumValueAt(setting, value, version) !== undefined;
}
