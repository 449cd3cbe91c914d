/**
 * How systemd combines repeated lines of the list settings that have an allow form and a `~`
 * deny form, one table entry per setting, as each parser in systemd does it (read in
 * src/core/load-fragment.c, src/shared/seccomp-util.c seccomp_parse_syscall_filter and
 * src/core/bpf-lsm.c lsm_bpf_parse_filesystem).
 *
 * Every one of them works the same way once started: the value is either "only these" or
 * "everything except these"; a line of the same form as the start adds to the list, a line of
 * the other form takes names off it. They differ in when a line starts afresh instead of merging,
 * in what an empty assignment and a lone `~` do, and in which names they know.
 */
import { addressFamilies, capabilities, namespaces } from '../../kb';
import type { Assignment } from '../../model/unitModel';
import { groupItems } from '../../security/syscallFilter';
import { parseBoolean } from '../values/scalars';
import { wordTexts } from '../values/words';
import { BoundedCache } from '../values/boundedCache';
import { trimBlanks } from '../../syntax/blanks';

/** `only`: nothing but the items is permitted; `allExcept`: everything but the items. */
export type ListKind = 'only' | 'allExcept';

export interface ListSemantics {
  readonly directive: string;
  /** The parser the behaviour was read from. */
  readonly parser: string;
  /** What one item is, for messages ("capability"), and the plural. */
  readonly noun: string;
  readonly nouns: string;
  /**
   * When a line replaces the value instead of merging into it:
   * `unset`: while no line has set it up yet (or an empty assignment or the unset marker undid it);
   * `empty-set`: whenever the list is empty (the mode is fixed again each time);
   * `empty-allow`: while the value is "nothing" (the parser's initial value is the empty set);
   * `nothing-added`: until some name was put into the list.
   */
  readonly startsAfresh: 'unset' | 'empty-set' | 'empty-allow' | 'nothing-added';
  /**
   * An empty assignment: `unset` undoes every earlier line (no restriction, next line starts
   * afresh); `nothing` sets "nothing permitted", and later lines merge into that.
   */
  readonly empty: 'unset' | 'nothing';
  /**
   * A lone `~`: `merge` is an ordinary `~` line without names (it starts a deny-list of nothing,
   * or changes nothing); `unset` gives back the unset marker (the next line starts afresh);
   * `everything` replaces the value with "everything".
   */
  readonly bareTilde: 'merge' | 'unset' | 'everything';
  /**
   * A line none of whose names systemd knows counts as one without names (empty, or a lone `~`):
   * the capability parser looks only at the sum of the names it recognised.
   */
  readonly namelessAsEmpty?: true;
  /** yes/no replace the whole value: yes permits nothing, no everything. */
  readonly booleans?: true;
  /** `none` permits nothing, and the next line starts afresh. */
  readonly noneKeyword?: true;
  /** One unknown name makes systemd ignore the whole line (otherwise only that name). */
  readonly unknownVoidsLine?: true;
  /** A `name:errno` item: only the name counts, and a line without `~` ignores such items. */
  readonly errnoSuffix?: true;
  /** Items an allow-list gets without being asked for (SystemCallFilter= adds @default). */
  readonly implicitAllow?: string;
  /** System calls, counted and named by the words of the lines (groups are large). */
  readonly countsCalls?: true;
  /**
   * Calls a list must hold to be meant as the whole allow-list: a list of lines without `~` that
   * does not even allow read() and write() is an exception to a deny-list, not an allow-list.
   */
  readonly allowListNeeds?: readonly string[];
  /** What the value does, for messages: "logging of" for SystemCallLog=. */
  readonly subject?: string;
  /**
   * The members of one item at the target release: the names it stands for, `undefined` when
   * systemd does not know it (and skips it), `null` when we cannot tell (no data).
   */
  members(item: string, version: number): readonly string[] | undefined | null;
}

// ---------------------------------------------------------------------------
// names

const CAPABILITY_NAMES: ReadonlySet<string> = new Set(capabilities.map((c) => c.name));

/** Capability names are matched without regard to case. */
function capabilityMembers(item: string): readonly string[] | undefined {
  const name = item.toUpperCase();
  return CAPABILITY_NAMES.has(name) ? [name] : undefined;
}

const FAMILY_BY_NAME: ReadonlyMap<string, string> = new Map(
  addressFamilies.map((f) => [f.name, `#${f.number}`]),
);

/** Address families by number, so that AF_UNIX and AF_LOCAL are the same item. */
function familyMembers(item: string): readonly string[] | undefined {
  const key = FAMILY_BY_NAME.get(item);
  return key === undefined ? undefined : [key];
}

const NAMESPACE_NAMES: ReadonlySet<string> = new Set(namespaces.map((n) => n.name));

function namespaceMembers(item: string): readonly string[] | undefined {
  return NAMESPACE_NAMES.has(item) ? [item] : undefined;
}

const knownCalls = new Map<number, ReadonlySet<string>>();

function callsKnownAt(version: number): ReadonlySet<string> {
  let known = knownCalls.get(version);
  if (!known) {
    known = new Set(expandGroup('@known', version) ?? []);
    knownCalls.set(version, known);
  }
  return known;
}

/** Expanded groups by release and name: every filter line names some, and groups hold hundreds of calls. */
const expanded = new Map<number, Map<string, readonly string[] | undefined>>();

/** The calls of a group at a release (nested groups resolved), undefined when the release lacks it. Shared: never change them. */
export function expandGroup(name: string, version: number): readonly string[] | undefined {
  let byName = expanded.get(version);
  if (!byName) expanded.set(version, (byName = new Map()));
  if (byName.has(name)) return byName.get(name);
  const calls = expandNested(name, version, 0);
  if (groupItems(name, version) !== undefined) byName.set(name, calls);
  return calls;
}

function expandNested(name: string, version: number, depth: number): string[] | undefined {
  const items = groupItems(name, version);
  if (!items || depth > 10) return undefined;
  const calls = new Set<string>();
  for (const item of items) {
    if (item.startsWith('@')) for (const c of expandNested(item, version, depth + 1) ?? []) calls.add(c);
    else calls.add(item);
  }
  return [...calls];
}

/** A system call or `@group`, an `:errno` suffix left off; undefined when the release does not know it. */
function syscallMembers(item: string, version: number): readonly string[] | undefined {
  const name = item.replace(/:.*$/, '');
  if (name.startsWith('@')) return expandGroup(name, version);
  return callsKnownAt(version).has(name) ? [name] : undefined;
}

/** Interface names are taken as written (systemd checks only their form). */
function interfaceMembers(item: string): readonly string[] {
  return [item];
}

/** File system names as written; `@groups` are not in our data, so a line naming one cannot be judged. */
function filesystemMembers(item: string): readonly string[] | null {
  return item.startsWith('@') ? null : [item];
}

// ---------------------------------------------------------------------------
// the table

const CAPABILITY_NOUNS = { noun: 'capability', nouns: 'capabilities' } as const;
const NAMESPACE_NOUNS = { noun: 'namespace type', nouns: 'namespace types' } as const;
const SYSCALL_NOUNS = { noun: 'system call', nouns: 'system calls' } as const;
/** How config_parse_namespace_flags merges the lines of the namespace settings. */
const NAMESPACE_FLAGS = {
  ...NAMESPACE_NOUNS,
  startsAfresh: 'unset',
  empty: 'unset',
  bareTilde: 'merge',
  booleans: true,
  unknownVoidsLine: true,
  members: namespaceMembers,
} as const;

export const LIST_SEMANTICS: readonly ListSemantics[] = [
  {
    // The bounding set starts as the "unset" marker (all 64 bits); a line without names (empty or
    // a lone ~) replaces the value: empty gives the empty set, ~ gives all bits, which is the
    // marker again. Otherwise the first line replaces and later lines OR or AND-NOT into it.
    directive: 'CapabilityBoundingSet',
    parser: 'config_parse_capability_set',
    ...CAPABILITY_NOUNS,
    startsAfresh: 'unset',
    empty: 'nothing',
    bareTilde: 'unset',
    namelessAsEmpty: true,
    members: capabilityMembers,
  },
  {
    // The ambient set starts empty, and an empty value counts as "not set yet": whenever the set
    // is empty the next line replaces it. A lone ~ gives every capability.
    directive: 'AmbientCapabilities',
    parser: 'config_parse_capability_set',
    ...CAPABILITY_NOUNS,
    startsAfresh: 'empty-allow',
    empty: 'nothing',
    bareTilde: 'everything',
    namelessAsEmpty: true,
    members: capabilityMembers,
  },
  {
    // The first non-empty line creates the filter and fixes allow or deny (an allow-list also gets
    // @default); later lines of the other form take calls off; a line without ~ ignores
    // name:errno items. An empty value drops the filter.
    directive: 'SystemCallFilter',
    parser: 'config_parse_syscall_filter',
    ...SYSCALL_NOUNS,
    startsAfresh: 'unset',
    empty: 'unset',
    bareTilde: 'merge',
    errnoSuffix: true,
    implicitAllow: '@default',
    countsCalls: true,
    allowListNeeds: ['read', 'write'],
    members: syscallMembers,
  },
  {
    // As SystemCallFilter=, without @default and without error numbers.
    directive: 'SystemCallLog',
    parser: 'config_parse_syscall_log',
    ...SYSCALL_NOUNS,
    startsAfresh: 'unset',
    empty: 'unset',
    bareTilde: 'merge',
    countsCalls: true,
    subject: 'logging of',
    members: syscallMembers,
  },
  {
    // The first non-empty line creates the set and fixes allow or deny. `none` frees the set and
    // asks for an allow-list, so the next line creates the set again and fixes the mode anew.
    directive: 'RestrictAddressFamilies',
    parser: 'config_parse_address_families',
    noun: 'address family',
    nouns: 'address families',
    startsAfresh: 'unset',
    empty: 'unset',
    bareTilde: 'merge',
    noneKeyword: true,
    members: familyMembers,
  },
  {
    // The value starts as the "unset" marker; the first list line replaces it (with ~: every type
    // but the listed), later lines set or clear the listed types. yes and no replace the value,
    // empty restores the marker. An unknown type makes the whole line ignored.
    directive: 'RestrictNamespaces',
    parser: 'config_parse_restrict_namespaces (262: config_parse_namespace_flags)',
    ...NAMESPACE_FLAGS,
  },
  {
    // The same parser as RestrictNamespaces= (262); the man page describes the same OR / AND merging.
    directive: 'DelegateNamespaces',
    parser: 'config_parse_namespace_flags',
    ...NAMESPACE_FLAGS,
  },
  {
    // The mode is fixed while the set does not exist yet; it comes into being when a name is put
    // into it, so a lone ~ (or a first line whose names were all taken off nothing) leaves the
    // mode open for the next line.
    directive: 'RestrictFileSystems',
    parser: 'config_parse_restrict_filesystems + lsm_bpf_parse_filesystem',
    noun: 'file system',
    nouns: 'file systems',
    startsAfresh: 'nothing-added',
    empty: 'unset',
    bareTilde: 'merge',
    members: filesystemMembers,
  },
  {
    // The mode is fixed whenever the set is empty, so emptying it by taking every name off lets
    // the next line decide the mode again.
    directive: 'RestrictNetworkInterfaces',
    parser: 'config_parse_restrict_network_interfaces',
    noun: 'network interface',
    nouns: 'network interfaces',
    startsAfresh: 'empty-set',
    empty: 'unset',
    bareTilde: 'merge',
    members: interfaceMembers,
  },
];

// ---------------------------------------------------------------------------
// combining the lines

/** The value systemd has built so far. */
export interface ListValue {
  kind: ListKind;
  items: Set<string>;
  /** The next line replaces the value instead of merging into it. */
  fresh: boolean;
  /** Some name was put into the list (RestrictFileSystems= fixes its mode until then). */
  added: boolean;
}

/** One line as systemd applied it. */
export interface LineStep {
  line: Assignment;
  /** `allow`: a list without `~`; `deny`: with `~`; the others replace the whole value. */
  form: 'allow' | 'deny' | 'empty' | 'boolean' | 'none';
  /** The line replaced the value: it starts the lines that count. */
  starts: boolean;
  /** The items as written (without `~`), for messages. */
  words: readonly string[];
  /** Every member the line names. */
  members: readonly string[];
  /** Members the line names directly, not through a `@group`. */
  named: readonly string[];
  /** How many of them the line changed, and how many were already as it asks (counts: a group holds hundreds). */
  changed: number;
  unchanged: number;
}

export interface Combined {
  /** The value in the end; undefined when nothing restricts (never set, or undone). */
  value: ListValue | undefined;
  /** The lines since the last one that replaced the value, that one first. */
  run: LineStep[];
  /** Whether the run's first line starts afresh whatever lines we have not seen come before it. */
  certain: boolean;
  /** A name is written as its first word in the lines, for messages (`#1` → AF_UNIX). */
  display: Map<string, string>;
}

function freshAfter(semantics: ListSemantics, value: ListValue): boolean {
  switch (semantics.startsAfresh) {
    case 'unset':
      // "Every name but none" is the unset marker itself (capability sets: all 64 bits), so the next line starts afresh.
      return value.kind === 'allExcept' && value.items.size === 0;
    case 'empty-set':
      return value.items.size === 0;
    case 'empty-allow':
      return value.kind === 'only' && value.items.size === 0;
    case 'nothing-added':
      return !value.added;
  }
}

function fixedValue(semantics: ListSemantics, kind: ListKind, items: Iterable<string>): ListValue {
  const value: ListValue = { kind, items: new Set(items), fresh: false, added: false };
  value.added = value.items.size > 0;
  value.fresh = freshAfter(semantics, value);
  return value;
}

/** A list line read into its members; `ignored` when systemd drops the whole line, `opaque` when we cannot tell. */
type ReadLine = { invert: boolean; words: readonly string[]; members: readonly string[]; named: readonly string[] } | 'ignored' | 'opaque';

/** A line read, with the words it went through (and their members) before it ended, for the names shown in messages. */
interface LineReading {
  read: ReadLine;
  shown: readonly { word: string; members: readonly string[] }[];
}

/**
 * Lines read once per setting, release and text: a unit repeats its lines, and a group stands for
 * hundreds of calls. The readings are shared: never change them.
 */
const readings = new Map<ListSemantics, Map<number, BoundedCache<LineReading>>>();

function readLine(semantics: ListSemantics, text: string, version: number, display: Map<string, string>, shownWords: Set<string>): ReadLine {
  let byVersion = readings.get(semantics);
  if (!byVersion) readings.set(semantics, (byVersion = new Map()));
  let cache = byVersion.get(version);
  if (!cache) byVersion.set(version, (cache = new BoundedCache(1024, { keepsLong: fewWords })));
  const reading = cache.get(text, (t) => readLineOnce(semantics, t, version));
  // A name is shown as the first word that named it: a word met before has nothing left to show.
  for (const { word, members } of reading.shown) {
    if (shownWords.has(word)) continue;
    shownWords.add(word);
    for (const m of members) if (!display.has(m)) display.set(m, word);
  }
  return reading.read;
}

/** Words a reading of a long line may hold to be kept (it holds each known word once: most settings know a few hundred names). */
const KEPT_WORDS = 2048;

function fewWords(reading: LineReading): boolean {
  return reading.shown.length <= KEPT_WORDS;
}

/**
 * A line's reading. A word written again on the same line changes nothing and shows nothing new,
 * so each word is read and kept once: a line of a million words keeps what its distinct words
 * name. (Where the words are used, for messages, they are made unique anyway.)
 */
function readLineOnce(semantics: ListSemantics, text: string, version: number): LineReading {
  const invert = text.startsWith('~');
  const words: string[] = [];
  const seen = new Set<string>();
  const members = new Set<string>();
  const named = new Set<string>();
  const shown: { word: string; members: readonly string[] }[] = [];
  for (const word of wordTexts(invert ? text.slice(1) : text)) {
    // A line without `~` takes no error numbers: systemd skips such items.
    if (semantics.errnoSuffix && !invert && word.includes(':')) continue;
    if (seen.has(word)) continue;
    seen.add(word);
    const found = semantics.members(word, version);
    if (found === null) return { read: 'opaque', shown };
    if (found === undefined) {
      if (semantics.unknownVoidsLine) return { read: 'ignored', shown };
      continue;
    }
    words.push(word);
    shown.push({ word, members: found });
    for (const m of found) {
      members.add(m);
      if (!word.startsWith('@')) named.add(m);
    }
  }
  return { read: { invert, words, members: [...members], named: [...named] }, shown };
}

const EMPTY_LINE: ReadLine = { invert: false, words: [], members: [], named: [] };

/**
 * Applies the lines in reading order as the setting's parser does. Undefined when a line names
 * something we cannot judge (a file system group).
 */
export function combine(semantics: ListSemantics, lines: readonly Assignment[], version: number, complete: boolean): Combined | undefined {
  let value: ListValue | undefined;
  let run: LineStep[] = [];
  let certain = complete;
  // Once a line sets the value whatever came before it, the rest no longer depends on unseen lines.
  let anchored = complete;
  const display = new Map<string, string>();
  const shownWords = new Set<string>();
  const step = (line: Assignment, form: LineStep['form'], words: readonly string[] = [], members: readonly string[] = [], named: readonly string[] = []): LineStep => ({
    line,
    form,
    starts: false,
    words,
    members,
    named,
    changed: 0,
    unchanged: 0,
  });
  /** The line replaces the value: the lines that count start with it. */
  const replace = (s: LineStep, next: ListValue | undefined): void => {
    s.starts = true;
    s.changed = s.members.length;
    value = next;
    run = next === undefined ? [] : [s];
    certain = anchored;
  };

  for (const line of lines) {
    const text = trimBlanks(line.entry.value);
    const bool = semantics.booleans && text !== '' ? parseBoolean(text) : undefined;
    if (bool !== undefined) {
      anchored = true;
      replace(step(line, 'boolean'), fixedValue(semantics, bool ? 'only' : 'allExcept', []));
      continue;
    }
    if (semantics.noneKeyword && text === 'none') {
      anchored = true;
      replace(step(line, 'none'), { ...fixedValue(semantics, 'only', []), fresh: true });
      continue;
    }
    const read = text === '' ? EMPTY_LINE : readLine(semantics, text, version, display, shownWords);
    if (read === 'opaque') return undefined;
    if (read === 'ignored') continue;
    const { invert, words, members, named } = read;
    const nameless = members.length === 0 && (text === '' || (invert && words.length === 0) || semantics.namelessAsEmpty === true);

    if (nameless && !invert) {
      // An empty assignment (or, for capabilities, a line of unknown names).
      anchored = true;
      replace(step(line, 'empty'), semantics.empty === 'unset' ? undefined : fixedValue(semantics, 'only', []));
      continue;
    }
    if (nameless && semantics.bareTilde !== 'merge') {
      anchored = true;
      replace(step(line, 'deny'), semantics.bareTilde === 'unset' ? undefined : fixedValue(semantics, 'allExcept', []));
      continue;
    }

    const s = step(line, invert ? 'deny' : 'allow', words, members, named);
    if (value === undefined || value.fresh) {
      const items = !invert && semantics.implicitAllow ? members.concat(expandGroup(semantics.implicitAllow, version) ?? []) : members;
      replace(s, fixedValue(semantics, invert ? 'allExcept' : 'only', items));
      continue;
    }
    // A line of the value's own form adds names to its list; one of the other form takes them off.
    const adds = (value.kind === 'only') === !invert;
    for (const m of members) {
      const has = value.items.has(m);
      if (adds !== has) {
        if (adds) value.items.add(m);
        else value.items.delete(m);
        if (adds) value.added = true;
        s.changed++;
      } else s.unchanged++;
    }
    value.fresh = freshAfter(semantics, value);
    run.push(s);
  }
  return { value, run, certain, display };
}
