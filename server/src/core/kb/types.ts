/**
 * Shapes of the knowledge-base tables. The data itself is generated from the
 * systemd reference (see README.md in this folder); these types are what the
 * generated modules must satisfy and what features read.
 */
import type { UnitType } from '../unitFile';

/** Section names a unit file may contain. [Target] and [Device] exist but hold no settings. */
export type SectionName =
  | 'Unit'
  | 'Install'
  | 'Service'
  | 'Socket'
  | 'Mount'
  | 'Automount'
  | 'Swap'
  | 'Target'
  | 'Device'
  | 'Path'
  | 'Timer'
  | 'Slice'
  | 'Scope';

/** Man pages (section 5) that document unit-file settings. */
export type ManPage =
  | 'systemd.unit'
  | 'systemd.service'
  | 'systemd.exec'
  | 'systemd.kill'
  | 'systemd.resource-control'
  | 'systemd.socket'
  | 'systemd.timer'
  | 'systemd.path'
  | 'systemd.mount'
  | 'systemd.automount'
  | 'systemd.swap'
  | 'systemd.slice'
  | 'systemd.scope';

/** Where a section's settings come from: its own list, or one of the shared option groups. */
export type DirectiveContext = 'own' | 'exec' | 'kill' | 'cgroup';

// ---------------------------------------------------------------------------
// Value kinds

/** The basic shapes a setting's value (or one item of a list value) can take. */
export type ValueType =
  | 'boolean'
  | 'enum'
  | 'keyword'
  | 'flag'
  | 'integer'
  | 'timespan'
  | 'calendar'
  | 'bytes'
  | 'percent'
  | 'octal-mode'
  | 'hex'
  | 'base64'
  | 'string'
  | 'path'
  | 'uri'
  | 'command'
  | 'unit'
  | 'unit-name'
  | 'signal'
  | 'errno'
  | 'user'
  | 'group'
  | 'capability'
  | 'syscall'
  | 'address-family'
  | 'namespace'
  | 'architecture'
  | 'personality'
  | 'securebits'
  | 'syslog-facility'
  | 'rlimit'
  | 'cpu-set'
  | 'numa-node-set'
  | 'exit-status'
  | 'listen-address'
  | 'netlink-family'
  | 'condition'
  | 'device-access'
  | 'device-bytes'
  | 'device-weight'
  | 'device-timespan'
  | 'image-policy'
  | 'image'
  | 'image-mount'
  | 'bind-path'
  | 'partition-mount-options'
  | 'credential'
  | 'credential-glob'
  | 'env-assignment'
  | 'env-name'
  | 'field-assignment'
  | 'filesystem'
  | 'ip-prefix'
  | 'network-interface'
  | 'nft-set'
  | 'socket-bind-rule'
  | 'cgroup-controller'
  | 'bpf-program'
  | 'bpf-attach-type'
  | 'bpf-command'
  | 'bpf-map-type'
  | 'bpf-prog-type'
  | 'regex'
  | 'coredump-filter'
  | 'xattr'
  | 'open-file'
  | 'dbus-name'
  | 'ignored';

/** One accepted form of a value. A value kind lists the forms; a value may take any one of them. */
export interface ValueForm {
  readonly type: ValueType;
  /** A whitespace-separated list of such items (several per line). */
  readonly list?: true;
  /** Inclusive bounds of an integer. */
  readonly min?: number;
  readonly max?: number;
  /** `keyword`: the literal word (`infinity`, `idle`, `numa`, `off`). */
  readonly word?: string;
  /** `flag`: the accepted flag names. */
  readonly words?: readonly string[];
  /** `timespan`: finer resolution than the default microseconds. */
  readonly resolution?: 'nsec';
  /** `condition`: what the condition's argument is. */
  readonly operand?: 'path' | 'path-glob' | 'string' | 'boolean';
  /** `path`: relative to a base directory instead of absolute. */
  readonly relative?: true;
  /** `path`: a glob pattern. */
  readonly glob?: true;
  /** A narrower variant named by the classification, e.g. `slice` for a unit, `colon-separated`. */
  readonly qualifier?: string;
  /** A suffix that may follow the item, e.g. `:path` after a credential name. */
  readonly optionalSuffix?: string;
  /** A suffix that must follow the item, e.g. `:value` after a credential name. */
  readonly requiredSuffix?: string;
}

export interface ValueKind {
  /** The classification as the reference spells it, e.g. `bytes|percent|infinity`. */
  readonly label: string;
  /** Accepted alternatives. */
  readonly forms: readonly ValueForm[];
}

// ---------------------------------------------------------------------------
// Assignment semantics

/**
 * What repeated and empty assignments of a setting do.
 * - `single`: one value; a later assignment replaces it (`last-wins`), or is ignored (`first-wins`).
 * - `list`: a later assignment adds to what is there. `append` keeps order, `merge` unions a set
 *   (a `~` item may remove), `keyed` adds entries where a repeated key replaces the earlier entry.
 *   `emptyResets`: an empty assignment clears everything assigned before it; `resetShares` names
 *   other settings whose entries live in the same list and are cleared by it too.
 * - `ignored`: the setting is accepted and ignored.
 */
export type AssignmentSemantics =
  | { readonly kind: 'single'; readonly repeat: 'last-wins' | 'first-wins'; readonly basis: SemanticsBasis }
  | {
      readonly kind: 'list';
      readonly repeat: 'append' | 'merge' | 'keyed';
      readonly emptyResets: boolean;
      readonly basis: SemanticsBasis;
      readonly resetShares?: readonly string[];
    }
  | { readonly kind: 'ignored'; readonly basis: SemanticsBasis };

/**
 * Why a parser is classified the way it is: `source` = read in the parser's code, `man` = the man
 * page states the behaviour, `analogy` = same pattern as parsers of the same family.
 */
export type SemanticsBasis = 'source' | 'man' | 'analogy';

// ---------------------------------------------------------------------------
// Deprecation

export type DeprecationKind =
  /** Accepted and ignored (systemd logs that support was removed). */
  | 'removed'
  /** An older name of another setting, still parsed. */
  | 'renamed'
  /** A legacy alias, still parsed. */
  | 'alias'
  /** Still parsed, logs a warning. */
  | 'obsolete'
  /** Still parsed here, belongs in another section now. */
  | 'moved';

export interface Replacement {
  readonly directive: string;
  /** The section the replacement belongs to, when it differs. */
  readonly section?: SectionName;
  /** A specific value of the replacement (`OnFailureJobMode=isolate`). */
  readonly value?: string;
  /** Command-line prefixes that replace the setting (`ExecStart=` with `+` or `!`). */
  readonly commandPrefixes?: readonly string[];
}

export interface Deprecation {
  readonly kind: DeprecationKind;
  readonly replacement?: Replacement;
  /** Version that deprecated it, where known. */
  readonly since?: number;
  /** Where the deprecation is recorded. */
  readonly source?: 'man-history' | 'news' | 'gperf';
  /** The release that stopped applying the setting, where it came later than the deprecation (`since`). */
  readonly removedIn?: number;
  /** The setting belonged to cgroup v1, which systemd no longer supports. */
  readonly cgroupV1?: true;
  /** The feature is always on now, so there is nothing to replace it with. */
  readonly alwaysOn?: true;
}

// ---------------------------------------------------------------------------
// Directives

/** One (setting, section) pair accepted in unit files. */
export interface DirectiveRow {
  readonly name: string;
  readonly section: SectionName;
  readonly unitTypes: readonly UnitType[];
  readonly context: DirectiveContext;
  /** The gperf parser function; `NULL` for [Install] settings (read by the installer, not the manager). */
  readonly parser: string;
  readonly valueKind: ValueKind;
  readonly assignment: AssignmentSemantics;
  /** The man page documenting it; undefined for legacy and removed settings without an entry. */
  readonly manPage?: ManPage;
  /** Link to the man page entry. */
  readonly url?: string;
  /** The systemd version that added it, where known (no markers exist below v183). */
  readonly since?: number;
  /**
   * The man entry carrying `since` documents these settings too, so the version may belong to one
   * of them rather than to this one.
   */
  readonly sinceSharedWith?: readonly string[];
  /** `news`: the version comes from systemd's NEWS because the man page has none or is wrong. */
  readonly sinceSource?: 'man' | 'news';
  readonly deprecation?: Deprecation;
  /** A compile-time feature the setting depends on (e.g. `HAVE_SECCOMP`); without it the setting is ignored. */
  readonly buildCondition?: string;
}

export interface DirectiveInfo {
  readonly name: string;
  /** One row per section that accepts the setting. */
  readonly rows: readonly DirectiveRow[];
}

// ---------------------------------------------------------------------------
// Enumerated values

/** An accepted value of an enumerated setting. */
export interface EnumValue {
  /** The value; for `prefixed` and `call` values the literal part (`fd:`, `smbios-field`). */
  readonly value: string;
  /** Absent for a plain word. `prefixed`: `fd:NAME`-style, `call`: `name(ARGS)`-style. */
  readonly form?: 'prefixed' | 'call';
  /** Placeholder for the variable part (`NAME`, `PATH`, `FIELD OP VALUE`). */
  readonly placeholder?: string;
  /** Version that added the value, where known. */
  readonly since?: number;
  readonly sinceSource?: 'man' | 'news';
  /** The man entry does not spell the value out (e.g. `connected`, what `PrivateTmp=yes` means). */
  readonly undocumented?: true;
  /** Still accepted, but systemd warns about it. */
  readonly deprecated?: true;
  /** Accepted as a legacy spelling of `canonical`. */
  readonly canonical?: string;
}

export interface EnumInfo {
  readonly directive: string;
  readonly sections: readonly SectionName[];
  readonly values: readonly EnumValue[];
  /** Boolean spellings are accepted too; `yes`/true selects this value. */
  readonly booleanTrue?: string;
  /** With boolean spellings: the value `no`/false selects. */
  readonly booleanFalse?: string;
  /** Boolean spellings are accepted (without a mapping to a named value). */
  readonly acceptsBoolean?: true;
  /** Several values may be given, separated by whitespace. */
  readonly list?: true;
  /** A leading `~` inverts the list, or (`remove`) takes the items away from the default. */
  readonly tilde?: 'invert' | 'remove';
  /** A leading `!` negates (conditions). */
  readonly negatable?: true;
  /** A number is accepted instead of a name. */
  readonly numeric?: true;
  /** Some values are accepted only by the system manager or only by a user manager. */
  readonly managerDependent?: true;
  /** Only the native architecture and its secondary ones are accepted. */
  readonly nativeOnly?: true;
  /** Architectures depend on what the build and libseccomp support. */
  readonly buildDependent?: true;
  /** Availability of some values depends on the kernel. */
  readonly kernelDependent?: true;
  /** Only has an effect together with another setting (`PrivateBPF=yes`). */
  readonly requires?: { readonly directive: string; readonly value: string };
}

// ---------------------------------------------------------------------------
// Lists

export interface SyscallGroup {
  readonly name: string;
  /** Groups included by this one, as listed. */
  readonly nested: readonly string[];
  /** System calls listed directly in this group. */
  readonly direct: readonly string[];
  /** Every system call, nested groups resolved (sorted). */
  readonly members: readonly string[];
}

export interface Capability {
  readonly name: string;
  readonly number: number;
}

export interface AddressFamily {
  readonly name: string;
  readonly number: number;
  /** The family this name is another name for (same number). */
  readonly aliasOf?: string;
}

export interface Signal {
  /** With the `SIG` prefix: `SIGTERM`. */
  readonly name: string;
  readonly number: number;
  /** The signal this name is another name for (same number). */
  readonly aliasOf?: string;
}

export interface Errno {
  readonly name: string;
  readonly number: number;
  /** The error this name is another name for (same number). */
  readonly aliasOf?: string;
}

export interface TimeUnit {
  /** Every spelling systemd accepts; the first is the short one. */
  readonly spellings: readonly string[];
  /** Plural English name: `minutes`. */
  readonly name: string;
  /** Length in microseconds. */
  readonly usec: number;
  /** Accepted only where the value has nanosecond resolution (parse_nsec). */
  readonly nsecOnly?: true;
  /** Spellings a later release added, with that release. */
  readonly spellingsSince?: Readonly<Record<string, number>>;
}

export interface SizeSuffix {
  readonly suffix: string;
  /** The binary multiple it stands for: `kibibytes`. */
  readonly name: string;
  readonly bytes: number;
}

export interface NamespaceType {
  readonly name: string;
  readonly cloneFlag: string;
}

export interface Specifier {
  /** The letter after `%` (`%` itself for `%%`). */
  readonly letter: string;
  /** What it expands to, as a short noun phrase. */
  readonly meaning: string;
  /** Version that added it, where the man page marks one. */
  readonly since?: number;
  /** Still expanded, with a warning; not documented. */
  readonly deprecated?: true;
}

// ---------------------------------------------------------------------------
// Security tests

export type SecurityCondition = 'default-dependencies-no' | 'runs-as-root' | 'user-manager';

/** What a check looks at beyond the setting itself. */
export type SecurityTarget =
  | { readonly kind: 'settings'; readonly directives: readonly string[] }
  | { readonly kind: 'capabilities'; readonly names: readonly string[] }
  | { readonly kind: 'namespace'; readonly name: string }
  | { readonly kind: 'address-families'; readonly names: readonly string[] }
  /** Address families other than those named by the other address-family checks. */
  | { readonly kind: 'other-address-families'; readonly except: readonly string[] }
  | { readonly kind: 'syscall-group'; readonly group: string };

export interface SecurityTest {
  readonly order: number;
  readonly id: string;
  readonly jsonField: string;
  readonly directives: readonly string[];
  readonly weight: number;
  readonly range: number;
  readonly target: SecurityTarget;
  /** The check is skipped when any of these holds. */
  readonly notScoredWhen: readonly SecurityCondition[];
  /** Compile-time feature the check needs. */
  readonly buildCondition?: string;
}

// ---------------------------------------------------------------------------
// Pairings

export type PairingRelation =
  | 'implies'
  | 'ignored-when'
  | 'recommends'
  | 'effective-only-with'
  | 'requires-one-of'
  | 'conflicts-with';

export type PairingSeverity = 'warning' | 'information' | 'hint';

/** Which values of a setting a pairing is about. */
export type PairingValue =
  /** Bare `X=`: any assignment that turns the setting on (or, as an object, the setting being set). */
  | { readonly kind: 'any' }
  /** Any value at all, including ones that turn the setting off. */
  | { readonly kind: 'any-value' }
  /** An empty assignment. */
  | { readonly kind: 'empty' }
  /** A lone `~`. */
  | { readonly kind: 'bare-tilde' }
  /** One of these exact values (a value may be a whole list line such as `~CAP_MKNOD CAP_SYS_RAWIO`). */
  | { readonly kind: 'one-of'; readonly values: readonly string[] }
  /** Values of this shape; `<...>` marks a part the user fills in. */
  | { readonly kind: 'pattern'; readonly patterns: readonly string[] }
  /** Any value except these. */
  | { readonly kind: 'not'; readonly values: readonly string[] }
  /** An allow-list (no leading `~`). */
  | { readonly kind: 'allow-list' }
  /** A deny-list (leading `~`). */
  | { readonly kind: 'deny-list' }
  /** A command line carrying this prefix. */
  | { readonly kind: 'command-prefix'; readonly prefix: string };

export interface PairingSetting {
  /** The setting; for `family` references the common name prefix (`Condition`). */
  readonly directive: string;
  /** Any setting whose name starts with `directive`. */
  readonly family?: true;
  readonly value: PairingValue;
  /** Which assignment among several of the same setting: earlier lines, a later line, the first one, a line of the other list type. */
  readonly position?: 'earlier' | 'later' | 'first' | 'other-list-type';
  /** Where the setting is written, when not in the same unit. */
  readonly where?: 'activating-socket' | 'other-unit';
  /** Only in units of this type. */
  readonly unitType?: UnitType;
  /** Also matched when the setting is not written at all. */
  readonly orUnset?: true;
  /** And none of these settings is written. */
  readonly without?: readonly string[];
  /** Paths excluded from the value's effect. */
  readonly excludes?: readonly string[];
}

/** A circumstance outside the unit's settings. */
export type PairingContext =
  | { readonly kind: 'manager'; readonly manager: 'user' }
  | { readonly kind: 'unit-types'; readonly unitTypes: readonly UnitType[] }
  | { readonly kind: 'abi'; readonly abis: readonly string[] }
  | { readonly kind: 'no-cgroup-namespaces' }
  | { readonly kind: 'listed-unit-is-device' }
  | { readonly kind: 'ancestor-slices' }
  | { readonly kind: 'not-template' }
  | { readonly kind: 'matching-namespace-setting' }
  | { readonly kind: 'matching-socket-unit' };

/** One alternative among a pairing's objects: settings that belong together, or a context. */
export type PairingAlternative =
  | { readonly kind: 'settings'; readonly settings: readonly PairingSetting[] }
  | { readonly kind: 'context'; readonly context: PairingContext };

export interface FixLine {
  readonly section: SectionName;
  /** The whole line, e.g. `SystemCallFilter=~@mount`; `<...>` parts are for the user to fill in. */
  readonly line: string;
  readonly directive: string;
  readonly value: string;
  /**
   * The line goes in the unit's own type section ([Socket], [Mount], [Swap], ... instead of
   * [Service]) because the setting belongs to the shared exec/kill/resource-control options.
   */
  readonly typeSection?: true;
}

export type FixHint =
  | { readonly kind: 'insert'; readonly lines: readonly FixLine[]; readonly inEachParentSlice?: true }
  /** Remove the setting (only the assignment with `value`, when given); `suggest` names a setting to use instead. */
  | { readonly kind: 'remove-directive'; readonly directive: string; readonly value?: string; readonly suggest?: string }
  | { readonly kind: 'remove-value'; readonly directive: string; readonly value: string }
  | { readonly kind: 'append-value'; readonly directive: string; readonly value: string }
  | { readonly kind: 'drop-command-prefix'; readonly prefix: string };

/** Circumstances a pairing is limited to, where they could be expressed as data. */
export interface PairingScope {
  /** Only in this kind of service manager. */
  readonly manager?: 'system' | 'user';
  /** Only when `DefaultDependencies=` has this value. */
  readonly defaultDependencies?: 'yes' | 'no';
  /** Only when the service runs as root / as another user. */
  readonly runsAs?: 'root' | 'non-root';
  /** Needs unprivileged user namespaces in the kernel. */
  readonly needsUnprivilegedUserNamespaces?: true;
  /** Needs systemd-mountfsd.service. */
  readonly needsMountfsd?: true;
  /** Concerns only command lines with this prefix. */
  readonly commandPrefix?: string;
  /** Holds whenever the subject is set, without further condition. */
  readonly unconditional?: true;
}

export interface Pairing {
  readonly id: string;
  readonly subject: PairingSetting;
  readonly relation: PairingRelation;
  /** Alternatives; any one satisfies the pairing. Empty never happens. */
  readonly objects: readonly PairingAlternative[];
  readonly scope: PairingScope;
  readonly manPage: ManPage;
  /** The man entry holding the statement; a section paragraph when `manSection` is set. */
  readonly manEntry?: string;
  readonly manSection?: string;
  /** The version marker of that man entry (dates the entry, not the pairing). */
  readonly since?: number;
  readonly severity: PairingSeverity;
  readonly fix?: FixHint;
}
