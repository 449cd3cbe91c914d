/**
 * Per-version differences of the exposure score. The knowledge base describes systemd 262; what
 * an older `systemd-analyze security` does differently is kept here as data, so that
 * `--systemd-version 252` gives the numbers of Debian 12's systemd-analyze (252.39).
 *
 * Checked against the installed systemd-analyze 252 (`syscall-filter`, `security --offline=yes`).
 */

/** How a system call group of an older release differs from the knowledge base's (262). */
export interface GroupChange {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/** A difference that holds for every release up to and including `until`. */
interface UpTo<T> {
  readonly until: number;
  readonly data: T;
}

/**
 * Group contents up to 252 (Debian 12 with its backports). `null`: the group does not exist, so a
 * filter line naming it is ignored.
 */
const SYSCALL_GROUP_CHANGES: readonly UpTo<Readonly<Record<string, GroupChange | null>>>[] = [
  {
    until: 252,
    data: {
      '@basic-io': { added: [], removed: ['llseek'] },
      '@default': { added: [], removed: ['@sandbox', 'lsm_get_self_attr', 'lsm_list_modules', 'mseal'] },
      '@file-system': {
        added: [],
        removed: [
          'file_getattr', 'file_setattr', 'fstatat', 'getxattrat', 'listmount', 'listxattrat', 'newfstat',
          'open_tree', 'removexattrat', 'setxattrat', 'statmount',
        ],
      },
      '@known': {
        added: [],
        removed: [
          'breakpoint', 'cachestat', 'fchroot', 'file_getattr', 'file_setattr', 'get_tls', 'getxattrat',
          'listmount', 'listns', 'listxattrat', 'llseek', 'lsm_get_self_attr', 'lsm_list_modules',
          'lsm_set_self_attr', 'mseal', 'open_tree_attr', 'removexattrat', 'rseq_slice_yield', 'set_tls',
          'setxattrat', 'statmount', 'uprobe', 'uretprobe', 'usr26', 'usr32',
        ],
      },
      '@mount': { added: ['open_tree'], removed: ['open_tree_attr'] },
      '@sandbox': null,
    },
  },
];

/** The change of one group for a release, undefined when it matches the knowledge base. */
export function syscallGroupChange(group: string, version: number): GroupChange | null | undefined {
  for (const entry of SYSCALL_GROUP_CHANGES) {
    if (version <= entry.until && group in entry.data) return entry.data[group];
  }
  return undefined;
}

/**
 * Settings that were plain booleans before they took more values. Up to `booleanUntil` a value
 * other than a boolean spelling is rejected by systemd (the line is ignored); later every value
 * other than `no` turns the protection on.
 */
export const BOOLEAN_BEFORE_ENUM: Readonly<Record<string, { booleanUntil: number; values: readonly string[] }>> = {
  PrivateTmp: { booleanUntil: 255, values: ['connected', 'disconnected'] },
  PrivateUsers: { booleanUntil: 256, values: ['self', 'identity', 'full'] },
  ProtectControlGroups: { booleanUntil: 256, values: ['private', 'strict'] },
  ProtectHostname: { booleanUntil: 256, values: ['private'] },
};

/** Values of SuccessAction= a release does not know yet (the line is ignored). */
const SUCCESS_ACTIONS_ADDED: readonly { since: number; values: readonly string[] }[] = [
  { since: 253, values: ['halt', 'halt-force', 'halt-immediate'] },
  { since: 254, values: ['soft-reboot', 'soft-reboot-force', 'kexec', 'kexec-force'] },
];

const SUCCESS_ACTIONS_252 = [
  'none', 'reboot', 'reboot-force', 'reboot-immediate', 'poweroff', 'poweroff-force', 'poweroff-immediate',
  'exit', 'exit-force',
];

export function successActionKnown(value: string, version: number): boolean {
  if (SUCCESS_ACTIONS_252.includes(value)) return true;
  return SUCCESS_ACTIONS_ADDED.some((a) => version >= a.since && a.values.includes(value));
}

/**
 * Up to this release the offline assessment takes PrivateMounts= as written; later releases
 * count it as on when another setting already gives the service its own mount namespace.
 */
export const PRIVATE_MOUNTS_INFERRED_SINCE = 253;
