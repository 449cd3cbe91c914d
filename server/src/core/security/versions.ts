/**
 * Per-version differences of the exposure score. The knowledge base describes systemd 262; what
 * an older `systemd-analyze security` does differently is kept here as data, so that
 * `--systemd-version 252` gives the numbers of Debian 12's systemd-analyze (252.39).
 *
 * Checked against systemd-analyze 252 (Debian 12), 254 (bookworm-backports), 257 (Debian 13) and
 * 262 (unstable): `syscall-filter` and `security --offline=yes`, with and without `--user`. The
 * releases in between (253, 255, 256, 258 to 261) could not be run; for them each boundary below is
 * the best reading of systemd's NEWS and may be off by a release.
 */

import { matchEnumValue } from '../kb';

/** How a system call group of an older release differs from the knowledge base's (262). */
export interface GroupChange {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/**
 * How the system call groups grew, newest last: each entry is what a release put into a group (or
 * took out of it). A release sees the knowledge base's groups (262) with every later entry undone.
 * `created`: the group itself is new, so an older release ignores a filter line naming it.
 */
const GROUP_HISTORY: readonly { since: number; group: string; added?: readonly string[]; removed?: readonly string[]; created?: true }[] = [
  { since: 253, group: '@sandbox', created: true },
  { since: 253, group: '@default', added: ['@sandbox'] },
  { since: 253, group: '@known', added: ['cachestat'] },
  { since: 255, group: '@basic-io', added: ['llseek'] },
  { since: 255, group: '@default', added: ['lsm_get_self_attr', 'lsm_list_modules', 'mseal'] },
  {
    since: 255,
    group: '@file-system',
    added: ['file_getattr', 'file_setattr', 'fstatat', 'getxattrat', 'listmount', 'listxattrat', 'newfstat', 'removexattrat', 'setxattrat', 'statmount'],
  },
  {
    since: 255,
    group: '@known',
    added: [
      'breakpoint', 'file_getattr', 'file_setattr', 'get_tls', 'getxattrat', 'listmount', 'listxattrat', 'llseek',
      'lsm_get_self_attr', 'lsm_list_modules', 'lsm_set_self_attr', 'mseal', 'removexattrat', 'set_tls', 'setxattrat',
      'statmount', 'uretprobe', 'usr26', 'usr32',
    ],
  },
  { since: 258, group: '@file-system', added: ['open_tree'] },
  { since: 258, group: '@known', added: ['fchroot', 'listns', 'open_tree_attr', 'rseq_slice_yield', 'uprobe'] },
  { since: 258, group: '@mount', added: ['open_tree_attr'], removed: ['open_tree'] },
];

/** The release that added a system call group, for groups newer than the oldest release described. */
export function syscallGroupSince(group: string): number | undefined {
  return GROUP_HISTORY.find((h) => h.group === group && h.created)?.since;
}

/** The change of one group for a release, undefined when it matches the knowledge base. */
export function syscallGroupChange(group: string, version: number): GroupChange | null | undefined {
  const later = GROUP_HISTORY.filter((h) => h.group === group && h.since > version);
  if (later.length === 0) return undefined;
  if (later.some((h) => h.created)) return null;
  return { added: later.flatMap((h) => h.removed ?? []), removed: later.flatMap((h) => h.added ?? []) };
}

/**
 * Enumerated settings the assessment reads as booleans: any accepted value other than `no` turns
 * the protection on. Each value counts from the release that added it (the knowledge base's value
 * versions); an older release refuses the line, which then changes nothing.
 */
export const ENUMS_READ_AS_BOOLEAN: readonly string[] = ['PrivateTmp', 'PrivateUsers', 'ProtectControlGroups', 'ProtectHostname'];

/**
 * Whether a release's manager takes a SuccessAction= value (otherwise the line is ignored). The
 * per-user manager takes only `exit` and `exit-force` from 253 on; 253 and 254 also let the
 * actions added in those releases through (systemd-analyze 254 --user takes `halt` and `kexec` but
 * not `reboot`), 257 no longer does. Which values a release knows is the knowledge base's word.
 */
export function successActionKnown(value: string, version: number, manager: 'system' | 'user' = 'system'): boolean {
  const known = matchEnumValue('SuccessAction', value);
  if (!known || (known.since ?? 0) > version) return false;
  const added = (known.since ?? 0) >= 253;
  if (manager === 'system' || version < 253 || ['none', 'exit', 'exit-force'].includes(value)) return true;
  return version <= 254 && added;
}

/**
 * From this release on PrivateMounts= is a tristate, and the offline assessment counts it as on
 * while it is unset (or reset by an empty assignment); only an explicit `no` fails the check, even
 * beside settings that give the service a mount namespace anyway. Up to 252 it is a plain boolean
 * that defaults to off.
 */
export const PRIVATE_MOUNTS_UNSET_ON_SINCE = 254;

/**
 * Scoring for the per-user manager (`systemd-analyze security --user`). Every release starts
 * KeyringMode= at `inherit` there (the system manager: `private` for a service, `inherit` for the
 * other types that run processes). From `refusesDynamicUser` on,
 * a per-user unit with DynamicUser=yes does not load. From `callingUserSince` on, the service counts
 * as running under the calling user's own identity: the user check passes unless it names `nobody`,
 * supplementary groups are judged as for any unprivileged user, and RemoveIPC= does not apply.
 */
export const USER_MANAGER = { refusesDynamicUserSince: 255, callingUserSince: 258 } as const;
