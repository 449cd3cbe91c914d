/**
 * SystemCallFilter= as systemd builds it (seccomp_parse_syscall_filter) and as the exposure checks
 * read it. Group contents follow the chosen release; names without a number on x86_64 are kept
 * out, as systemd-analyze skips them.
 */
import { syscallGroup } from '../kb';
import { X86_64_UNAVAILABLE_SYSCALLS } from './platform';
import { syscallGroupChange } from './versions';
import { words } from './words';

/** Group items by release and name: filters name the same few groups over and over. */
const itemsByRelease = new Map<number, Map<string, readonly string[] | undefined>>();

/** The items of a group (system calls and nested `@groups`), or undefined when the release lacks it. Shared: never change them. */
export function groupItems(name: string, version: number): readonly string[] | undefined {
  let byName = itemsByRelease.get(version);
  if (!byName) itemsByRelease.set(version, (byName = new Map()));
  if (byName.has(name)) return byName.get(name);
  const items = readGroupItems(name, version);
  // Only the groups of the tables are kept: other names are unknown and not worth remembering.
  if (syscallGroup(name)) byName.set(name, items);
  return items;
}

function readGroupItems(name: string, version: number): readonly string[] | undefined {
  const change = syscallGroupChange(name, version);
  if (change === null) return undefined;
  const group = syscallGroup(name);
  if (!group) return undefined;
  const items = [...group.nested, ...group.direct];
  if (!change) return items;
  return [...items.filter((i) => !change.removed.includes(i)), ...change.added];
}

export interface SyscallFilter {
  /** True: only the listed calls are allowed; false: the listed calls are refused. */
  allowList: boolean;
  /** Calls in the filter, mapped to the errno they fail with (-1: plain entry). */
  entries: Map<string, number>;
}

/**
 * Applies one SystemCallFilter= line; returns the new state (undefined = no filter). With `only`,
 * the entries keep just those calls: enough to ask about them, without expanding whole groups
 * into the map.
 */
export function applySyscallFilterLine(state: SyscallFilter | undefined, value: string, version: number, only?: ReadonlySet<string>): SyscallFilter | undefined {
  if (value === '') return undefined;
  let text = value;
  const invert = text.startsWith('~');
  if (invert) text = text.slice(1);
  let filter = state;
  if (!filter) {
    filter = { allowList: !invert, entries: new Map() };
    if (!invert) addItem(filter, '@default', -1, false, version, only);
  }
  for (const word of words(text)) {
    const parsed = nameAndErrno(word);
    if (!parsed) continue;
    if (!invert && parsed.errno >= 0) continue;
    addItem(filter, parsed.name, parsed.errno, invert, version, only);
  }
  return filter;
}

function addItem(filter: SyscallFilter, name: string, errno: number, invert: boolean, version: number, only: ReadonlySet<string> | undefined, depth = 0): void {
  if (name.startsWith('@')) {
    const items = groupItems(name, version);
    if (!items || depth > 10) return;
    for (const item of items) addItem(filter, item, errno, invert, version, only, depth + 1);
    return;
  }
  if (only !== undefined && !only.has(name)) return;
  if (!invert === filter.allowList || (invert && filter.allowList && errno >= 0)) filter.entries.set(name, errno);
  else filter.entries.delete(name);
}

/** A filter item as systemd reads it: the call or group, and the errno after `:` (-1: none); undefined when systemd skips it. */
export function nameAndErrno(word: string): { name: string; errno: number } | undefined {
  const colon = word.indexOf(':');
  if (colon < 0) return word ? { name: word, errno: -1 } : undefined;
  const name = word.slice(0, colon);
  const errnoText = word.slice(colon + 1);
  if (!name) return undefined;
  if (/^\d+$/.test(errnoText)) {
    const n = Number(errnoText);
    return n <= 4095 ? { name, errno: n } : undefined;
  }
  return /^E[A-Z0-9]+$/.test(errnoText) ? { name, errno: 1 } : undefined;
}

/** The calls the checks see: for an allow-list the allowed ones, for a deny-list all listed. */
export function filterNames(filter: SyscallFilter): Set<string> {
  const names = new Set<string>();
  for (const [name, errno] of filter.entries) {
    if (filter.allowList && errno >= 0) continue;
    names.add(name);
  }
  return names;
}

/** A call of the group that gets through the filter (the check fails), or undefined. */
export function offendingSyscall(
  names: ReadonlySet<string>,
  allowList: boolean,
  group: string,
  version: number,
  depth = 0,
): string | undefined {
  for (const item of groupItems(group, version) ?? []) {
    if (item.startsWith('@')) {
      if (depth > 10) continue;
      const found = offendingSyscall(names, allowList, item, version, depth + 1);
      if (found) return found;
      continue;
    }
    if (X86_64_UNAVAILABLE_SYSCALLS.has(item)) continue;
    if (names.has(item) === allowList) return item;
  }
  return undefined;
}
