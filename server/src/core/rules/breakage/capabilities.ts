/**
 * capability-void and capability-calls-blocked: capabilities the unit grants that cannot work.
 *
 * capability-void covers three ways a capability the unit names ends up with no effect:
 * - PrivateUsers=: a system service's user namespace is set up after its network, mount and other
 *   namespaces, so all of them belong to the host's user namespace, and the process holds its
 *   capabilities only inside its own one. Capabilities checked against the host (binding a low
 *   port, setting the clock, loading modules, ...) are refused whatever the unit grants.
 * - A non-root User= with a bounding-set allow-list but no AmbientCapabilities=: at execve() the
 *   process gets no capabilities at all; the bounding set only limits what a program with file
 *   capabilities or a set-user-ID program could gain.
 * - AmbientCapabilities= naming a capability the bounding set lacks (explicitly, or through
 *   PrivateDevices=, ProtectKernelModules=, ProtectKernelLogs=, ProtectClock=): systemd leaves it
 *   out of the ambient set without an error, and the service starts without it.
 *
 * capability-calls-blocked: the unit keeps a capability whose only use is a few system calls, and
 * SystemCallFilter= blocks every one of them at the target release.
 */
import { capabilities } from '../../kb';
import { insertLinesEdit, removeEntryEdit, replaceValueEdit } from '../../edits/lineEdits';
import type { Assignment, UnitModel } from '../../model/unitModel';
import { applySyscallFilterLine, groupItems, type SyscallFilter } from '../../security/syscallFilter';
import { X86_64_UNAVAILABLE_SYSCALLS } from '../../security/platform';
import type { Diagnostic, Fix, Severity, TextEdit } from '../../types';
import type { RuleContext } from '../context';
import { capabilitySet, capabilitySteps, capabilityWords, effectiveLines, hasSetting, isOn, lastLine, listItems, runsAsRoot, valueOf } from '../pairings/effects';
import { splitWords, valueRange } from '../values/words';
import { mainProcessUnsandboxed, someCommandAsRoot } from './commandLines';
import { lineRef, lineRefs, reportBreakage, type Evidence } from './report';
import { andWords } from '../../andList';
import { findingCopy } from '../lineFinding';
import { trimBlanks } from '../../syntax/blanks';

const VOID = 'capability-void';
const CALLS = 'capability-calls-blocked';

const ALL_CAPABILITIES: readonly string[] = capabilities.map((c) => c.name);

// ---------------------------------------------------------------------------
// tables

/** Settings that take capabilities out of the bounding set (systemd's unit_patch_contexts). */
export const IMPLIED_DROPS: readonly { directive: string; capabilities: readonly string[] }[] = [
  { directive: 'PrivateDevices', capabilities: ['CAP_MKNOD', 'CAP_SYS_RAWIO'] },
  { directive: 'ProtectKernelModules', capabilities: ['CAP_SYS_MODULE'] },
  { directive: 'ProtectKernelLogs', capabilities: ['CAP_SYSLOG'] },
  { directive: 'ProtectClock', capabilities: ['CAP_SYS_TIME', 'CAP_WAKE_ALARM'] },
];

/**
 * Capabilities the kernel checks against the host's user namespace (capable()) or against the
 * owner of the network namespace, with what they are for. Inside a private user namespace they
 * do nothing. Left out on purpose: capabilities that also work on objects of the service's own
 * namespace (CAP_SYS_ADMIN for nested namespaces, CAP_SYS_CHROOT, CAP_CHOWN, CAP_DAC_*, CAP_FOWNER,
 * CAP_SETUID, CAP_SETGID, CAP_KILL, CAP_SYS_PTRACE on its own processes).
 */
const HOST_CAPABILITIES: Readonly<Record<string, string>> = {
  CAP_NET_BIND_SERVICE: 'binding ports below 1024',
  CAP_NET_ADMIN: 'network configuration',
  CAP_NET_RAW: 'raw and packet sockets',
  CAP_SYS_TIME: 'setting the clock',
  CAP_WAKE_ALARM: 'wake-up alarms',
  CAP_SYS_MODULE: 'loading kernel modules',
  CAP_SYS_RAWIO: 'raw I/O',
  CAP_SYS_BOOT: 'rebooting',
  CAP_SYS_NICE: 'raising priorities',
  CAP_SYS_RESOURCE: 'going over resource limits',
  CAP_IPC_LOCK: 'locking memory',
  CAP_SYSLOG: 'the kernel log',
  CAP_SYS_PACCT: 'process accounting',
  CAP_MKNOD: 'creating device nodes',
  CAP_AUDIT_WRITE: 'writing audit records',
  CAP_AUDIT_CONTROL: 'audit configuration',
  CAP_AUDIT_READ: 'reading audit events',
  CAP_LINUX_IMMUTABLE: 'immutable and append-only files',
  CAP_BLOCK_SUSPEND: 'blocking system suspend',
  CAP_BPF: 'BPF programs and maps',
};

/** A capability whose only use is a few system calls. */
interface CallCapability {
  capability: string;
  /** The calls (x86_64 names) it exists for. */
  calls: readonly string[];
  /** Another capability that, held too, gives this one more calls to serve. */
  alsoWith?: { capability: string; calls: readonly string[] };
  /** It also serves a device the unit might reach: only counts when the unit cannot. */
  device?: 'rtc';
}

/**
 * Capabilities and the calls they exist for; only those whose use is (nearly) all system calls
 * that a filter can block. Left out: CAP_SYS_RAWIO (/dev/mem, ioctls), CAP_SYS_PTRACE (/proc
 * access), CAP_SYSLOG (/proc/kmsg), CAP_SYS_RESOURCE (quotas, reserved space), CAP_IPC_LOCK
 * (mmap MAP_LOCKED, SHM_LOCK) and CAP_SYS_NICE (process_madvise, timer slack).
 */
const CALL_CAPABILITIES: readonly CallCapability[] = [
  // Joining a mount namespace with setns() needs CAP_SYS_CHROOT besides CAP_SYS_ADMIN.
  { capability: 'CAP_SYS_CHROOT', calls: ['chroot'], alsoWith: { capability: 'CAP_SYS_ADMIN', calls: ['setns'] } },
  // Setting a hardware clock through the RTC device's ioctl needs it too.
  { capability: 'CAP_SYS_TIME', calls: ['settimeofday', 'clock_settime', 'clock_adjtime', 'adjtimex'], device: 'rtc' },
  { capability: 'CAP_SYS_MODULE', calls: ['init_module', 'finit_module', 'delete_module'] },
  { capability: 'CAP_SYS_BOOT', calls: ['reboot', 'kexec_load', 'kexec_file_load'] },
  { capability: 'CAP_SYS_PACCT', calls: ['acct'] },
  { capability: 'CAP_MKNOD', calls: ['mknod', 'mknodat'] },
  { capability: 'CAP_CHOWN', calls: ['chown', 'fchown', 'fchownat', 'lchown'] },
  { capability: 'CAP_SETUID', calls: ['setuid', 'setreuid', 'setresuid', 'setfsuid'] },
  { capability: 'CAP_SETGID', calls: ['setgid', 'setregid', 'setresgid', 'setfsgid', 'setgroups'] },
  { capability: 'CAP_BPF', calls: ['bpf'] },
];

// ---------------------------------------------------------------------------
// the capability sets

type SetName = 'CapabilityBoundingSet' | 'AmbientCapabilities';

/**
 * The lines of a set since it was last started over (an empty line, a bare `~`, or the bounding
 * set back at its unset marker): lines before them no longer say anything.
 */
function linesInForce(model: UnitModel, directive: SetName): Assignment[] {
  const steps = capabilitySteps(model, directive);
  let start = 0;
  steps.forEach((step, i) => {
    if (step.replaces) start = trimBlanks(step.line.entry.value) === '' ? i + 1 : i;
  });
  return steps.slice(start).map((step) => step.line);
}

/** The lines of a set in force that name the capability to grant it (not `~` lines). */
function namingLines(model: UnitModel, directive: SetName, capability: string): Assignment[] {
  return linesInForce(model, directive).filter((line) => {
    const { invert, names } = capabilityWords(line);
    return !invert && names.includes(capability);
  });
}

/** Which setting takes a capability out of the bounding set, when one does. */
interface Drop {
  line: Assignment;
  /** True: a CapabilityBoundingSet= line; false: a setting that implies the drop. */
  explicit: boolean;
}

/**
 * The bounding set as systemd applies it: the lines combined (first or empty line replaces, later
 * plain lines add, `~` lines take away), then the implied drops. For each capability left out,
 * the line responsible: the last line that took it away, or the allow-list that never had it.
 */
function boundingDrops(model: UnitModel): Map<string, Drop> {
  const drops = new Map<string, Drop>();
  for (const { line, invert, names, replaces, started, unset } of capabilitySteps(model, 'CapabilityBoundingSet')) {
    if (replaces || unset) {
      drops.clear();
      for (const c of ALL_CAPABILITIES) if (started && !started.has(c)) drops.set(c, { line, explicit: true });
      continue;
    }
    for (const n of names) {
      if (invert) drops.set(n, { line, explicit: true });
      else drops.delete(n);
    }
  }
  for (const { directive, capabilities: caps } of IMPLIED_DROPS) {
    const line = lastLine(model, directive);
    if (!line || !isOn(model, directive)) continue;
    for (const c of caps) if (!drops.has(c)) drops.set(c, { line, explicit: false });
  }
  return drops;
}

/** The capabilities of AmbientCapabilities= in force, or none. */
const NO_CAPABILITIES: ReadonlySet<string> = new Set();

function ambientSet(model: UnitModel): ReadonlySet<string> {
  return capabilitySet(model, 'AmbientCapabilities') ?? NO_CAPABILITIES;
}

// ---------------------------------------------------------------------------
// who the service runs as, how its commands run


/** A non-root identity systemd switches to: DynamicUser=, or a User= that is plainly not root. */
function runsAsNonRoot(model: UnitModel): boolean {
  if (isOn(model, 'DynamicUser')) return true;
  const user = trimBlanks(valueOf(model, 'User'));
  return user !== undefined && user !== '' && user !== 'root' && user !== '0' && !user.includes('%') && !user.includes('$');
}

/** Whether SecureBits= asks for keep-caps (permitted capabilities kept across the UID change). */
function keepsCaps(model: UnitModel): boolean {
  return effectiveLines(model, 'SecureBits').some((line) => listItems(line.entry.value).some((w) => w.startsWith('keep-caps')));
}

// ---------------------------------------------------------------------------
// messages and fixes



function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function withSeverity(context: RuleContext, severity: Severity): RuleContext {
  return { ...context, report: (d: Diagnostic) => context.report(Object.assign(findingCopy(d), { severity })) };
}

/** Appends words to the value of a line. */
function appendEdit(context: RuleContext, line: Assignment, words: readonly string[]): TextEdit {
  const end = line.entry.value.length;
  return { range: valueRange(line.entry, context.document.tree.lines, end, end), newText: ` ${words.join(' ')}` };
}

/** A `~` line without some of its names: a new value, or undefined when none is left. */
function withoutNames(line: Assignment, drop: ReadonlySet<string>): string | undefined {
  const value = trimBlanks(line.entry.value);
  const body = value.replace(/^~/, '');
  const kept = splitWords(body)
    .filter((w) => !drop.has(w.text.toUpperCase()))
    .map((w) => body.slice(w.start, w.end));
  return kept.length === 0 ? undefined : `~${kept.join(' ')}`;
}

// ---------------------------------------------------------------------------
// capability-void, case a: PrivateUsers=

function checkPrivateUsers(context: RuleContext, drops: ReadonlyMap<string, Drop>): void {
  const { model } = context;
  const privateUsers = lastLine(model, 'PrivateUsers');
  if (!privateUsers || !isOn(model, 'PrivateUsers')) return;
  const ambient = ambientSet(model);
  const root = runsAsRoot(model);
  const granted: string[] = [];
  const evidence: Evidence[] = [];
  for (const capability of Object.keys(HOST_CAPABILITIES)) {
    if (drops.has(capability)) continue;
    const lines = [...(ambient.has(capability) ? namingLines(model, 'AmbientCapabilities', capability) : []), ...(root ? namingLines(model, 'CapabilityBoundingSet', capability) : [])];
    if (lines.length === 0) continue;
    granted.push(capability);
    for (const line of lines) evidence.push({ line, note: `grants ${capability}` });
  }
  if (granted.length === 0) return;
  const uses = granted.map((c) => `${c} (${HOST_CAPABILITIES[c]})`);
  const one = granted.length === 1;
  const example = granted.includes('CAP_NET_BIND_SERVICE') ? ' (a port below 1024 cannot be bound)' : '';
  const message =
    `${lineRef(context, privateUsers)} puts the service in a user namespace of its own, and ${andWords(uses)}, granted by ` +
    `${lineRefs(context, evidence.map((e) => e.line))}, ${one ? 'counts' : 'count'} only inside it: the network and the rest of the system belong ` +
    `to the host's namespace, so the kernel refuses what ${one ? 'it is' : 'they are'} for${example}.`;
  const fix: Fix | undefined =
    privateUsers.document === context.document
      ? { title: `Turn off PrivateUsers= (${andWords(granted)} work${one ? 's' : ''} again; the service sees the host's users)`, edits: [replaceValueEdit(privateUsers.entry, 'no')] }
      : undefined;
  reportBreakage(context, VOID, privateUsers, message, evidence, fix ? [fix] : []);
}

// ---------------------------------------------------------------------------
// capability-void, case b: a non-root user with a bounding set only

function checkBoundingOnly(context: RuleContext, drops: ReadonlyMap<string, Drop>): void {
  const { model } = context;
  if (!runsAsNonRoot(model) || keepsCaps(model) || hasSetting(model, 'PAMName')) return;
  // `!` runs a command as root (with the bounding set); `+` on ExecStart runs it unrestricted.
  if (someCommandAsRoot(model) || mainProcessUnsandboxed(model)) return;
  const ambient = ambientSet(model);
  const byLine = new Map<Assignment, string[]>();
  for (const capability of ALL_CAPABILITIES) {
    if (drops.has(capability) || ambient.has(capability)) continue;
    const lines = namingLines(model, 'CapabilityBoundingSet', capability);
    const last = lines[lines.length - 1];
    if (!last) continue;
    byLine.set(last, [...(byLine.get(last) ?? []), capability]);
  }
  const dynamic = isOn(model, 'DynamicUser') ? lastLine(model, 'DynamicUser') : undefined;
  const user = lastLine(model, 'User');
  const nnp = isOn(model, 'NoNewPrivileges') ? lastLine(model, 'NoNewPrivileges') : undefined;
  // No new privileges (DynamicUser= turns it on too): file capabilities and set-user-ID programs cannot raise anything either.
  const locked = nnp ?? dynamic;
  for (const [line, found] of byLine) {
    const order = capabilityWords(line).names;
    const caps = [...found].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const evidence: Evidence[] = [];
    if (dynamic) evidence.push({ line: dynamic, note: 'the service runs as a dynamic user', explains: true });
    else if (user) evidence.push({ line: user, note: 'the service runs as this user', explains: true });
    if (nnp) evidence.push({ line: nnp, note: 'no program can gain capabilities', explains: true });
    const who = dynamic ? `a dynamic user (${lineRef(context, dynamic)})` : user ? lineRef(context, user) : 'a non-root user';
    const one = caps.length === 1;
    const them = one ? 'it' : 'them';
    const effect = !locked
      ? `so only a program with file capabilities or a set-user-ID bit could use ${them}`
      : `and ${nnp ? `with ${lineRef(context, nnp)}` : 'as DynamicUser= also turns on NoNewPrivileges='} no program can gain ${them} from file capabilities or a set-user-ID bit either, so ${one ? 'it is' : 'they are'} never used`;
    const message =
      `${lineRef(context, line)} keeps ${andWords(caps)}, but the service runs as ${who} and AmbientCapabilities= does not grant ${them}: ` +
      `its processes start without capabilities (the bounding set only limits), ${effect}.`;
    const grantable = caps.filter((c) => !AS_GOOD_AS_ROOT.has(c));
    const fix = grantable.length > 0 ? ambientFix(context, grantable) : undefined;
    // A dynamic user is a change of user made for hardening: the capabilities it lists are evidently
    // needed, so they being void breaks the service. A static User= often keeps an old bounding set
    // that only limits: worth knowing, not a breakage.
    reportBreakage(locked && dynamic ? context : withSeverity(context, 'information'), VOID, line, message, evidence, fix ? [fix] : []);
  }
}

/** Capabilities that make a process as good as root: never granted to a non-root service by a fix. */
const AS_GOOD_AS_ROOT: ReadonlySet<string> = new Set([
  'CAP_SETUID', 'CAP_SETGID', 'CAP_SETPCAP', 'CAP_SETFCAP', 'CAP_SYS_ADMIN', 'CAP_SYS_MODULE', 'CAP_SYS_PTRACE', 'CAP_SYS_RAWIO',
  'CAP_DAC_OVERRIDE', 'CAP_DAC_READ_SEARCH', 'CAP_CHOWN', 'CAP_FOWNER', 'CAP_BPF', 'CAP_MKNOD', 'CAP_SYS_BOOT',
]);

/** Grants the capabilities with AmbientCapabilities= (appended to its last plain line, or a new line). */
function ambientFix(context: RuleContext, caps: readonly string[]): Fix | undefined {
  const { model, document } = context;
  const lines = linesInForce(model, 'AmbientCapabilities');
  const title = `Grant ${andWords(caps)} with AmbientCapabilities=`;
  if (lines.length === 0) {
    const section = lastLine(model, 'CapabilityBoundingSet')?.section ?? 'Service';
    return { title, edits: [insertLinesEdit(document, section, [`AmbientCapabilities=${caps.join(' ')}`])] };
  }
  const last = lines[lines.length - 1];
  if (last.document !== document || capabilityWords(last).invert) return undefined;
  return { title, edits: [appendEdit(context, last, caps)] };
}

// ---------------------------------------------------------------------------
// capability-void, case c: ambient capabilities the bounding set drops

function checkAmbientDropped(context: RuleContext, drops: ReadonlyMap<string, Drop>): void {
  const { model } = context;
  if (mainProcessUnsandboxed(model)) return;
  const ambient = ambientSet(model);
  const byDrop = new Map<Assignment, { drop: Drop; caps: string[] }>();
  for (const capability of ambient) {
    const drop = drops.get(capability);
    // Only a capability the unit names counts: a bare `~` asks for everything, not for it.
    if (!drop || namingLines(model, 'AmbientCapabilities', capability).length === 0) continue;
    const entry = byDrop.get(drop.line) ?? { drop, caps: [] };
    entry.caps.push(capability);
    byDrop.set(drop.line, entry);
  }
  for (const { drop, caps } of byDrop.values()) {
    const evidence = caps.flatMap((c) => namingLines(model, 'AmbientCapabilities', c)).map((line) => ({ line, note: 'asks for the capability' }));
    const one = caps.length === 1;
    const them = one ? 'it' : 'them';
    const how = `${drop.explicit ? 'leaves' : 'takes'} ${andWords(caps)} out of the bounding set`;
    // Before 246 systemd refused to start such a service; since then it drops the capability with a debug message.
    const outcome =
      context.settings.systemdVersion < AMBIENT_SUPPRESSED_SINCE
        ? `systemd ${context.settings.systemdVersion} cannot raise ${them} and the start fails (status 218/CAPABILITIES).`
        : `systemd quietly leaves ${them} out of the ambient set and the service starts without ${them}.`;
    const message = `${lineRef(context, drop.line)} ${how}, but ${lineRefs(context, evidence.map((e) => e.line))} ${new Set(evidence.map((e) => e.line)).size === 1 ? 'asks' : 'ask'} for ${them}: ${outcome}`;
    const fix = drop.explicit ? boundingFix(context, caps) : impliedFix(context, drop.line);
    reportBreakage(context, VOID, drop.line, message, evidence, fix ? [fix] : []);
  }
}

/** The release from which an ambient capability outside the bounding set is dropped instead of failing the start (systemd PR #15959). */
const AMBIENT_SUPPRESSED_SINCE = 246;

/**
 * Puts the capabilities back into the bounding set: `~` lines after the set was started lose
 * them, and an allow-list gets them appended to its last plain line.
 */
function boundingFix(context: RuleContext, caps: readonly string[]): Fix | undefined {
  const { model, document } = context;
  const lines = linesInForce(model, 'CapabilityBoundingSet');
  if (lines.length === 0) return undefined;
  const wanted = new Set(caps);
  const edits: TextEdit[] = [];
  const first = capabilityWords(lines[0]);
  for (const [index, line] of lines.entries()) {
    const { invert, names } = capabilityWords(line);
    if (!invert || !names.some((n) => wanted.has(n))) continue;
    if (line.document !== document) return undefined;
    const value = withoutNames(line, wanted);
    if (value !== undefined) edits.push(replaceValueEdit(line.entry, value));
    else if (index === 0) return undefined;
    else edits.push(removeEntryEdit(document, line.entry));
  }
  if (!first.invert) {
    const plain = lines.filter((l) => !capabilityWords(l).invert);
    const last = plain[plain.length - 1];
    if (!last || last.document !== document) return undefined;
    edits.push(appendEdit(context, last, caps));
  }
  if (edits.length === 0) return undefined;
  return { title: `Keep ${andWords(caps)} in CapabilityBoundingSet= (AmbientCapabilities= asks for it)`, edits };
}

/** Turns off the setting that drops the capability (it takes more away than the capability). */
function impliedFix(context: RuleContext, line: Assignment): Fix | undefined {
  if (line.document !== context.document) return undefined;
  const dropped = IMPLIED_DROPS.find((d) => d.directive === line.entry.key)?.capabilities ?? [];
  return { title: `Turn off ${line.entry.key}= (gives back ${andWords(dropped)}, and everything else it blocks)`, edits: [replaceValueEdit(line.entry, 'no')] };
}

// ---------------------------------------------------------------------------
// capability-calls-blocked

interface Blocking {
  line: Assignment;
  /** The group or call of the line that blocks it; undefined: an allow-list that leaves it out. */
  item?: string;
}

/** Whether the item (a call or a group, at the release) covers the call. */
function itemCovers(item: string, call: string, version: number, depth = 0): boolean {
  if (!item.startsWith('@')) return item === call;
  if (depth > 10) return false;
  return (groupItems(item, version) ?? []).some((i) => itemCovers(i, call, version, depth + 1));
}

function filterItems(line: Assignment): string[] {
  return listItems(trimBlanks(line.entry.value).replace(/^~/, '')).map((w) => w.replace(/:.*$/, ''));
}

function isBlocked(filter: SyscallFilter | undefined, call: string): boolean {
  if (!filter) return false;
  // The call is among the names the checks see (filterNames) when the filter holds it, unless an
  // allow-list holds it with an error number.
  const errno = filter.entries.get(call);
  const named = errno !== undefined && !(filter.allowList && errno >= 0);
  return filter.allowList ? !named : named;
}

/** The calls the checks ask a filter about: the filters they replay hold only these. */
const ASKED_CALLS: ReadonlySet<string> = new Set(CALL_CAPABILITIES.flatMap((c) => [...c.calls, ...(c.alsoWith?.calls ?? [])]));

/**
 * The filter replayed line by line at the release; for each call that ends up blocked, the line
 * that blocked it last (and the group or call of that line naming it).
 */
function blockingLines(model: UnitModel, calls: readonly string[], version: number): { filter: SyscallFilter | undefined; blocking: Map<string, Blocking> } {
  let filter: SyscallFilter | undefined;
  const blocking = new Map<string, Blocking>();
  for (const line of effectiveLines(model, 'SystemCallFilter')) {
    const before = new Map(calls.map((c) => [c, isBlocked(filter, c)]));
    filter = applySyscallFilterLine(filter, trimBlanks(line.entry.value), version, ASKED_CALLS);
    const items = filterItems(line);
    for (const call of calls) {
      if (!isBlocked(filter, call)) {
        blocking.delete(call);
        continue;
      }
      // The line that blocked it, or a later one that names it again.
      const item = items.find((i) => itemCovers(i, call, version));
      if (!before.get(call) || item) blocking.set(call, { line, ...(item ? { item } : {}) });
    }
  }
  return { filter, blocking };
}

/** What a blocked call does: fails with an error number, or kills the process. */
function blockedOutcome(model: UnitModel, filter: SyscallFilter, calls: readonly string[]): string {
  const perCall = calls.map((c) => filter.entries.get(c)).some((e) => e !== undefined && e >= 0);
  const errno = trimBlanks(valueOf(model, 'SystemCallErrorNumber'));
  if (perCall || (errno && errno !== 'kill')) return `fails with ${perCall ? 'the error the filter names' : errno}`;
  return 'kills the process';
}

/** Whether the unit can open an RTC device (DevicePolicy= and PrivateDevices= leave it out). */
function rtcReachable(model: UnitModel): boolean {
  if (isOn(model, 'PrivateDevices')) return false;
  const allows = effectiveLines(model, 'DeviceAllow');
  const policy = trimBlanks(valueOf(model, 'DevicePolicy')) ?? 'auto';
  const restricted = policy === 'closed' || policy === 'strict' || (policy === 'auto' && allows.length > 0);
  if (!restricted) return true;
  return allows.some((a) => {
    const device = listItems(a.entry.value)[0] ?? '';
    return device.startsWith('/dev/rtc') || device === 'char-rtc';
  });
}

/** The capabilities the service's processes hold, and the lines that grant them by name. */
function heldByName(model: UnitModel, drops: ReadonlyMap<string, Drop>): Map<string, Assignment[]> {
  const held = new Map<string, Assignment[]>();
  const ambient = ambientSet(model);
  const root = runsAsRoot(model);
  for (const capability of ALL_CAPABILITIES) {
    if (drops.has(capability)) continue;
    const lines = [...(ambient.has(capability) ? namingLines(model, 'AmbientCapabilities', capability) : []), ...(root ? namingLines(model, 'CapabilityBoundingSet', capability) : [])];
    if (lines.length > 0) held.set(capability, lines);
  }
  return held;
}

/** Whether the service holds the capability at all (named or not): root gets the bounding set. */
function holds(model: UnitModel, drops: ReadonlyMap<string, Drop>, capability: string): boolean {
  if (drops.has(capability)) return false;
  return runsAsRoot(model) || ambientSet(model).has(capability);
}

interface CallFinding {
  entry: CallCapability;
  grants: Assignment[];
  calls: string[];
  blocking: Blocking[];
}

function checkCallsBlocked(context: RuleContext, drops: ReadonlyMap<string, Drop>): void {
  const { model } = context;
  const version = context.settings.systemdVersion;
  if (!hasSetting(model, 'SystemCallFilter') || mainProcessUnsandboxed(model)) return;
  const held = heldByName(model, drops);
  const bySubject = new Map<Assignment, CallFinding[]>();
  let finalFilter: SyscallFilter | undefined;
  for (const entry of CALL_CAPABILITIES) {
    const grants = held.get(entry.capability);
    if (!grants) continue;
    if (entry.device === 'rtc' && rtcReachable(model)) continue;
    const extra = entry.alsoWith && holds(model, drops, entry.alsoWith.capability) ? entry.alsoWith.calls : [];
    const calls = [...entry.calls, ...extra].filter((c) => !X86_64_UNAVAILABLE_SYSCALLS.has(c));
    const { filter, blocking } = blockingLines(model, calls, version);
    if (!filter || calls.some((c) => !blocking.has(c))) continue;
    finalFilter = filter;
    const blocks = calls.map((c) => blocking.get(c) as Blocking);
    const subject = blocks[blocks.length - 1].line;
    bySubject.set(subject, [...(bySubject.get(subject) ?? []), { entry, grants, calls, blocking: blocks }]);
  }
  if (!finalFilter) return;
  for (const [subject, findings] of bySubject) reportCalls(context, subject, findings, finalFilter);
}

function reportCalls(context: RuleContext, subject: Assignment, findings: readonly CallFinding[], filter: SyscallFilter): void {
  const { model } = context;
  const parts = findings.map((f) => {
    const calls = f.calls.map((c) => `${c}()`);
    const items = unique(f.blocking.filter((b) => b.line === subject && b.item).map((b) => b.item as string));
    const where = items.length > 0 ? ` (${andWords(items)})` : trimBlanks(subject.entry.value).startsWith('~') ? '' : ' (the allow-list leaves it out)';
    return `${andWords(calls)}${where}, ${calls.length === 1 ? 'the only call' : 'the calls'} ${f.entry.capability} is for`;
  });
  const grants = unique(findings.flatMap((f) => f.grants));
  const otherLines = unique(findings.flatMap((f) => f.blocking.map((b) => b.line))).filter((l) => l !== subject);
  const evidence: Evidence[] = [
    ...grants.map((line) => ({ line, note: 'keeps the capability' })),
    ...otherLines.map((line) => ({ line, note: 'blocks some of the calls too', explains: true as const })),
  ];
  const caps = findings.map((f) => f.entry.capability);
  const allCalls = unique(findings.flatMap((f) => f.calls));
  const one = caps.length === 1;
  const message =
    `${lineRef(context, subject)} blocks ${parts.join('; ')}, while ${lineRefs(context, grants)} ${grants.length === 1 ? 'keeps' : 'keep'} ${andWords(caps)}: ` +
    `${one ? 'the capability is' : 'the capabilities are'} of no use, and a service that relies on ${one ? 'it' : 'them'} breaks (a blocked call ${blockedOutcome(model, filter, allCalls)}).`;
  const fix = callsFix(context, subject, allCalls);
  reportBreakage(context, CALLS, subject, message, evidence, fix ? [fix] : []);
}

/**
 * Allows the calls again with a plain SystemCallFilter= line after the others: it adds to an
 * allow-list and takes the calls out of a deny-list. Only when no later file filters again.
 */
function callsFix(context: RuleContext, subject: Assignment, calls: readonly string[]): Fix | undefined {
  const { model, document } = context;
  const lines = effectiveLines(model, 'SystemCallFilter');
  if (lines[lines.length - 1]?.document !== document) return undefined;
  const value = calls.join(' ');
  return {
    title: `Allow ${andWords(calls.map((c) => `${c}()`))} again with SystemCallFilter=${value}`,
    edits: [insertLinesEdit(document, subject.section, [`SystemCallFilter=${value}`])],
  };
}

// ---------------------------------------------------------------------------

export function checkCapabilities(context: RuleContext): void {
  const { model } = context;
  // Without the unit file, its capability and filter lines (and `+` commands) are unknown.
  // Services of the system manager only: other units run helpers at most (a socket unit's ports
  // are bound by systemd), and a user manager has no capabilities to hand out.
  if (!model.complete || context.type !== 'service' || context.manager !== 'system') return;
  const drops = boundingDrops(model);
  checkAmbientDropped(context, drops);
  checkPrivateUsers(context, drops);
  checkBoundingOnly(context, drops);
  checkCallsBlocked(context, drops);
}
