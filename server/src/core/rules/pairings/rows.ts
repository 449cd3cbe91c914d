/**
 * How each hardening pair is judged where the knowledge base's structured row alone does not
 * say enough: extra conditions, effect-based checks, and the reason shown in the message (in
 * our words). Pairs without an entry here follow their row as it is.
 */
import type { Pairing } from '../../kb';
import { commandHead } from '../values/commandWords';
import { removeEntryEdit, replaceValueEdit } from '../../edits/lineEdits';
import type { Assignment } from '../../model/unitModel';
import type { UnitDocument } from '../../unitDocument';
import type { Fix, Severity, TextEdit } from '../../types';
import { parseBoolean, timespanSeconds } from '../values/scalars';
import { splitWords, valueRange, wordsIn } from '../values/words';
import type { PairContext } from './context';
import {
  DIRECTORY_BASES,
  EXEC_SETTINGS,
  bindDestination,
  isListSetting,
  blocksSyscalls,
  commandProgram,
  coveringAssignment,
  dropsCapability,
  effectiveLines,
  hasSetting,
  holdsAmbient,
  isOn,
  listItems,
  pathCovers,
  runsAsRoot,
  stripPathPrefix,
  valueOf,
} from './effects';
import { settingsFix, type NewLine } from './fixBuilder';
import { once } from './unitFacts';
import { trimBlanks } from '../../syntax/blanks';

export interface RowSpec {
  /** A condition beyond the row's own scope. */
  when?(context: PairContext, subject: Assignment): boolean;
  /** Which subject lines count, instead of the row's subject value. */
  subject?(context: PairContext, line: Assignment): boolean;
  /** Absence relations: the lines that satisfy the pair, undefined when nothing does. */
  satisfied?(context: PairContext, subject: Assignment): Assignment[] | undefined;
  /** Presence relations: the lines that trigger the pair, undefined when none. */
  present?(context: PairContext, subject: Assignment): Assignment[] | undefined;
  /** Compare objects exactly (ProtectHome=yes means yes, not read-only). */
  exactObjects?: true;
  /** Fixes instead of those built from the row's alternatives. */
  fixes?(context: PairContext, subject: Assignment, pairing: Pairing): Fix[];
  /** Placeholder values the fix may fill in from the subject line. */
  fill?(context: PairContext, subject: Assignment): Readonly<Record<string, string>>;
  /** The objects as the message names them, with the unit's own values filled in. */
  objects?(context: PairContext, subject: Assignment): string | undefined;
  /** Why, in a few words. */
  reason?: string | ((context: PairContext, subject: Assignment) => string | undefined);
  /** The first fix is safe to apply without asking (fix-all applies it). */
  preferred?: true;
  /** Report explicit lines that only restate the implication. */
  redundant?: true;
  /** One diagnostic per matching line instead of one for the first. */
  everyLine?: true;
  /** The subject has an effect in part only: not rendered as unused. */
  partial?: true;
  /** The severity by the severity policy, where it differs from the knowledge base's. */
  grade?: Severity;
  /** The first release the row holds for (its behaviour is newer than the setting). */
  since?: number;
  /** The whole message, where the relation's sentence would say something else than what happens. */
  message?(context: PairContext, subject: Assignment): string;
}

/** Whether the service's processes hold CAP_SYS_PTRACE: root keeps it unless the bounding set drops it; others through AmbientCapabilities=. */
export function holdsPtrace(c: PairContext): boolean {
  if (holdsAmbient(c.model, 'CAP_SYS_PTRACE')) return true;
  return c.model.complete && runsAsRoot(c.model) && !dropsCapability(c.model, 'CAP_SYS_PTRACE');
}

const hasRoot = (c: PairContext): boolean => hasSetting(c.model, 'RootDirectory') || hasSetting(c.model, 'RootImage');
const unset = (directive: string) => (c: PairContext): boolean => !hasSetting(c.model, directive);
const HOME_DIRS = ['/home', '/root', '/run/user'];

/** `[-]image:destination[:options]` of MountImages= items: the destination. */
function imageDestination(item: string): string | undefined {
  const parts = stripPathPrefix(item).split(':');
  return parts.length >= 2 ? parts[1] : undefined;
}

function itemsOf(a: Assignment): string[] {
  return listItems(a.entry.value);
}

function belowAny(path: string, parents: readonly string[]): boolean {
  return parents.some((p) => pathCovers(p, path));
}

/** Lines of a list setting with an item for which `test` holds. */
function linesWithItem(context: PairContext, directive: string, test: (item: string) => boolean): Assignment[] {
  return effectiveLines(context.model, directive).filter((a) => itemsOf(a).some(test));
}

function orUndefined<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

/** Removes the `+` prefix from every command line of the document that carries it. */
function dropPlusFix(context: PairContext): Fix[] {
  // The same for each `+` pair's finding: worked out once per unit and document (a long unit has thousands).
  let key = PLUS_KEYS.get(context.document);
  if (key === undefined) PLUS_KEYS.set(context.document, (key = {}));
  const edits = once(context.model, key, () => plusEdits(context));
  return edits.length > 0 ? [{ title: 'Drop the "+" prefix from the command lines', edits: edits.slice() }] : [];
}

/** The fact of dropPlusFix's edits, one per diagnosed document (see `once`). */
const PLUS_KEYS = new WeakMap<UnitDocument, object>();

function plusEdits(context: PairContext): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const name of EXEC_SETTINGS) {
    for (const a of effectiveLines(context.model, name)) {
      if (a.document !== context.document) continue;
      const { prefix, prefixOffsets } = commandHead(a.entry.value);
      if (!prefix.includes('+')) continue;
      const at = prefixOffsets[prefix.indexOf('+')] as number;
      edits.push({ range: valueRange(a.entry, context.document.tree.lines, at, at + 1), newText: '' });
    }
  }
  return edits;
}

/** Writes another setting in place of the subject line (same section). */
function replaceLineFix(c: PairContext, subject: Assignment, directive: string, value: string): Fix[] {
  if (subject.document !== c.document || value.includes('<')) return [];
  return [{ title: `Replace ${subject.entry.key}= with ${directive}=${value}`, edits: [{ range: subject.entry.range, newText: `${directive}=${value}` }] }];
}

function replaceFix(subject: Assignment, value: string, isPreferred = false): Fix[] {
  return [{ title: `Change to ${subject.entry.key}=${value}`, edits: [replaceValueEdit(subject.entry, value)], ...(isPreferred ? { isPreferred } : {}) }];
}

function removeFix(context: PairContext, line: Assignment, isPreferred = false): Fix[] {
  if (line.document !== context.document) return [];
  return [{ title: `Remove ${line.entry.key}=${line.entry.value}`, edits: [removeEntryEdit(context.document, line.entry)], ...(isPreferred ? { isPreferred } : {}) }];
}

/** `LimitRSS=1G` or `LimitNPROC=64:128` → the hard limit (last part). */
function limitValue(value: string): string {
  const parts = value.split(':');
  return trimBlanks(parts[parts.length - 1]);
}

const undoBlocked = (c: PairContext, withCapability: boolean): Assignment[] | undefined => {
  if (blocksSyscalls(c.filter, ['@mount'])) return c.filter.lines;
  if (withCapability && dropsCapability(c.model, 'CAP_SYS_ADMIN')) return c.model.effective('CapabilityBoundingSet');
  // Processes without CAP_SYS_ADMIN cannot call mount() in the unit's namespace.
  if (!runsAsRoot(c.model) && c.model.complete && !holdsAmbient(c.model, 'CAP_SYS_ADMIN')) {
    return [...c.model.effective('User'), ...c.model.effective('DynamicUser')];
  }
  return undefined;
};

const UNDO_REASON = 'processes of the unit that may call mount() can remount the file system and undo it';

const undo: RowSpec = {
  satisfied: (c) => undoBlocked(c, true),
  reason: UNDO_REASON,
  preferred: true,
};

/** Where stdout and stderr end up: explicit values, else journal for stdout and stderr following stdout. */
function streamsReachJournal(c: PairContext): Assignment[] | undefined {
  const journal = (v: string | undefined): boolean => v !== undefined && /^(journal|kmsg|syslog)(\+console)?$/.test(trimBlanks(v));
  const input = valueOf(c.model, 'StandardInput');
  const out = valueOf(c.model, 'StandardOutput') ?? (input === 'socket' || input?.startsWith('fd:') ? undefined : 'journal');
  const errSetting = valueOf(c.model, 'StandardError');
  const err = errSetting === undefined || errSetting === 'inherit' ? out : errSetting;
  if (journal(out) || journal(err)) return [...c.model.effective('StandardOutput'), ...c.model.effective('StandardError')];
  return undefined;
}

const SECRET_NAME = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL)/i;

function secretVariables(value: string): string[] {
  const names: string[] = [];
  for (const { text: item } of wordsIn(value)) {
    const eq = item.indexOf('=');
    if (eq > 0 && SECRET_NAME.test(item.slice(0, eq)) && trimBlanks(item.slice(eq + 1)) !== '' && !item.slice(eq + 1).includes('%d')) names.push(item.slice(0, eq));
  }
  return names;
}

/** Units of a dependency line that no After= (or, for Conflicts=, Before=) orders. */
/** The units After=/Before= name, built once per unit and ordering kind (a unit may have thousands of dependency lines). */
const ORDERED = {};

/** The units the ordering settings name, by the list of settings (each row passes its own list). */
function orderedUnits(c: PairContext, orderings: readonly string[]): ReadonlySet<string> {
  const byKind = once(c.model, ORDERED, () => new Map<readonly string[], ReadonlySet<string>>());
  let set = byKind.get(orderings);
  if (!set) byKind.set(orderings, (set = new Set(orderings.flatMap((o) => effectiveLines(c.model, o).flatMap(itemsOf)))));
  else notedAgain(c, orderings);
  return set;
}

/** Units systemd orders itself against the unit when DefaultDependencies= is on. */
const IMPLICIT_ORDER: readonly string[] = ['sysinit.target', 'basic.target', 'shutdown.target'];
const NO_UNITS: readonly string[] = [];
const UNORDERED = {};

/** The unordered units of each dependency line, found once per unit and ordering kind (a finding asks three times). */
function unorderedUnits(c: PairContext, subject: Assignment, orderings: readonly string[]): readonly string[] {
  // The unit type and DefaultDependencies= are the same for every reader of one model.
  const byKind = once(c.model, UNORDERED, () => new Map<readonly string[], Map<Assignment, readonly string[]>>());
  let bySubject = byKind.get(orderings);
  if (!bySubject) byKind.set(orderings, (bySubject = new Map()));
  let units = bySubject.get(subject);
  if (!units) bySubject.set(subject, (units = findUnordered(c, subject, orderings)));
  else notedAgain(c, orderings);
  return units;
}

/** A model recording what is read sees the ordering settings a kept answer rests on. */
function notedAgain(c: PairContext, orderings: readonly string[]): void {
  if (c.model.recording) for (const o of orderings) c.model.noteRead(o);
}

function findUnordered(c: PairContext, subject: Assignment, orderings: readonly string[]): readonly string[] {
  // Target units order themselves after what they want or require (unless DefaultDependencies=no).
  if (c.type === 'target' && c.defaultDependencies) return NO_UNITS;
  const ordered = orderedUnits(c, orderings);
  const implicit = c.defaultDependencies ? IMPLICIT_ORDER : NO_UNITS;
  // Socket, timer and path units are ordered before the units they activate by systemd itself.
  const activators = subject.entry.key !== 'Conflicts';
  return itemsOf(subject).filter((u) => !ordered.has(u) && !implicit.includes(u) && !u.includes('%') && !(activators && ACTIVATOR.test(u)));
}

const ACTIVATOR = /\.(socket|timer|path)$/;

/** The ordering settings a dependency row accepts (one list each, so that the units they name are gathered once). */
const AFTER: readonly string[] = ['After'];
const AFTER_OR_BEFORE: readonly string[] = ['After', 'Before'];

const ordering = (orderings: readonly string[], reason: string): RowSpec => ({
  satisfied: (c, s) => (unorderedUnits(c, s, orderings).length === 0 ? [] : undefined),
  fixes: (c, s) => {
    const units = unorderedUnits(c, s, orderings);
    const fix = units.length > 0 ? settingsFix(c.document, c.type, [{ directive: 'After', value: units.join(' ') }]) : undefined;
    return fix ? [fix] : [];
  },
  objects: (c, s) => orderings.map((o) => `${o}=${unorderedUnits(c, s, orderings).join(' ')}`).join(' or '),
  reason,
  everyLine: true,
});

function directoryPaths(c: PairContext, subject: Assignment): string | undefined {
  const base = DIRECTORY_BASES[subject.entry.key];
  if (!base || c.manager !== 'system') return undefined;
  return itemsOf(subject)
    .map((item) => `${base}/${item.split(':')[0]}`)
    .join(' ');
}

const mountsFor: RowSpec = {
  objects: (c, s) => {
    const paths = directoryPaths(c, s);
    return paths ? `RequiresMountsFor=${paths}` : undefined;
  },
};

const bindsDirectory: RowSpec = {
  objects: (c, s) => {
    const paths = directoryPaths(c, s);
    return paths ? `BindPaths=${paths}` : undefined;
  },
};

const NAMESPACE_SETTINGS: Readonly<Record<string, (c: PairContext) => boolean>> = {
  net: (c) => isOn(c.model, 'PrivateNetwork') || c.model.has('NetworkNamespacePath'),
  mnt: (c) => isOn(c.model, 'PrivateMounts') || (c.implied.get('PrivateMounts')?.has('yes') ?? false),
  ipc: (c) => isOn(c.model, 'PrivateIPC') || c.model.has('IPCNamespacePath'),
  pid: (c) => isOn(c.model, 'PrivatePIDs'),
  uts: (c) => isOn(c.model, 'ProtectHostname'),
  cgroup: (c) => ['private', 'strict'].includes(valueOf(c.model, 'ProtectControlGroups') ?? ''),
  user: (c) => isOn(c.model, 'PrivateUsers') || c.model.has('UserNamespacePath'),
};

function undelegatedTypes(c: PairContext, subject: Assignment): string[] {
  const items = itemsOf(subject);
  if (items.length === 0 || parseBoolean(subject.entry.value) !== undefined || items[0].startsWith('~')) return [];
  return items.filter((t) => NAMESPACE_SETTINGS[t] !== undefined && !NAMESPACE_SETTINGS[t](c));
}


export const SPECS: Readonly<Record<string, RowSpec>> = {
  // From 252 ProtectClock= adds its rtc entry only where a device policy is in force (else it would switch the allow-list on).
  'protectclock-rtc': {
    when: (c) => c.settings.systemdVersion < 252 || c.model.has('DeviceAllow') || ['closed', 'strict'].includes(valueOf(c.model, 'DevicePolicy') ?? '') || isOn(c.model, 'PrivateDevices'),
  },
  'undo-readonlypaths': undo,
  'undo-inaccessiblepaths': undo,
  'undo-noexecpaths': undo,
  'undo-protectsystem': undo,
  'undo-protecthome': undo,
  'undo-privatetmp': undo,
  'undo-privatedevices': undo,
  'undo-protectkerneltunables': undo,
  'undo-protectcontrolgroups': undo,
  'undo-protectkernelmodules': undo,
  'undo-protectkernellogs': undo,

  'syscallarch-systemcallfilter': { reason: 'without it, calls made through another ABI (such as 32-bit x86 on x86-64) can get around the filter', preferred: true },
  'syscallarch-restrictaddressfamilies': { reason: 'without it, sockets created through another ABI can get around the restriction', preferred: true },
  'syscallarch-memorydenywriteexecute': { reason: 'without it, calls made through another ABI can get around the protection', preferred: true },
  'syscallarch-native': {
    subject: (_c, a) => itemsOf(a).some((item) => item !== 'native'),
    satisfied: () => undefined,
    fixes: (_c, s) => replaceFix(s, 'native'),
    reason: 'every extra ABI is another way around seccomp-based filters',
  },
  'mdwe-devshm': {
    satisfied: (c) => {
      const covering = coveringAssignment(c.model, ['InaccessiblePaths', 'NoExecPaths', 'ReadOnlyPaths'], '/dev/shm');
      return covering ? [covering] : undefined;
    },
    reason: 'code written to a file on a file system mounted without noexec, such as /dev/shm, can still be mapped executable',
    preferred: true,
  },
  'mdwe-memfd': { reason: 'memfd_create() gives writable memory that can be mapped executable, getting around the protection' },
  'raf-systemcallfilter': {
    reason: 'sockets from socketpair() or io_uring are not covered by the restriction',
    fixes: (c, _s, p) => (c.model.has('SystemCallFilter') ? [] : defaultPairFixes(c, _s, p)),
  },
  'raf-af-unix': {
    subject: (c, a) => effectiveLines(c.model, 'RestrictAddressFamilies')[0] === a && !trimBlanks(a.entry.value).startsWith('~') && trimBlanks(a.entry.value) !== 'none',
    satisfied: (c) => {
      const lines = c.model.effective('RestrictAddressFamilies');
      const families = new Set<string>();
      for (const line of lines) {
        const items = itemsOf(line);
        const invert = items[0]?.startsWith('~') ?? false;
        for (const item of items.map((i) => i.replace(/^~/, ''))) invert ? families.delete(item) : families.add(item);
      }
      return ['AF_UNIX', 'AF_LOCAL', 'AF_FILE'].some((f) => families.has(f)) ? lines : undefined;
    },
    fixes: (c) => {
      const last = [...c.model.effective('RestrictAddressFamilies')].reverse().find((a) => a.document === c.document && !trimBlanks(a.entry.value).startsWith('~'));
      if (!last) return [];
      const end = last.entry.value.length;
      return [{ title: 'Add AF_UNIX to RestrictAddressFamilies=', edits: [{ range: valueRange(last.entry, c.document.tree.lines, end, end), newText: ' AF_UNIX' }] }];
    },
    reason: 'local sockets, including logging to syslog and the journal, need AF_UNIX',
  },
  'scf-prefer-allowlist': {
    subject: (c, a) => c.filter.mode === 'deny' && c.filter.lines[0] === a,
    satisfied: (c) => (c.filter.mode === 'allow' ? c.filter.lines : undefined),
    fixes: (c, s) => {
      if (s.document !== c.document) return [];
      const at = s.entry.range.start;
      const eol = c.document.tree.eol;
      return [{ title: 'Add SystemCallFilter=@system-service before the deny-list', edits: [{ range: { start: { line: at.line, character: 0 }, end: { line: at.line, character: 0 } }, newText: `SystemCallFilter=@system-service${eol}` }] }];
    },
    reason: 'a deny-list misses system calls that are new or that duplicate blocked ones; an allow-list does not',
  },
  'scf-errno-eperm': {
    subject: (c, a) => c.filter.mode === 'allow' && itemsOf(a).includes('@system-service'),
    satisfied: (c) => orUndefined(c.model.effective('SystemCallErrorNumber')),
    reason: 'the usual baseline makes blocked calls fail with EPERM instead of killing the process',
  },
  'scerrno-needs-filter': { reason: 'it only sets the error blocked calls return, and nothing is blocked' },
  'scerrno-per-rule-override': {
    present: (c) => (c.filter.mode === 'deny' ? orUndefined(linesWithItem(c, 'SystemCallFilter', (i) => i.includes(':'))) : undefined),
    reason: 'calls listed with their own ":errno" or ":kill" use that action instead',
    partial: true,
  },

  'dynamicuser-removeipc': { redundant: true },
  // Before 257 DynamicUser= implied PrivateTmp=yes; 257 made the implied form disconnected, so an explicit yes is not redundant there.
  'dynamicuser-privatetmp': {
    when: (c) => c.settings.systemdVersion < 257 || valueOf(c.model, 'PrivateTmp') === undefined || parseBoolean(valueOf(c.model, 'PrivateTmp') as string) !== true,
    objects: (c) => `PrivateTmp=${c.settings.systemdVersion >= 257 ? 'disconnected' : 'yes'}`,
    redundant: true,
  },
  'dynamicuser-nonewprivileges': { redundant: true },
  'dynamicuser-restrictsuidsgid': { redundant: true },
  'dynamicuser-protectsystem': { redundant: true },
  'dynamicuser-protecthome': { redundant: true },
  'dynamicuser-no-bindpaths': {
    reason: 'files created through the bind mount outlive the dynamic user and may be owned by a reused UID later',
    fixes: (c) => c.model.effective('BindPaths').flatMap((a) => removeFix(c, a)).slice(0, 1),
  },
  'dynamicuser-no-dbus-name': { reason: 'D-Bus policy cannot name a user that only exists while the service runs, so no bus name can be taken' },

  'mountapivfs-privatepids': { redundant: true },
  'mountapivfs-protectkerneltunables': { redundant: true },
  'mountapivfs-protectcontrolgroups': { redundant: true },
  'mountapivfs-protectproc': { redundant: true },
  'mountapivfs-procsubset': { redundant: true },
  'bindlogsockets-mountapivfs': { redundant: true },
  'bindlogsockets-lognamespace': { redundant: true },
  'bindlogsockets-privatedevices': { when: hasRoot, redundant: true },
  'mountapivfs-needs-root': { reason: 'without RootDirectory= or RootImage= the namespace is a copy of the host and has /proc, /sys and /dev already' },
  'mountapivfs-privatedevices': { when: hasRoot, reason: 'otherwise the host /dev is bind-mounted into the new root' },
  'rootdirectory-mountapivfs': { reason: 'the new root lacks /proc, /sys, /dev and /run otherwise' },
  'rootdirectory-privateusers': { reason: 'the user database of the new root then need not match the host' },
  'rootimage-privateusers': { reason: 'the user database of the image then need not match the host' },

  'privatemounts-privatenetwork': { when: (c) => parseBoolean(valueOf(c.model, 'PrivateMounts') ?? 'yes') !== false, redundant: true },
  'privatemounts-networknamespacepath': { when: (c) => parseBoolean(valueOf(c.model, 'PrivateMounts') ?? 'yes') !== false, redundant: true },
  'privatemounts-bindpaths': { redundant: true },
  'privatemounts-bindreadonlypaths': { redundant: true },
  'privatemounts-privatetmp': { subject: (_c, a) => isOnValue('PrivateTmp', a), redundant: true },
  'privatemounts-privatedevices': { redundant: true },
  'privatemounts-protectsystem': { subject: (_c, a) => isOnValue('ProtectSystem', a), redundant: true },
  'privatemounts-protecthome': { subject: (_c, a) => isOnValue('ProtectHome', a), redundant: true },
  'privatemounts-readonlypaths': { redundant: true },
  'privatemounts-inaccessiblepaths': { redundant: true },
  'privatemounts-readwritepaths': { redundant: true },
  'mountflags-shared-ignored': { reason: 'those settings set up mounts with slave propagation first, so nothing propagates back to the host' },
  'mountflags-prefer-privatemounts': { reason: 'propagation settings on the host namespace keep removable media busy; a private namespace avoids that' },

  // hidepid: a process sees another one only when it could ptrace it (same user, or CAP_SYS_PTRACE).
  'protectproc-needs-user': {
    satisfied: (c) => (holdsPtrace(c) ? undefined : []),
    fixes: (c, s) => {
      const fix = settingsFix(c.document, c.type, [{ directive: 'CapabilityBoundingSet', value: '~CAP_SYS_PTRACE' }]);
      return fix && s.document === c.document ? [{ ...fix, title: `${fix.title} (the service can then no longer inspect other users' processes)` }] : [];
    },
  },
  'protectproc-ptrace-bypass': {
    present: (c) => (holdsAmbient(c.model, 'CAP_SYS_PTRACE') ? c.model.effective('AmbientCapabilities') : undefined),
  },
  'protectproc-invisible-recommended': {
    subject: (_c, a) => trimBlanks(a.entry.value) === 'noaccess',
    satisfied: () => undefined,
    fixes: (_c, s) => replaceFix(s, 'invisible'),
    reason: 'other users\' processes are then hidden, not only inaccessible',
  },
  // The line has no effect for root; the only fix that makes it work (a user of its own) is a redesign, not a fix.
  'removeipc-needs-user': { reason: 'IPC objects are removed per user and group, and a root service has none of its own', fixes: (c, s) => removeFix(c, s) },
  'removeipc-root': {
    present: (c) => orUndefined(c.model.effective('User').filter((a) => ['root', '0'].includes(trimBlanks(a.entry.value)))),
    reason: 'IPC objects owned by root are never removed',
  },
  'privatetmp-yes-defaultdeps': {
    since: 257,
    subject: (_c, a) => parseBoolean(a.entry.value) === true || trimBlanks(a.entry.value) === 'connected',
    message: (_c, s) =>
      `${s.entry.key}=${trimBlanks(s.entry.value)} works here as PrivateTmp=disconnected: with DefaultDependencies=no and no dependency on the /tmp mount, systemd gives the service a fresh tmpfs instead of private folders on the host's /tmp. A dependency on /tmp keeps the usual form.`,
  },
  'privatetmp-disconnected-var': { reason: 'otherwise only /tmp is private: the host /var/tmp stays reachable' },
  'privatetmp-yes-wants-mounts': { subject: (_c, a) => parseBoolean(a.entry.value) === true || trimBlanks(a.entry.value) === 'connected' },
  'privatetmp-yes-tmpfiles': { subject: (_c, a) => parseBoolean(a.entry.value) === true || trimBlanks(a.entry.value) === 'connected' },
  'privatetmp-disconnected-wants-var': { when: (c) => !hasRoot(c) },
  'privatetmp-disconnected-joinsnamespace': { reason: 'units joining namespaces expect to share /tmp, and a disconnected /tmp is never shared' },
  'protectsystem-strict-tmp': { reason: 'for /tmp and /var/tmp, which are then private and writable', partial: true },
  'protectsystem-strict-privatedevices': { when: (c) => !c.model.has('DeviceAllow'), reason: 'ProtectSystem=strict leaves /dev writable' },
  'protectsystem-strict-protectkerneltunables': { reason: 'ProtectSystem=strict leaves /proc and /sys writable' },
  'protectsystem-strict-protectcontrolgroups': { reason: 'ProtectSystem=strict leaves /sys/fs/cgroup writable' },
  'home-bindpaths': {
    subject: (_c, a) => itemsOf(a).some((i) => belowAny(bindDestination(i), HOME_DIRS)),
    exactObjects: true,
    reason: 'ProtectHome=yes makes /home, /root and /run/user inaccessible, so the bind destination cannot exist',
  },
  'home-bindreadonlypaths': {
    subject: (_c, a) => itemsOf(a).some((i) => belowAny(bindDestination(i), HOME_DIRS)),
    exactObjects: true,
    reason: 'ProtectHome=yes makes /home, /root and /run/user inaccessible, so the bind destination cannot exist',
  },
  'home-mountimages': {
    subject: (_c, a) => itemsOf(a).some((i) => {
      const dest = imageDestination(i);
      return dest !== undefined && belowAny(dest, HOME_DIRS);
    }),
    exactObjects: true,
    reason: 'ProtectHome=yes makes the mount destination inaccessible',
  },
  'inaccessible-mountimages': {
    present: (c, s) => {
      const dests = itemsOf(s).map(imageDestination).filter((d): d is string => d !== undefined);
      return orUndefined(linesWithItem(c, 'InaccessiblePaths', (i) => dests.some((d) => pathCovers(i, d))));
    },
    reason: 'nothing can be mounted below an inaccessible path; TemporaryFileSystem= over the parent works instead',
  },
  'inaccessible-nesting': {
    present: (c, s) => {
      const dirs = itemsOf(s).map(stripPathPrefix).filter((d) => d !== '/');
      const below = (p: string): boolean => dirs.some((d) => pathCovers(d, p) && stripPathPrefix(p).replace(/\/+$/, '') !== d.replace(/\/+$/, ''));
      return orUndefined([
        ...linesWithItem(c, 'ReadWritePaths', below),
        ...linesWithItem(c, 'ReadOnlyPaths', below),
        ...linesWithItem(c, 'BindPaths', (i) => below(bindDestination(i))),
        ...linesWithItem(c, 'BindReadOnlyPaths', (i) => below(bindDestination(i))),
      ]);
    },
    reason: 'paths below an inaccessible folder cannot be made available again; use TemporaryFileSystem= for the folder instead',
  },
  'noexecpaths-execpaths': {
    satisfied: (c) => (nonExecutable(c).length === 0 ? [] : undefined),
    fixes: (c) => {
      const missing = nonExecutable(c);
      const fix = missing.length > 0 ? settingsFix(c.document, c.type, [{ directive: 'ExecPaths', value: missing.join(' ') }]) : undefined;
      return fix ? [fix] : [];
    },
    reason: (c) => `it covers ${nonExecutable(c).join(', ')}, which the service must be able to execute`,
  },
  'privatedevices-rawio': {},
  'privatedevices-caps': {},
  'privatedevices-devicepolicy': { redundant: true },
  'loopdev-rootimage': { when: loopDevicesAllowed },
  'loopdev-mountimages': { when: loopDevicesAllowed },
  'loopdev-extensionimages': { when: loopDevicesAllowed },
  'loopdev-rootmstack': { when: loopDevicesAllowed },
  'protectkerneltunables-bpffs': { when: (c) => !isOn(c.model, 'PrivateBPF') },

  'privatenetwork-overridden': { fixes: (c, s) => removeFix(c, s, true), reason: 'the namespace named by the path is joined instead' },
  'privateipc-overridden': { fixes: (c, s) => removeFix(c, s, true), reason: 'the namespace named by the path is joined instead' },
  // From 257 systemd refuses such a unit instead (unit-refused says so).
  'sysonly-dynamicuser': { when: (c) => c.settings.systemdVersion < 257 },
  'privateusers-overridden': {
    // From 262 systemd refuses such a unit instead (unit-refused says so).
    when: (c) => c.settings.systemdVersion < 262,
    fixes: (c, s) => removeFix(c, s, true),
    reason: 'the namespace named by the path is joined instead',
  },
  'joinsnamespaceof-inverse': { objects: (c, s) => `JoinsNamespaceOf=${c.model.unit.file.unitName ?? 'this unit'} in ${itemsOf(s).join(', ')}` },
  'joinsnamespaceof-needs-private': { exactObjects: true, reason: 'only namespaces the unit sets up itself can be shared' },
  'delegatens-privateusers': { when: (c) => !isOn(c.model, 'PrivateUsers') },
  'delegatens-needs-unshare': {
    satisfied: (c, s) => (undelegatedTypes(c, s).length === 0 ? [] : undefined),
    reason: (c, s) => `delegation only hands over namespaces the unit creates; nothing creates ${undelegatedTypes(c, s).join(', ')}`,
    fixes: () => [],
  },
  'delegatens-mnt-privatepids': { when: (c) => c.model.has('DelegateNamespaces') },
  'delegatens-mnt-protectcontrolgroups': { when: (c) => c.model.has('DelegateNamespaces') },
  'delegatens-mnt-privatenetwork': { when: (c) => c.model.has('DelegateNamespaces') },
  'ambient-keepcaps': { when: (c) => c.model.has('User') && !runsAsRoot(c.model), redundant: true },

  'plus-user': plus(),
  'plus-group': plus(),
  'plus-supplementarygroups': plus(),
  'plus-capabilityboundingset': plus(),
  'plus-ambientcapabilities': plus(),
  'plus-securebits': plus(),
  'plus-selinuxcontext': plus(),
  'plus-apparmorprofile': plus(),
  'plus-smackprocesslabel': plus(),
  'plus-restrictaddressfamilies': plus(),
  'plus-systemcallfilter': plus(),
  'plus-systemcalllog': plus(),
  'plus-privatedevices': plus(),
  'plus-privatetmp': plus(),

  'userns-protectsystem': {
    satisfied: (c) => (isOn(c.model, 'PrivateUsers') || c.implied.get('PrivateUsers')?.size ? [] : undefined),
    reason: 'file system namespacing needs privileges a per-user manager only gets inside a user namespace',
  },
  'pamname-needs-user': { reason: 'a PAM session is opened for the User= the service runs as' },
  'pamname-notifyaccess-all': { reason: 'the processes move to the session scope, so their notifications are not attributed to the service' },
  'protecthostname-hostnamectl': {
    grade: 'information',
    satisfied: (c) => (runsAsRoot(c.model) ? undefined : []),
    reason: 'a root service can still change the hostname through hostnamectl and systemd-hostnamed; an unprivileged User= cannot',
  },
  'environment-secrets': {
    subject: (_c, a) => secretVariables(a.entry.value).length > 0,
    satisfied: () => undefined,
    fixes: () => [],
    reason: (_c, s) => `${secretVariables(s.entry.value).join(', ')} looks like a secret, and the environment is readable by other processes and through the service manager; credentials are not`,
    everyLine: true,
  },
  'setcredential-secrets': {
    subject: (_c, a) => SECRET_NAME.test(a.entry.value.split(':')[0]),
    satisfied: () => undefined,
    fixes: () => [],
    reason: 'a plain SetCredential= value can be read by unprivileged clients of the service manager',
    everyLine: true,
  },
  'keyringmode-private': { when: (c) => c.manager === 'system', reason: 'it keeps the service\'s kernel keys away from other services of the same user' },
  // `infinity` sets no limit, so nothing is ignored; a root service that keeps CAP_SETUID likely drops to another user, for whom the limit counts.
  'limitnproc-root': {
    subject: (_c, a) => limitValue(a.entry.value) !== 'infinity',
    present: (c) => (c.model.complete && runsAsRoot(c.model) && dropsCapability(c.model, 'CAP_SETUID') ? [] : undefined),
    objects: () => 'when the service runs as root',
    fixes: (c, s) => (c.model.has('TasksMax') ? removeFix(c, s) : replaceLineFix(c, s, 'TasksMax', limitValue(s.entry.value))),
    reason: 'the limit counts processes per user and does not hold back root',
  },
  'limitnproc-tasksmax': { subject: (_c, a) => limitValue(a.entry.value) !== 'infinity', fill: (_c, s) => ({ '<n>': limitValue(s.entry.value) }), reason: 'LimitNPROC= counts every process of the user, not those of this service' },
  'limitrss-memorymax': {
    fill: (_c, s) => ({ '<bytes>': limitValue(s.entry.value) }),
    reason: 'LimitRSS= has no effect on Linux; MemoryMax= caps the memory the service uses',
  },
  'standardinputtext-stdin': { reason: 'the text is only used when StandardInput=data' },
  'standardinputdata-stdin': { reason: 'the data is only used when StandardInput=data' },
  'syslogidentifier-journal': { satisfied: streamsReachJournal, reason: 'it only applies to what stdout and stderr send to the journal or kernel log' },
  'syslogfacility-journal': { satisfied: streamsReachJournal, reason: 'it only applies to what stdout and stderr send to the journal or kernel log' },
  'sysloglevel-journal': { satisfied: streamsReachJournal, reason: 'it only applies to what stdout and stderr send to the journal or kernel log' },
  'sysloglevelprefix-journal': { satisfied: streamsReachJournal, reason: 'it only applies to what stdout and stderr send to the journal or kernel log' },
  'mountsfor-workingdirectory': { subject: (_c, a) => /^-?\//.test(trimBlanks(a.entry.value)), objects: (_c, s) => `RequiresMountsFor=${stripPathPrefix(trimBlanks(s.entry.value))}` },
  'mountsfor-rootdirectory': { objects: (_c, s) => `RequiresMountsFor=${trimBlanks(s.entry.value)}` },
  'mountsfor-rootimage': { objects: (_c, s) => `RequiresMountsFor=${trimBlanks(s.entry.value)}` },
  'bindpaths-runtimedirectory': bindsDirectory,
  'bindpaths-statedirectory': bindsDirectory,
  'bindpaths-cachedirectory': bindsDirectory,
  'bindpaths-logsdirectory': bindsDirectory,
  'bindpaths-configurationdirectory': bindsDirectory,
  'mountsfor-runtimedirectory': mountsFor,
  'mountsfor-statedirectory': mountsFor,
  'mountsfor-cachedirectory': mountsFor,
  'mountsfor-logsdirectory': mountsFor,
  'mountsfor-configurationdirectory': mountsFor,
  'type-exec-loadcredential': { when: unset('Type') },
  'type-exec-loadcredentialencrypted': { when: unset('Type') },
  'type-exec-setcredential': { when: unset('Type') },
  'type-exec-setcredentialencrypted': { when: unset('Type') },
  'type-exec-importcredential': { when: unset('Type') },
  'socketbindallow-needs-deny': { reason: 'binds that match no rule are allowed anyway' },
  'deviceallow-closes-auto': { when: (c) => ['auto', undefined].includes(valueOf(c.model, 'DevicePolicy')), redundant: true },
  'memorymax-memoryhigh': {
    subject: (_c, a) => trimBlanks(a.entry.value) !== 'infinity',
    reason: 'MemoryHigh= slows the service down before MemoryMax= makes the kernel kill it',
  },
  'iolatency-ioaccounting': { redundant: true },
  'oomd-deps-managedoomswap': {},
  'memorypressurewatch-accounting': { redundant: true },
  'iopressurewatch-accounting': { redundant: true },
  'notifyaccess-type': { when: unset('NotifyAccess') },
  'notifyaccess-watchdogsec': { when: unset('NotifyAccess') },
  'notifyaccess-filedescriptorstoremax': { when: unset('NotifyAccess') },
  'forking-pidfile': {
    reason: 'without it systemd has to guess which process is the main one',
  },
  // A refusal: systemd does not load the service (see model/unitRefusal.ts).
  'dbus-busname': { grade: 'error', reason: 'without it systemd refuses to load the service' },
  'busname-type-dbus': { when: unset('Type') },
  'exittype-cgroup-oneshot': { grade: 'error', reason: 'systemd refuses to load such a service' },
  'oneshot-restart': { grade: 'error', reason: 'systemd refuses to load such a service' },
  'guessmainpid-forking': {
    fixes: (c, s) => removeFix(c, s),
    satisfied: (c) => (valueOf(c.model, 'Type') === 'forking' && !c.model.has('PIDFile') ? c.model.effective('Type') : undefined),
    reason: 'the main process is only guessed for Type=forking services without PIDFile=',
  },
  'restartsteps-maxdelay': {
    satisfied: (c) => (c.model.has('RestartMaxDelaySec') && timespanSeconds(valueOf(c.model, 'RestartSec') ?? '1') !== 0 ? c.model.effective('RestartMaxDelaySec') : undefined),
    reason: 'the restart delay only grows towards RestartMaxDelaySec=, and only from a RestartSec= above zero',
  },
  'restartmaxdelay-steps': {
    satisfied: (c) => (c.model.has('RestartSteps') && timespanSeconds(valueOf(c.model, 'RestartSec') ?? '1') !== 0 ? c.model.effective('RestartSteps') : undefined),
    reason: 'the delay only grows in RestartSteps= steps, and only from a RestartSec= above zero',
  },
  'runtimemaxsec-oneshot': {
    subject: (_c, a) => trimBlanks(a.entry.value) !== 'infinity',
    fixes: (c, s) => replaceLineFix(c, s, 'TimeoutStartSec', trimBlanks(s.entry.value)),
    reason: 'a oneshot service finishes during its start; TimeoutStartSec= limits it',
  },
  'runtimerandomized-runtimemax': { reason: 'it only adds to RuntimeMaxSec=' },
  'timeoutsec-start': { objects: (_c, s) => `TimeoutStartSec=${trimBlanks(s.entry.value)}` },
  'timeoutsec-stop': { objects: (_c, s) => `TimeoutStopSec=${trimBlanks(s.entry.value)}` },
  'watchdog-restart': { subject: (_c, a) => timespanSeconds(a.entry.value) !== 0, reason: 'otherwise a service that misses its watchdog is stopped, not restarted' },
  'restart-startlimit': {
    satisfied: (c) => orUndefined(['StartLimitIntervalSec', 'StartLimitInterval', 'StartLimitBurst'].flatMap((d) => c.model.effective(d))),
    reason: 'restarts count against the start rate limit, which otherwise comes from the manager\'s defaults',
  },
  'rootdirectorystartonly-root': { reason: 'there is no root directory to limit' },
  'reloadsignal-notifyreload': { reason: 'only Type=notify-reload services are reloaded with a signal' },
  'luosession-preserve': { reason: 'the sessions should survive a kexec' },
  'delegate-oompolicy': { when: unset('OOMPolicy') },
  'privatepids-forking': { grade: 'error', reason: 'systemd refuses to load such a service: a forking daemon\'s main process cannot be followed into a new PID namespace' },
  'killmode-process-none': {
    // With PAMName= systemd refuses such a service (unit-refused says so).
    when: unset('PAMName'),
    grade: 'information',
    satisfied: () => undefined,
    fixes: (_c, s) => replaceFix(s, 'mixed'),
    reason: 'processes left behind escape the unit\'s lifecycle and resource control',
  },
  'requisite-after': ordering(AFTER, 'without ordering, the check happens while the other unit may still be starting'),
  'bindsto-after': ordering(AFTER, 'without ordering, both start at the same time'),
  'requires-after': ordering(AFTER, 'a failed start of the required unit only stops this one when it is ordered after it'),
  'conflicts-order': ordering(AFTER_OR_BEFORE, 'without ordering, stopping one and starting the other happen at the same time'),
  'before-device': {
    subject: (_c, a) => itemsOf(a).some((u) => u.endsWith('.device')),
    present: () => [],
    fixes: (c, s) => {
      if (s.document !== c.document) return [];
      const words = splitWords(s.entry.value);
      const kept = words.filter((w) => !w.text.endsWith('.device')).map((w) => w.text);
      return kept.length > 0
        ? [{ title: 'Remove the .device units from Before=', edits: [replaceValueEdit(s.entry, kept.join(' '))], isPreferred: true }]
        : removeFix(c, s, true);
    },
    reason: 'devices appear when the kernel reports them, without waiting for other units',
  },
  'startlimitaction-interval': {
    present: (c) => orUndefined(['StartLimitIntervalSec', 'StartLimitInterval'].flatMap((d) => c.model.effective(d)).filter((a) => timespanSeconds(a.entry.value) === 0)),
    reason: 'StartLimitIntervalSec=0 switches rate limiting off, so the limit is never hit',
  },
  'rebootargument-action': { reason: 'the argument is only passed when one of them reboots' },
  'failureactionexitstatus-exit': { reason: 'the status is only used when the action exits the manager' },
  'successactionexitstatus-exit': { reason: 'the status is only used when the action exits the manager' },
  'defaultinstance-template': { reason: 'only template units (NAME@.TYPE) have instances' },
  'personality-conditionarchitecture': { reason: 'the condition checks the manager\'s architecture, which Personality= does not change' },
  'startlimitintervalsec-unittype': { reason: 'units of these types never fail or start only once' },
  'startlimitburst-unittype': { reason: 'units of these types never fail or start only once' },
  'passenvironment-usermgr': { reason: 'a user manager passes its whole environment on anyway' },
  'cpusetpartition-allowedcpus': { reason: 'a partition needs the CPUs it consists of' },
  'delegatesubgroup-delegate': { reason: 'there is no delegated subtree to create the group in' },
  'coredumpreceive-delegate': { reason: 'core dumps are only received for a delegated subtree' },
  'numapolicy-numamask': { reason: 'these policies need the NUMA nodes to apply to' },
  'cpuaffinity-numa': { reason: 'the CPUs are taken from the NUMA mask' },
  'utmpmode-needs-identifier': { reason: 'utmp records are only written with an identifier' },
  'bpfdelegatecommands-privatebpf': { reason: 'delegation applies to the private BPF file system only' },
  'bpfdelegatemaps-privatebpf': { reason: 'delegation applies to the private BPF file system only' },
  'bpfdelegateprograms-privatebpf': { reason: 'delegation applies to the private BPF file system only' },
  'bpfdelegateattachments-privatebpf': { reason: 'delegation applies to the private BPF file system only' },
  'managedoommemorypressurelimit-kill': { reason: 'systemd-oomd only watches memory pressure with ManagedOOMMemoryPressure=kill' },
  'managedoommemorypressuredurationsec-kill': { reason: 'systemd-oomd only watches memory pressure with ManagedOOMMemoryPressure=kill' },
  'statedirectoryaccounting-quota': { reason: 'accounting only measures; the quota setting limits' },
  'cachedirectoryaccounting-quota': { reason: 'accounting only measures; the quota setting limits' },
  'logsdirectoryaccounting-quota': { reason: 'accounting only measures; the quota setting limits' },
};

const NO_SPEC: RowSpec = {};
const SPEC_BY_ID = new Map<string, RowSpec>(Object.entries(SPECS));

/** The spec of a row (an empty one when the row follows its table entry as it is). */
export function specOf(pairing: Pairing): RowSpec {
  return SPEC_BY_ID.get(pairing.id) ?? NO_SPEC;
}

function isOnValue(directive: string, a: Assignment): boolean {
  return a.entry.key === directive && parseBoolean(a.entry.value) !== false && trimBlanks(a.entry.value) !== '';
}

function plus(): RowSpec {
  return { fixes: (c) => dropPlusFix(c), reason: 'command lines with the "+" prefix run with full privileges, without it', partial: true };
}

function loopDevicesAllowed(c: PairContext): boolean {
  const policy = valueOf(c.model, 'DevicePolicy') ?? 'auto';
  return policy === 'closed' || policy === 'strict' || (policy === 'auto' && c.model.has('DeviceAllow'));
}

/** The unit's name without instance and type (`getty` for `getty@tty1.service`). */
export function unitStem(c: PairContext): string {
  const name = c.model.unit.file.unitName ?? c.document.file.unitName ?? 'service';
  return name.replace(/\.[a-z]+$/, '').replace(/@.*$/, '') || 'service';
}

/** Program files and library folders that NoExecPaths= makes non-executable and ExecPaths= does not re-allow. */
function nonExecutable(c: PairContext): readonly string[] {
  return once(c.model, NON_EXECUTABLE, () => findNonExecutable(c));
}

const NON_EXECUTABLE = {};

function findNonExecutable(c: PairContext): string[] {
  if (!c.model.has('NoExecPaths')) return [];
  // Each program once, and each line's paths split once: a long unit runs the same few programs
  // from thousands of command lines.
  const needed = new Set<string>();
  for (const setting of EXEC_SETTINGS) {
    for (const a of effectiveLines(c.model, setting)) {
      const program = commandProgram(a.entry.value);
      if (program !== undefined && program.startsWith('/')) needed.add(program);
    }
  }
  needed.add('/usr/lib');
  const paths = (directive: string): string[] => effectiveLines(c.model, directive).flatMap((a) => listItems(a.entry.value));
  const covers = (list: readonly string[], path: string): boolean => list.some((item) => pathCovers(item, path));
  const noExec = paths('NoExecPaths');
  let exec: string[] | undefined;
  return [...needed].filter((path) => covers(noExec, path) && !covers((exec ??= paths('ExecPaths')), path));
}

/** Default fixes of absence relations: one per concrete alternative, the row's own fix first. */
export function defaultPairFixes(c: PairContext, subject: Assignment, pairing: Pairing): Fix[] {
  const spec = specOf(pairing);
  const fills: Record<string, string> = { ...(spec.fill?.(c, subject) ?? {}) };
  const fill = (value: string, directive: string): string | undefined => {
    // A directory named after the unit is a safe guess; a user or bus name is not.
    const own = DIRECTORY_BASES[directive] !== undefined ? { '<name>': unitStem(c) } : {};
    const filled = value.replace(/<[^>]+>/g, (p) => fills[p] ?? (own as Record<string, string>)[p] ?? p);
    return filled.includes('<') ? undefined : filled;
  };
  const plans: NewLine[][] = [];
  if (pairing.fix?.kind === 'insert') {
    const lines = pairing.fix.lines.map((l) => {
      const value = fill(l.value, l.directive);
      return value === undefined ? undefined : { directive: l.directive, value };
    });
    if (lines.every((l) => l !== undefined)) plans.push(lines as NewLine[]);
  }
  for (const alternative of pairing.objects) {
    if (alternative.kind !== 'settings') continue;
    const lines = alternative.settings.map((s) => {
      const raw = s.value.kind === 'one-of' && s.value.values.length === 1 ? s.value.values[0] : s.value.kind === 'pattern' && s.value.patterns.length === 1 ? s.value.patterns[0] : undefined;
      const value = raw === undefined ? undefined : fill(raw, s.directive);
      return value === undefined || s.where ? undefined : { directive: s.directive, value };
    });
    if (lines.every((l) => l !== undefined)) plans.push(lines as NewLine[]);
  }
  const fixes: Fix[] = [];
  const seen = new Set<string>();
  const singleValued = new Set<string>();
  for (const plan of plans) {
    const key = plan.map((l) => `${l.directive}=${l.value}`).join('\n');
    if (seen.has(key)) continue;
    seen.add(key);
    // One value per single-valued setting is enough (Restart=on-failure, not every restart mode).
    if (plan.length === 1 && !isListSetting(plan[0].directive)) {
      if (singleValued.has(plan[0].directive)) continue;
      singleValued.add(plan[0].directive);
    }
    const fix = settingsFix(c.document, c.type, plan, spec.preferred === true && fixes.length === 0);
    if (fix) fixes.push(fix);
  }
  return fixes;
}

