/**
 * What a unit's settings amount to, computed the way systemd combines them: whether a setting
 * is switched on, the system call filter, the capability sets, who the service runs as, which
 * paths a path list covers. Hardening pairs are judged on these effects, so a pair counts as
 * satisfied by any setting that has the effect (an @system-service allow-list blocks @mount; a
 * CAP_NET_ADMIN bounding set drops CAP_SYS_ADMIN).
 */
import { capabilities, directiveRow, enumValues, getDirective, KB_SYSTEMD_VERSION } from '../../kb';
import { groupItems, nameAndErrno } from '../../security/syscallFilter';
import type { Assignment, UnitModel } from '../../model/unitModel';
import { parseBoolean } from '../values/scalars';
import { commandHead } from '../values/commandWords';
import { wordTexts } from '../values/words';
import { BoundedCache } from '../values/boundedCache';
import { factsOf, once } from './unitFacts';
import { trimBlanks } from '../../syntax/blanks';

/**
 * The lines of a setting in force (`model.effective`), read once per unit: rules ask for the same
 * settings again and again. The list is shared: read it, never change it.
 */
export function effectiveLines(model: UnitModel, name: string): readonly Assignment[] {
  const known = factsOf(model).effective;
  let lines = known.get(name);
  if (lines !== undefined) model.noteRead(name);
  else {
    // Most settings asked for are not in the unit: that answer is quick to find again, and not kept.
    const settings = model.named(name);
    if (settings.length === 0) return NO_LINES;
    // A setting in one section has its lines in reading order already.
    lines = settings.length === 1 ? settings[0].effective : model.effective(name);
    known.set(name, lines);
  }
  return lines;
}

/** Every line of a setting (`model.assignments`), read once per unit; shared like `effectiveLines`. */
export function assignedLines(model: UnitModel, name: string): readonly Assignment[] {
  const known = factsOf(model).assignments;
  let lines = known.get(name);
  if (lines !== undefined) model.noteRead(name);
  else {
    const settings = model.named(name);
    if (settings.length === 0) return NO_LINES;
    lines = settings.length === 1 ? settings[0].all : model.assignments(name);
    known.set(name, lines);
  }
  return lines;
}

const NO_LINES: readonly Assignment[] = [];

/** The line in force of a single-valued setting (`model.last`): the last one read. */
export function lastLine(model: UnitModel, name: string): Assignment | undefined {
  const lines = effectiveLines(model, name);
  return lines[lines.length - 1];
}

/** Whether some line in force sets the setting (`model.has`). */
export function hasSetting(model: UnitModel, name: string): boolean {
  return effectiveLines(model, name).length > 0;
}

/** Enumerated settings whose "off" value is not a boolean no. */
const OFF_VALUES: Readonly<Record<string, readonly string[]>> = {
  ProtectProc: ['default'],
  ProcSubset: ['all'],
  KeyringMode: [],
  DevicePolicy: ['auto'],
};

/** Whether an assignment turns the setting on (anything but an empty, boolean-false or "off" value). */
export function isEnabling(directive: string, value: string): boolean {
  const trimmed = trimBlanks(value);
  if (trimmed === '') return false;
  if (parseBoolean(trimmed) === false) return false;
  if (OFF_VALUES[directive]?.includes(trimmed)) return false;
  if (trimmed === '0' && /Sec$/.test(directive)) return false;
  return true;
}

/** A value in a form that compares equal across spellings: booleans as yes/no, `PrivateTmp=true` as yes. */
export function normalizeValue(directive: string, value: string): string {
  const trimmed = trimBlanks(value);
  const bool = parseBoolean(trimmed);
  const info = enumValues(directive);
  if (bool !== undefined && (info === undefined || info.booleanTrue !== undefined || info.acceptsBoolean || isBooleanSetting(directive))) return bool ? 'yes' : 'no';
  if (info?.booleanTrue !== undefined && trimmed === info.booleanTrue) return 'yes';
  return trimmed;
}

function isBooleanSetting(directive: string): boolean {
  return getDirective(directive)?.rows.some((r) => r.valueKind.forms.some((f) => f.type === 'boolean')) ?? false;
}

/** Whether a setting's lines add up (a list) rather than replace each other. */
export function isListSetting(directive: string): boolean {
  const row = getDirective(directive)?.rows[0];
  return row?.assignment.kind === 'list';
}

/** The items of a list value, with `-`/`+` path prefixes and quotes removed. */
export function listItems(value: string): string[] {
  return wordTexts(value);
}

export function stripPathPrefix(path: string): string {
  return path.replace(/^[-+]+/, '');
}

function normalizePath(path: string): string {
  const stripped = stripPathPrefix(path).replace(/\/+$/, '');
  return stripped === '' ? '/' : stripped;
}

/** Where the system manager creates the folders of the *Directory= settings (each one bind-mounted writable, `ro` aside). */
export const DIRECTORY_BASES: Readonly<Record<string, string>> = {
  RuntimeDirectory: '/run',
  StateDirectory: '/var/lib',
  CacheDirectory: '/var/cache',
  LogsDirectory: '/var/log',
  ConfigurationDirectory: '/etc',
};

/** `[-]source[:destination[:options]]` of BindPaths= items: the destination. */
export function bindDestination(item: string): string {
  const parts = stripPathPrefix(item).split(':');
  return parts.length >= 2 && parts[1] !== '' ? parts[1] : parts[0];
}

/** Whether `parent` is `child` or one of the folders above it. */
export function pathCovers(parent: string, child: string): boolean {
  const p = normalizePath(parent);
  const c = normalizePath(child);
  return p === '/' || p === c || c.startsWith(`${p}/`);
}

/** The first assignment among `directives` with a path item covering `path`. */
export function coveringAssignment(model: UnitModel, directives: readonly string[], path: string): Assignment | undefined {
  for (const directive of directives) {
    for (const a of effectiveLines(model, directive)) if (listItems(a.entry.value).some((item) => pathCovers(item, path))) return a;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// system call filter

export interface SyscallFilter {
  /** `none` when no filter is in force. */
  mode: 'allow' | 'deny' | 'none';
  /** The release whose group members the filter was built with. */
  version: number;
  /** Allowed calls (allow mode) or denied calls (deny mode), groups expanded. */
  calls: CallSet;
  lines: Assignment[];
}

/**
 * The calls of a filter, kept as what its lines name: whether a call is in the set is decided by
 * the last line that names it, by itself or in a group. Filters name groups of hundreds of calls on
 * line after line, while a unit only ever asks about a few calls, so each answer is worked out when
 * asked. A call named many times is kept once, and so is a group: only the last line that names it
 * can decide (a filter of 100,000 lines keeps the few dozen groups there are, not a step for each
 * group of each line).
 */
export class CallSet {
  /** Per line that names something, in order: whether it adds its calls or takes them away. */
  private readonly adds: boolean[] = [];
  /** The last of those lines that names each call by itself. */
  private readonly lastNaming = new Map<string, number>();
  /** The last of those lines that names each group. */
  private readonly lastGroupLine = new Map<ReadonlySet<string>, number>();
  private readonly answers = new Map<string, boolean>();

  /** A line of the filter: the calls it names by themselves and the groups it names, which it adds or takes away. */
  addLine(add: boolean, calls: Iterable<string>, groups: Iterable<ReadonlySet<string>>): void {
    const line = this.adds.length;
    this.adds.push(add);
    for (const call of calls) this.lastNaming.set(call, line);
    for (const group of groups) this.lastGroupLine.set(group, line);
    this.answers.clear();
  }

  has(call: string): boolean {
    let known = this.answers.get(call);
    if (known === undefined) {
      // The last line that names the call, by itself or in a group, decides.
      let deciding = this.lastNaming.get(call) ?? -1;
      for (const [group, line] of this.lastGroupLine) if (line > deciding && group.has(call)) deciding = line;
      known = deciding >= 0 ? this.adds[deciding] : false;
      this.answers.set(call, known);
    }
    return known;
  }
}

/** The calls of an item at a release: a call, or a group's members as that release has them (none when it lacks the group). */
function expandSyscall(item: string, version: number): readonly string[] {
  const colon = item.indexOf(':');
  const name = colon < 0 ? item : item.slice(0, colon);
  if (!name.startsWith('@')) return [name];
  return groupCallsOf(name, version).list;
}

/** Groups expanded once per release: every filter line names some, and they hold hundreds of calls. */
const groupCalls = new Map<string, { list: readonly string[]; set: ReadonlySet<string> }>();

function groupCallsOf(name: string, version: number): { list: readonly string[]; set: ReadonlySet<string> } {
  const key = `${version}\0${name}`;
  let calls = groupCalls.get(key);
  if (!calls) {
    const list = expandGroupCalls(name, version, 0);
    calls = { list, set: new Set(list) };
    // Names outside the tables are not kept: a unit may invent any number of them.
    if (groupItems(name, version) !== undefined) groupCalls.set(key, calls);
  }
  return calls;
}

function expandGroupCalls(item: string, version: number, depth: number): string[] {
  const name = item.replace(/:.*$/, '');
  if (!name.startsWith('@')) return [name];
  if (depth > 10) return [];
  return (groupItems(name, version) ?? []).flatMap((i) => expandGroupCalls(i, version, depth + 1));
}

/** The filter as systemd of the target release builds it: the first line's kind fixes the mode, later lines add or take away. */
export function syscallFilter(model: UnitModel, version: number = KB_SYSTEMD_VERSION): SyscallFilter {
  const lines = model.effective('SystemCallFilter');
  const filter: SyscallFilter = { mode: 'none', version, calls: new CallSet(), lines };
  for (const line of lines) {
    const words = listItems(line.entry.value);
    if (words.length === 0) continue;
    const invert = words[0].startsWith('~');
    if (filter.mode === 'none') filter.mode = invert ? 'deny' : 'allow';
    const add = filter.mode === 'allow' ? !invert : invert;
    const calls: string[] = [];
    const groups: ReadonlySet<string>[] = [];
    words.forEach((word, i) => {
      const item = i === 0 ? word.replace(/^~/, '') : word;
      // Read as systemd reads it: an item with an error number that does not parse is skipped,
      // and so is one with an error number on a line without `~`.
      const parsed = nameAndErrno(item);
      if (!parsed || (!invert && parsed.errno >= 0)) return;
      const name = parsed.name;
      if (!name.startsWith('@')) calls.push(name);
      else {
        const group = groupCallsOf(name, version);
        if (group.list.length > 0) groups.push(group.set);
      }
    });
    filter.calls.addLine(add, calls, groups);
  }
  return filter;
}

/** Whether every one of the calls (names or @groups) is blocked by the filter. */
export function blocksSyscalls(filter: SyscallFilter, items: readonly string[]): boolean {
  if (filter.mode === 'none') return false;
  const allow = filter.mode === 'allow';
  for (const item of items) for (const c of expandSyscall(item, filter.version)) if (filter.calls.has(c) === allow) return false;
  return true;
}

// ---------------------------------------------------------------------------
// capabilities

const ALL_CAPABILITIES: readonly string[] = capabilities.map((c) => c.name);

/** Capability lines already read, by their text: the same few values come up again and again. */
const capabilityWordsCache = new BoundedCache<{ readonly invert: boolean; readonly names: readonly string[] }>(1024);

/** The names of a capability line, and whether it takes them away (`~`); shared: read them, never change them. */
export function capabilityWords(line: Assignment): { readonly invert: boolean; readonly names: readonly string[] } {
  return capabilityWordsCache.get(line.entry.value, readCapabilityWords);
}

function readCapabilityWords(value: string): { invert: boolean; names: string[] } {
  const words = listItems(value);
  const invert = words[0]?.startsWith('~') ?? false;
  const names = words
    .map((w, i) => (i === 0 ? w.replace(/^~/, '') : w))
    .filter((w) => w !== '')
    .map((w) => w.toUpperCase());
  // A name written twice on a line is the same capability; each is kept once, in the order first written.
  return { invert, names: [...new Set(names)] };
}

/** One line of a capability setting as systemd reads it. */
export interface CapabilityStep {
  line: Assignment;
  invert: boolean;
  names: readonly string[];
  /** The line starts the set over (the first line, an empty or bare `~` line, or one after the set went back to unset). */
  replaces: boolean;
  /**
   * The set a line that starts it over leaves; undefined for the other lines. A copy for every
   * line made the memory grow with the square of the lines: 140,000 lines took 4 GB.
   */
  started: ReadonlySet<string> | undefined;
  /** The set is back at systemd's "unset" marker after the line. */
  unset: boolean;
}

/** A capability setting's lines replayed, and the set they leave (undefined: unset). */
interface CapabilityReplay {
  steps: readonly CapabilityStep[];
  final: ReadonlySet<string> | undefined;
}

/**
 * A capability setting as systemd combines the lines: the first line (or an empty or bare `~`
 * line) replaces the set, a later plain line adds, a later `~` line takes away. A bounding set
 * that came from a `~` line and holds every capability again is all 64 bits, systemd's "unset"
 * marker, so the next line replaces it instead of adding to it.
 */
export function capabilitySteps(model: UnitModel, directive: 'CapabilityBoundingSet' | 'AmbientCapabilities'): readonly CapabilityStep[] {
  return replayed(model, directive).steps;
}

/** The lines of each capability setting are replayed once per unit (shared: read them, never change them). */
const STEPS = { CapabilityBoundingSet: {}, AmbientCapabilities: {} };

function replayed(model: UnitModel, directive: 'CapabilityBoundingSet' | 'AmbientCapabilities'): CapabilityReplay {
  return once(model, STEPS[directive], () => replayCapabilities(model, directive));
}

function replayCapabilities(model: UnitModel, directive: 'CapabilityBoundingSet' | 'AmbientCapabilities'): CapabilityReplay {
  const steps: CapabilityStep[] = [];
  let set: Set<string> | undefined;
  let inverted = false;
  for (const line of assignedLines(model, directive)) {
    const { invert, names } = capabilityWords(line);
    const replaces = names.length === 0 || set === undefined;
    if (replaces) {
      set = invert ? new Set(ALL_CAPABILITIES.filter((c) => !names.includes(c))) : new Set(names);
      inverted = invert;
    } else if (invert) for (const n of names) set?.delete(n);
    else for (const n of names) set?.add(n);
    if (directive === 'CapabilityBoundingSet' && inverted && set?.size === ALL_CAPABILITIES.length) set = undefined;
    steps.push({ line, invert, names, replaces, started: replaces && set ? new Set(set) : undefined, unset: set === undefined });
  }
  return { steps, final: set };
}

/**
 * The capability set in force; undefined when no line sets it (every capability for the bounding
 * set, none for the ambient set). Shared with the unit's other readers: never change it.
 */
export function capabilitySet(model: UnitModel, directive: 'CapabilityBoundingSet' | 'AmbientCapabilities'): ReadonlySet<string> | undefined {
  return replayed(model, directive).final;
}

/** Whether the bounding set lacks the capability (explicitly, or through a setting that drops it). */
export function dropsCapability(model: UnitModel, capability: string): boolean {
  const set = capabilitySet(model, 'CapabilityBoundingSet');
  return set !== undefined && !set.has(capability);
}

export function holdsAmbient(model: UnitModel, capability: string): boolean {
  const ambient = capabilitySet(model, 'AmbientCapabilities');
  if (!ambient?.has(capability)) return false;
  const bounding = capabilitySet(model, 'CapabilityBoundingSet');
  return bounding === undefined || bounding.has(capability);
}

// ---------------------------------------------------------------------------
// identity

/** The value in force of a single-valued setting. */
export function valueOf(model: UnitModel, directive: string): string | undefined {
  const lines = effectiveLines(model, directive);
  return lines[lines.length - 1]?.entry.value;
}

export function isOn(model: UnitModel, directive: string): boolean {
  const value = valueOf(model, directive);
  return value !== undefined && isEnabling(directive, value);
}

/**
 * Whether the service's processes run as root: system services without User= (or with
 * User=root / 0) and without DynamicUser=. Per-user services run as the user. A User= with
 * specifiers could be anyone and does not count as root.
 */
export function runsAsRoot(model: UnitModel): boolean {
  return once(model, RUNS_AS_ROOT, () => decideRunsAsRoot(model));
}

const RUNS_AS_ROOT = {};

function decideRunsAsRoot(model: UnitModel): boolean {
  if (model.manager === 'user') return false;
  if (isOn(model, 'DynamicUser')) return false;
  const user = valueOf(model, 'User');
  return user === undefined || user === 'root' || user === '0';
}

/** Whether some command line carries the prefix (`+` runs it with full privileges). */
export const EXEC_SETTINGS: readonly string[] = ['ExecStart', 'ExecStartPre', 'ExecStartPost', 'ExecCondition', 'ExecReload', 'ExecStop', 'ExecStopPost'];

export function commandPrefix(value: string): string {
  return commandHead(value).prefix;
}

/** The program a command line runs (its first word after the prefixes). */
export function commandProgram(value: string): string | undefined {
  return commandHead(value).program?.text || undefined;
}

/** The rows of a setting for messages and sections: undefined when unknown. */
export function rowFor(directive: string, section: string): ReturnType<typeof directiveRow> {
  return directiveRow(directive, section);
}
