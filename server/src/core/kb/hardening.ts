/**
 * The settings `unitguard harden` may propose for a service, with the level each belongs to.
 * Which release takes a setting, what it protects and what it may break are not here: the
 * directive table (`since`), the per-value releases (`valueSince`) and the docs (`protects`,
 * `breaks`) say that. This table only says how much trust each line needs:
 * - `safe`: takes away kernel-level operations an ordinary daemon never performs, and whose use a
 *   unit shows in its own lines (a capability it grants, a command it runs), which the breakage
 *   and pairing rules then find;
 * - `standard`: the usual sandbox; each line may break a service that needs what it removes, so
 *   each one is shown with what it may break;
 * - `strict`: everything else the score rewards that a unit's lines can be checked against.
 * A level includes the levels before it. Settings that need a choice the unit cannot show (which
 * user, which network, which root directory) are not proposed.
 */
export type HardeningLevel = 'safe' | 'standard' | 'strict';

export const HARDENING_LEVELS: readonly HardeningLevel[] = ['safe', 'standard', 'strict'];

export interface HardeningStep {
  readonly directive: string;
  /** The value written. */
  readonly value: string;
  readonly level: HardeningLevel;
  /** Values of a single-valued setting that this one replaces (weaker ones); any other value the unit sets is its own choice. */
  readonly upgrades?: readonly string[];
  /** Proposed only for a service that does not run as root (inside a user namespace, root would lose its power over the host). */
  readonly unprivilegedOnly?: true;
  /** Capabilities the value drops, less those the unit grants (a deny-list of the bounding set). */
  readonly dropsCapabilities?: readonly string[];
}

/** In the order they are written; a stronger step of a setting comes after the weaker one it replaces. */
export const HARDENING_STEPS: readonly HardeningStep[] = [
  { directive: 'ProtectKernelModules', value: 'yes', level: 'safe' },
  { directive: 'ProtectKernelLogs', value: 'yes', level: 'safe' },
  { directive: 'ProtectControlGroups', value: 'yes', level: 'safe' },
  { directive: 'LockPersonality', value: 'yes', level: 'safe' },
  { directive: 'RestrictSUIDSGID', value: 'yes', level: 'safe' },

  { directive: 'NoNewPrivileges', value: 'yes', level: 'standard' },
  { directive: 'PrivateTmp', value: 'yes', level: 'standard' },
  { directive: 'PrivateDevices', value: 'yes', level: 'standard' },
  { directive: 'PrivateMounts', value: 'yes', level: 'standard' },
  { directive: 'ProtectSystem', value: 'full', level: 'standard', upgrades: ['yes'] },
  { directive: 'ProtectHome', value: 'read-only', level: 'standard' },
  { directive: 'ProtectKernelTunables', value: 'yes', level: 'standard' },
  { directive: 'ProtectClock', value: 'yes', level: 'standard' },
  { directive: 'ProtectHostname', value: 'yes', level: 'standard' },
  { directive: 'ProtectProc', value: 'invisible', level: 'standard' },
  { directive: 'RestrictRealtime', value: 'yes', level: 'standard' },
  { directive: 'RestrictNamespaces', value: 'yes', level: 'standard' },
  { directive: 'RestrictAddressFamilies', value: 'AF_UNIX AF_INET AF_INET6 AF_NETLINK', level: 'standard' },
  { directive: 'SystemCallArchitectures', value: 'native', level: 'standard' },
  { directive: 'SystemCallFilter', value: '@system-service', level: 'standard' },
  { directive: 'RemoveIPC', value: 'yes', level: 'standard' },

  { directive: 'ProtectSystem', value: 'strict', level: 'strict', upgrades: ['yes', 'full'] },
  { directive: 'ProtectHome', value: 'yes', level: 'strict', upgrades: ['read-only'] },
  { directive: 'PrivateUsers', value: 'yes', level: 'strict', unprivilegedOnly: true },
  { directive: 'MemoryDenyWriteExecute', value: 'yes', level: 'strict' },
  { directive: 'ProcSubset', value: 'pid', level: 'strict' },
  { directive: 'UMask', value: '0077', level: 'strict', upgrades: ['0022', '0027', '0002', '0007', '0000'] },
  { directive: 'SystemCallFilter', value: '~@privileged @resources', level: 'strict' },
  {
    directive: 'CapabilityBoundingSet',
    value: '~',
    level: 'strict',
    dropsCapabilities: [
      'CAP_SYS_ADMIN', 'CAP_SYS_PTRACE', 'CAP_SYS_TIME', 'CAP_NET_ADMIN', 'CAP_SYS_RAWIO', 'CAP_SYS_MODULE', 'CAP_AUDIT_CONTROL',
      'CAP_AUDIT_READ', 'CAP_AUDIT_WRITE', 'CAP_SYSLOG', 'CAP_MKNOD', 'CAP_SYS_BOOT', 'CAP_MAC_ADMIN', 'CAP_MAC_OVERRIDE',
      'CAP_LINUX_IMMUTABLE', 'CAP_IPC_LOCK', 'CAP_BLOCK_SUSPEND', 'CAP_WAKE_ALARM', 'CAP_LEASE', 'CAP_SYS_TTY_CONFIG',
      'CAP_SYS_PACCT', 'CAP_BPF',
    ],
  },
];

/** Whether a step belongs to a level (a level includes the ones before it). */
export function inLevel(step: HardeningStep, level: HardeningLevel): boolean {
  return HARDENING_LEVELS.indexOf(step.level) <= HARDENING_LEVELS.indexOf(level);
}
