/**
 * Versions taken from systemd's NEWS, for facts the man pages do not mark (the per-value markers
 * there exist only for DevicePolicy=) or mark wrongly. Hand-maintained; each entry names the
 * release whose NEWS section announces it. Man-page markers in the generated tables stay the
 * source for everything else. The values of PrivateTmp=, PrivateUsers=, ProtectControlGroups= and
 * ProtectHostname= were also checked against Debian's systemd 254, 257 and 262, which refuse or
 * accept them accordingly (nothing between 254 and 257 could be run, so 255 and 256 are the NEWS's
 * word alone).
 */

/** The settings that take an emergency action (`reboot`, `exit`, `halt`, ...). */
const EMERGENCY_ACTION_SETTINGS = ['FailureAction', 'SuccessAction', 'StartLimitAction', 'JobTimeoutAction'];

/** Emergency actions added after 252 (systemd-analyze 252 ignores the line, 254 takes it). */
const EMERGENCY_ACTIONS_ADDED: readonly { readonly value: string; readonly since: number }[] = [
  { value: 'halt', since: 253 },
  { value: 'halt-force', since: 253 },
  { value: 'halt-immediate', since: 253 },
  { value: 'soft-reboot', since: 254 },
  { value: 'soft-reboot-force', since: 254 },
  { value: 'kexec', since: 254 },
  { value: 'kexec-force', since: 254 },
];

/** Values added to an existing setting (`value` is the literal part of a prefixed form, e.g. `private:`). */
export const VALUE_VERSIONS_FROM_NEWS: readonly { readonly directive: string; readonly value: string; readonly since: number }[] = [
  { directive: 'Type', value: 'notify-reload', since: 253 },
  ...EMERGENCY_ACTION_SETTINGS.flatMap((directive) => EMERGENCY_ACTIONS_ADDED.map((a) => ({ directive, ...a }))),
  { directive: 'ProtectControlGroups', value: 'private', since: 257 },
  { directive: 'ProtectControlGroups', value: 'strict', since: 257 },
  { directive: 'PrivateTmp', value: 'connected', since: 257 },
  { directive: 'PrivateTmp', value: 'disconnected', since: 257 },
  { directive: 'PrivateUsers', value: 'self', since: 257 },
  { directive: 'PrivateUsers', value: 'identity', since: 257 },
  { directive: 'PrivateUsers', value: 'full', since: 258 },
  { directive: 'PrivateUsers', value: 'managed', since: 258 },
  { directive: 'ProtectHostname', value: 'private', since: 258 },
  { directive: 'ProtectHostname', value: 'private:', since: 258 },
  { directive: 'ProtectHostname', value: 'yes:', since: 258 },
  // The values below were checked with systemd-analyze verify of 247, 252, 254, 257 and 262; where
  // NEWS does not name the release, it is the one after the last release checked that refuses them.
  { directive: 'OnFailureJobMode', value: 'restart-dependencies', since: 254 },
  { directive: 'OnSuccessJobMode', value: 'restart-dependencies', since: 254 },
  { directive: 'OnFailureJobMode', value: 'lenient', since: 258 },
  { directive: 'OnSuccessJobMode', value: 'lenient', since: 258 },
  { directive: 'StandardOutput', value: 'truncate', since: 248 },
  { directive: 'StandardOutput', value: 'truncate:', since: 248 },
  { directive: 'StandardError', value: 'truncate', since: 248 },
  { directive: 'StandardError', value: 'truncate:', since: 248 },
  { directive: 'RestrictNamespaces', value: 'time', since: 248 },
  { directive: 'SystemCallArchitectures', value: 'parisc', since: 248 },
  { directive: 'SystemCallArchitectures', value: 'parisc64', since: 248 },
  { directive: 'SystemCallArchitectures', value: 'loongarch64', since: 255 },
  { directive: 'RestartMode', value: 'debug', since: 257 },
  { directive: 'SocketProtocol', value: 'mptcp', since: 257 },
  { directive: 'CPUSchedulingPolicy', value: 'ext', since: 260 },
  { directive: 'RuntimeDirectoryPreserve', value: 'on-success', since: 261 },
  { directive: 'FileDescriptorStorePreserve', value: 'on-success', since: 261 },
  { directive: 'NUMAPolicy', value: 'preferred-many', since: 262 },
  { directive: 'NUMAPolicy', value: 'weighted-interleave', since: 262 },
];

/**
 * Settings whose man entry dates them wrongly; `section` only where the date differs by section
 * (otherwise it holds in every section the setting is in). The man entry for
 * WantedBy=/RequiredBy=/UpheldBy= carries one marker (201) for all three; UpheldBy= in [Install]
 * came with 254. Others share an entry with an older setting (OnFailureJobMode=, ReadWritePaths=,
 * AllowedCPUs=, LoadCredential=, MemoryLow= ...): systemd-analyze verify 247 (or 252 for the
 * Startup*Memory settings) calls them unknown keys, the next release checked takes them.
 */
export const DIRECTIVE_VERSIONS_FROM_NEWS: readonly { readonly directive: string; readonly section?: string; readonly since: number }[] = [
  { directive: 'UpheldBy', section: 'Install', since: 254 },
  { directive: 'OnSuccessJobMode', since: 249 },
  { directive: 'ExecPaths', since: 248 },
  { directive: 'NoExecPaths', since: 248 },
  { directive: 'ManagedOOMMemoryPressureLimit', since: 248 },
  { directive: 'LoadCredentialEncrypted', since: 250 },
  { directive: 'SetCredentialEncrypted', since: 250 },
  { directive: 'StartupAllowedCPUs', since: 250 },
  { directive: 'StartupAllowedMemoryNodes', since: 250 },
  { directive: 'StartupMemoryLow', since: 254 },
  { directive: 'DefaultStartupMemoryLow', since: 254 },
  { directive: 'StartupMemoryHigh', since: 254 },
  { directive: 'StartupMemoryMax', since: 254 },
  { directive: 'StartupMemorySwapMax', since: 254 },
];
