/**
 * Every rule the language service reports, with its stable id (the diagnostic's `code`), its
 * default severity and what it finds. Users re-grade or switch off rules by these ids, by the id
 * of one hardening pair, or by a whole group (`breakage`).
 *
 * Severity policy: every rule and every hardening pair is graded by what it means for the unit.
 * - error: systemd refuses the line or ignores it (unknown name, wrong section, bad value).
 * - warning: the setting does not do what it says, or the unit may break (a breakage rule, a
 *   protection that can be undone or is ignored, a list that systemd combines into something else).
 * - information: a stronger or complementary setting exists; the unit works and does what it says.
 * - hint: knowledge that changes nothing; hint rules are off unless a user switches them on.
 * Knowledge that a setting implies another is never a finding: hover and `check --explain` show it.
 * The "unnecessary" tag (drawn faded) marks only lines that have no effect at all.
 */
import { pairingIds as PAIRING_IDS } from '../kb';
import { parseProblems } from '../syntax/parseProblems';
import type { Severity } from '../types';

export type RuleGroup = 'syntax' | 'structure' | 'values' | 'versions' | 'hardening' | 'breakage' | 'merge';

export interface RuleInfo {
  id: string;
  defaultSeverity: Severity;
  group: RuleGroup;
  description: string;
  /** Off unless a user's settings give it a level (hint rules: knowledge that changes nothing). */
  offByDefault?: true;
}

const OWN_RULES: readonly RuleInfo[] = [
  {
    id: 'unknown-section',
    defaultSeverity: 'error',
    group: 'structure',
    description: 'A section this unit type does not have; systemd ignores it with every setting in it.',
  },
  {
    id: 'unknown-directive',
    defaultSeverity: 'error',
    group: 'structure',
    description: 'A setting systemd does not know in this section; it logs a warning and ignores the line. Close names are offered as fixes.',
  },
  {
    id: 'wrong-section',
    defaultSeverity: 'error',
    group: 'structure',
    description: 'A known setting written in a section of this unit that does not take it; systemd ignores the line. The fix moves it to its section.',
  },
  {
    id: 'invalid-value',
    defaultSeverity: 'error',
    group: 'values',
    description: 'A value systemd cannot parse for this setting (wrong boolean, unknown enum value, malformed time span or size, relative path, unknown capability, system call, address family, signal, number out of range, ...); systemd ignores the line or that item.',
  },
  {
    id: 'deprecated-directive',
    defaultSeverity: 'warning',
    group: 'structure',
    description: 'A setting that was renamed, moved to another section or removed; the fix writes the current form where there is one. Warning for a setting systemd ignores; information for one it still reads under an old name or in an old place.',
  },
  {
    id: 'deprecated-value',
    defaultSeverity: 'warning',
    group: 'values',
    description: 'A value systemd still reads but warns about or rewrites (KillMode=none, StandardOutput=syslog).',
  },
  {
    id: 'newer-than-target',
    defaultSeverity: 'warning',
    group: 'versions',
    description: 'A setting or value added after the systemd version the units are written for: that systemd ignores it, so what it should do silently does not happen.',
  },
  {
    id: 'unit-refused',
    defaultSeverity: 'error',
    group: 'structure',
    description: 'A unit systemd refuses to load for what its settings say together: a service with nothing to run, without ExecStart= where its type needs one, or with a second ExecStart= command where only Type=oneshot may have several; a timer with nothing to wait for, a socket with nothing to listen on, a path unit with no path, a mount or automount unit not named for its Where=. Nothing can start such a unit.',
  },
  {
    id: 'duplicate-directive',
    defaultSeverity: 'warning',
    group: 'structure',
    description: 'A single-valued setting assigned twice in one file: only one assignment counts (normally the last), the other does nothing.',
  },
  {
    id: 'empty-reset',
    defaultSeverity: 'information',
    group: 'structure',
    description: 'An empty assignment of a list setting throws away the entries assigned before it in the same file.',
  },
  {
    id: 'requires-one-of',
    defaultSeverity: 'warning',
    group: 'hardening',
    description: 'A setting that can be undone, bypassed or breaks the service unless one of its partner settings is present; one fix per partner.',
  },
  {
    id: 'recommends',
    defaultSeverity: 'information',
    group: 'hardening',
    description: 'The systemd documentation advises combining this setting with another one, or choosing another value.',
  },
  {
    id: 'effective-only-with',
    defaultSeverity: 'warning',
    group: 'hardening',
    description: 'A setting that does nothing (or is silently changed) unless one of its partner settings is present.',
  },
  {
    id: 'conflicts-with',
    defaultSeverity: 'warning',
    group: 'hardening',
    description: 'Two settings that cannot work together, or where one overrides the other.',
  },
  {
    id: 'ignored-when',
    defaultSeverity: 'warning',
    group: 'hardening',
    description: 'A setting that has no (or only partial) effect because of another setting or of the unit it is in.',
  },
  {
    id: 'redundant-setting',
    defaultSeverity: 'hint',
    group: 'hardening',
    description: 'A line that only restates what another setting already implies (off by default: an explicit line keeps the unit clear and working on older releases); the fix removes it.',
    offByDefault: true,
  },
  {
    id: 'list-merge-order',
    defaultSeverity: 'warning',
    group: 'merge',
    description: 'Lines of a list setting (capability sets, SystemCallFilter=, RestrictAddressFamilies=, RestrictNamespaces=, ...) that systemd combines into something other than what they seem to say: the first line fixes allow or deny, and later lines of the other form only take items away from it. The message says what systemd ends up with.',
  },
  // Breakage: the unit's own lines show that a protection will stop something the service does.
  {
    id: 'notify-socket-blocked',
    defaultSeverity: 'warning',
    group: 'breakage',
    description: 'The service reports readiness or a watchdog over the notification socket (Type=notify, WatchdogSec=, NotifyAccess=), or takes a D-Bus name (Type=dbus, BusName=), but RestrictAddressFamilies= leaves out AF_UNIX, so sd_notify() or the bus connection fails and the start times out.',
  },
  {
    id: 'capability-void',
    defaultSeverity: 'warning',
    group: 'breakage',
    description: 'A capability the unit grants has no effect where it is needed: PrivateUsers= keeps it inside a user namespace, the bounding set drops it, or a non-root User= starts without it.',
  },
  {
    id: 'path-blocked',
    defaultSeverity: 'warning',
    group: 'breakage',
    description: 'A path the unit evidently reads or writes (PIDFile=, WorkingDirectory=, paths in Environment= and in command options) is made read-only, hidden or private by ProtectSystem=, ProtectHome=, ReadOnlyPaths=, InaccessiblePaths=, TemporaryFileSystem=, PrivateTmp= or DynamicUser= (which implies ProtectSystem=strict), with no writable exception for it.',
  },
  {
    id: 'device-blocked',
    defaultSeverity: 'warning',
    group: 'breakage',
    description: 'A device the unit evidently uses (DeviceAllow=, /dev paths in command lines) is taken away by PrivateDevices=, DevicePolicy= or a setting that switches the device allow-list on (ProtectClock=, ...).',
  },
  {
    id: 'capability-calls-blocked',
    defaultSeverity: 'warning',
    group: 'breakage',
    description: 'The unit keeps a capability whose only use is a system call that SystemCallFilter= blocks (CAP_SYS_CHROOT and chroot() in @mount, CAP_SYS_TIME and @clock, ...), at the target release\'s group members.',
  },
  {
    id: 'tunables-write-blocked',
    defaultSeverity: 'warning',
    group: 'breakage',
    description: 'A command line writes /proc/sys or /sys (sysctl -w, echo ... > /sys/...) while ProtectKernelTunables= makes them read-only.',
  },
  {
    id: 'setuid-helper-blocked',
    defaultSeverity: 'warning',
    group: 'breakage',
    description: 'A command line runs a set-user-ID helper (sudo, su, pkexec, ...) while NoNewPrivileges= is on, explicitly or implied by another setting, so the helper cannot gain privileges.',
  },
  {
    id: 'jit-memory-blocked',
    defaultSeverity: 'information',
    group: 'breakage',
    description: 'ExecStart= runs a runtime that compiles code at run time (java, node, dotnet, luajit, qemu, ...) while MemoryDenyWriteExecute= forbids writable executable memory; it may crash or fall back to a slow interpreter.',
  },
];

const PARSE_RULES: readonly RuleInfo[] = Object.entries(parseProblems).map(([id, p]) => ({
  id,
  defaultSeverity: p.severity,
  group: 'syntax' as const,
  description: p.summary,
}));

/** Every rule: the parser's problems of form first, then the rules on content. */
export const RULES: readonly RuleInfo[] = [...PARSE_RULES, ...OWN_RULES];

const byId = new Map(RULES.map((r) => [r.id, r]));
const pairingIds: ReadonlySet<string> = new Set(PAIRING_IDS);
const groupIds: ReadonlySet<string> = new Set(RULES.map((r) => r.group));

/** The group of a rule id, for overrides given per group. */
export function ruleGroup(id: string): RuleGroup | undefined {
  return byId.get(id)?.group;
}

export function ruleInfo(id: string): RuleInfo | undefined {
  return byId.get(id);
}

/** The rule's default severity; throws for an id that is not registered (a programming error). */
export function defaultSeverity(id: string): Severity {
  const rule = byId.get(id);
  if (!rule) throw new Error(`rule '${id}' is not registered`);
  return rule.defaultSeverity;
}

/** An id a user may configure: a rule, one hardening pair, or a group of rules. */
export function isConfigurableId(id: string): boolean {
  return byId.has(id) || pairingIds.has(id) || groupIds.has(id);
}

/** Every id a user may configure (rules, hardening pairs, groups), for suggestions. */
export function configurableIds(): string[] {
  return [...byId.keys(), ...pairingIds, ...groupIds];
}

/** Ids that once named rules, with what became of them (a setting naming one is reported, and has no effect). */
export const RETIRED_RULES: Readonly<Record<string, string>> = {
  implies: 'what a setting implies is knowledge, not a finding: hover and `unitguard check --explain` show it',
};

/** Rules that publish nothing unless a user's settings give them a level. */
export const OFF_BY_DEFAULT: readonly string[] = RULES.filter((r) => r.offByDefault).map((r) => r.id);
