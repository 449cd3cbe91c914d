/**
 * Names that settings take which have no table of their own in the reference: cgroup controllers,
 * netlink families, core dump filter flags, nftables set sources and families, OpenFile= options,
 * and the releases that added some address families and keywords. Checked with
 * `systemd-analyze verify` of 247, 252, 254, 257 and 262; a `since` the data alone gives is the
 * release after the last one checked that refuses the name (see valueParsing.ts).
 */

/** Delegate= and DisableControllers= controllers (cgroup_controller_table). */
export const CGROUP_CONTROLLERS: readonly { readonly name: string; readonly since?: number }[] = [
  { name: 'cpu' },
  { name: 'cpuacct' },
  { name: 'cpuset' },
  { name: 'io' },
  { name: 'blkio' },
  { name: 'memory' },
  { name: 'devices' },
  { name: 'pids' },
  { name: 'bpf-firewall' },
  { name: 'bpf-devices' },
  { name: 'bpf-foreign', since: 248 },
  { name: 'bpf-socket-bind', since: 248 },
  { name: 'bpf-restrict-network-interfaces', since: 248 },
  { name: 'bpf-bind-network-interface', since: 258 },
];

/** ListenNetlink= families (netlink_family_table); a number is taken too. */
export const NETLINK_FAMILIES: readonly string[] = [
  'route',
  'firewall',
  'inet-diag',
  'nflog',
  'xfrm',
  'selinux',
  'iscsi',
  'audit',
  'fib-lookup',
  'connector',
  'netfilter',
  'ip6-fw',
  'dnrtmsg',
  'kobject-uevent',
  'generic',
  'scsitransport',
  'ecryptfs',
  'rdma',
  'crypto',
  'smc',
];

/** CoredumpFilter= flags (coredump_filter_table); `default` and `all` and hex masks too. */
export const COREDUMP_FILTERS: readonly string[] = [
  'private-anonymous',
  'shared-anonymous',
  'private-file-backed',
  'shared-file-backed',
  'elf-headers',
  'private-huge',
  'shared-huge',
  'private-dax',
  'shared-dax',
  'default',
  'all',
];

/** NFTSet=source:family:table:set. */
export const NFT_SET_SOURCES: readonly string[] = ['cgroup', 'user', 'group'];
export const NFT_FAMILIES: readonly string[] = ['arp', 'bridge', 'inet', 'ip', 'ip6', 'netdev'];

/** OpenFile=path[:name[:options]] options, separated by commas. */
export const OPEN_FILE_OPTIONS: readonly string[] = ['read-only', 'append', 'truncate', 'graceful'];

/** RestrictAddressFamilies= names and keywords some releases do not know. */
export const ADDRESS_FAMILY_SINCE: Readonly<Record<string, number>> = {
  // NEWS 249: RestrictAddressFamilies=none.
  none: 249,
  AF_MCTP: 248,
};

/** Keywords of a setting a release added (`CPUWeight=idle`, NEWS 252). */
export const KEYWORD_SINCE: readonly { readonly directive: string; readonly word: string; readonly since: number }[] = [
  { directive: 'CPUWeight', word: 'idle', since: 252 },
  { directive: 'StartupCPUWeight', word: 'idle', since: 252 },
];

/** RestrictFileSystems= groups (filesystem_sets); other words are file system names. */
export const FILESYSTEM_GROUPS: readonly string[] = [
  '@basic-api',
  '@anonymous',
  '@application',
  '@auxiliary-api',
  '@common-block',
  '@historical-block',
  '@network',
  '@privileged-api',
  '@security',
  '@temporary',
  '@known',
];

/** BPFProgram= attach types (bpf_cgroup_attach_type_table). */
export const BPF_ATTACH_TYPES: readonly string[] = [
  'ingress',
  'egress',
  'sock_create',
  'sock_ops',
  'device',
  'bind4',
  'bind6',
  'connect4',
  'connect6',
  'post_bind4',
  'post_bind6',
  'sendmsg4',
  'sendmsg6',
  'sysctl',
  'recvmsg4',
  'recvmsg6',
  'getsockopt',
  'setsockopt',
];

/**
 * Image policies (RootImagePolicy= and its siblings): partition=flag+flag rules separated by ":".
 * 262 takes partition and flag names it does not know (for policies written for newer releases);
 * 257 refuses them.
 */
export const IMAGE_POLICY_PARTITIONS: readonly string[] = [
  'root',
  'usr',
  'home',
  'srv',
  'esp',
  'xbootldr',
  'swap',
  'root-verity',
  'root-verity-sig',
  'usr-verity',
  'usr-verity-sig',
  'tmp',
  'var',
];
export const IMAGE_POLICY_FLAGS: readonly string[] = [
  'verity',
  'signed',
  'encrypted',
  'unprotected',
  'unused',
  'absent',
  'open',
  'ignore',
  'read-only-on',
  'read-only-off',
  'growfs-on',
  'growfs-off',
];
export const IMAGE_POLICY_UNKNOWN_NAMES_SINCE = 258;
