/**
 * How systemd's parser functions read values, where the value kind alone does not say: which
 * parsers refuse an empty value, the integer range each numeric parser stores, the bounds of the
 * size and percentage parsers, and the releases that changed a spelling. Keyed by the gperf parser
 * (`DirectiveRow.parser`), with per-setting exceptions.
 *
 * Each fact was checked with `systemd-analyze verify` of systemd 247, 252, 254, 257 and 262 (every
 * release the tests unpack) on every setting of the knowledge base. A release given here is the
 * one NEWS names; where NEWS is silent, it is the release after the last one checked that refuses
 * the value, so that a value is never called an error for a release that may take it.
 */

/**
 * Parsers that refuse an empty assignment: systemd logs "Failed to parse ..." and ignores the
 * line, so an empty value does not reset the setting to its default. Every other parser takes
 * an empty value (a reset).
 */
export const EMPTY_REFUSED_PARSERS: ReadonlySet<string> = new Set([
  'config_parse_bool',
  'config_parse_bus_name',
  'config_parse_collect_mode',
  'config_parse_device_policy',
  'config_parse_emergency_action',
  'config_parse_exec_cpu_sched_prio',
  'config_parse_exec_input',
  'config_parse_exec_keyring_mode',
  'config_parse_exec_memory_thp',
  'config_parse_exec_output',
  'config_parse_exec_preserve_mode',
  'config_parse_exec_utmp_mode',
  'config_parse_iec_size',
  'config_parse_iec_size_long',
  'config_parse_int',
  'config_parse_job_mode',
  'config_parse_job_mode_isolate',
  'config_parse_job_running_timeout_sec',
  'config_parse_job_timeout_sec',
  'config_parse_log_facility',
  'config_parse_log_level',
  'config_parse_long',
  'config_parse_managed_oom_preference',
  'config_parse_mode',
  'config_parse_notify_access',
  'config_parse_nsec',
  'config_parse_oom_policy',
  'config_parse_pressure_watch',
  'config_parse_private_bpf',
  'config_parse_private_pids',
  'config_parse_private_tmp',
  'config_parse_private_users',
  'config_parse_proc_subset',
  'config_parse_protect_control_groups',
  'config_parse_protect_home',
  'config_parse_protect_hostname',
  'config_parse_protect_proc',
  'config_parse_protect_system',
  'config_parse_rlimit',
  'config_parse_sec',
  'config_parse_sec_fix_0',
  'config_parse_service_exit_type',
  'config_parse_service_restart',
  'config_parse_service_restart_mode',
  'config_parse_service_timeout',
  'config_parse_service_timeout_failure_mode',
  'config_parse_service_type',
  'config_parse_signal',
  'config_parse_socket_bind',
  'config_parse_socket_defer_trigger',
  'config_parse_socket_protocol',
  'config_parse_socket_service',
  'config_parse_socket_timestamping',
  'config_parse_trigger_unit',
  'config_parse_unit_slice',
  'config_parse_unsigned',
]);

/**
 * Exceptions to EMPTY_REFUSED_PARSERS by setting: `refusedUntil` is the last release that refuses
 * an empty value (later ones take it as a reset); a setting with `refusedUntil` and a parser not
 * in the list refuses it up to that release only.
 */
export const EMPTY_VALUE_CHANGES: readonly { readonly directive: string; readonly refusedUntil: number }[] = [
  // 258 made ProtectHostname= empty reset the setting (NEWS 258: ProtectHostname=private).
  { directive: 'ProtectHostname', refusedUntil: 257 },
  // A tristate since 253: empty means "not set". 252 refuses it.
  { directive: 'PrivateMounts', refusedUntil: 252 },
  // A tristate since 248: empty means "not set". 247 refuses it.
  { directive: 'MountAPIVFS', refusedUntil: 247 },
];

/**
 * Whether a setting's parser refuses an empty value at a release. Such a line is ignored: it
 * neither resets a single value to its default nor empties a list.
 */
export function emptyValueRefused(row: { readonly name: string; readonly parser: string }, version: number): boolean {
  const change = EMPTY_VALUE_CHANGES.find((c) => c.directive === row.name);
  if (change) return version <= change.refusedUntil;
  return EMPTY_REFUSED_PARSERS.has(row.parser);
}

/** Inclusive integer range a parser stores or checks (safe_atou: 32 bits; safe_atoi: signed 32 bits; ...). */
export const INTEGER_RANGES: Readonly<Record<string, { readonly min: bigint; readonly max: bigint }>> = {
  config_parse_unsigned: { min: 0n, max: 4294967295n },
  config_parse_tty_size: { min: 0n, max: 4294967295n },
  config_parse_concurrency_max: { min: 0n, max: 4294967295n },
  config_parse_int: { min: -2147483648n, max: 2147483647n },
  config_parse_long: { min: -9223372036854775808n, max: 9223372036854775807n },
  config_parse_swap_priority: { min: -1n, max: 32767n },
  config_parse_exec_cpu_sched_prio: { min: 0n, max: 99n },
};

/**
 * Numbers an enumerated setting takes instead of a name, by release: `until` is the last release
 * with that range.
 */
export const NUMERIC_ENUM_RANGES: Readonly<Record<string, readonly { readonly max: number; readonly until?: number }[]>> = {
  // The I/O priority class is three bits wide, yet 257 takes 8 too; 262 takes up to 7.
  IOSchedulingClass: [{ max: 8, until: 261 }, { max: 7 }],
  SyslogLevel: [{ max: 7 }],
  LogLevelMax: [{ max: 7 }],
  IPTOS: [{ max: 255 }],
};

/**
 * Percentage and size bounds of the parsers that take them. `percentMax` in permyriads (10000 =
 * 100%), absent when unbounded; `zeroRefused` lists the settings for which 0 (bytes or percent) is
 * out of range; `bytesBelowMax`: the size must be below UINT64_MAX (which stands for "infinity").
 */
export const QUANTITY_PARSERS: Readonly<
  Record<string, { readonly percentMax?: number; readonly zeroRefused?: ReadonlySet<string> | 'all'; readonly bytesBelowMax?: true }>
> = {
  config_parse_memory_limit: {
    percentMax: 10000,
    zeroRefused: new Set(['MemoryHigh', 'MemoryMax', 'StartupMemoryHigh', 'StartupMemoryMax', 'MemoryLimit']),
    bytesBelowMax: true,
  },
  config_parse_tasks_max: { percentMax: 10000 },
  config_parse_cpu_quota: { zeroRefused: 'all' },
  config_parse_managed_oom_mem_pressure_limit: { percentMax: 10000 },
  config_parse_exec_quota: { percentMax: 10000 },
};

/** TasksMax= takes a count above 0 (percentages may be 0%). */
export const TASKS_MAX_MIN = 1n;

/** Releases that changed how numbers are spelled, for every setting of a kind. */
export const VALUE_SYNTAX_SINCE = {
  /**
   * Percentages in permyriads: `%` with two decimals, and `‱` (systemd-analyze 247 refuses
   * `12.55%` and `3‱`, 252 takes them).
   */
  permyriad: 248,
} as const;

/**
 * Forms a setting took before a release changed its parser: `until` is the last release reading
 * the value that way.
 */
export const FORM_CHANGES: readonly {
  readonly directive: string;
  readonly section: string;
  readonly until: number;
  readonly form: 'long' | 'absolute-path';
}[] = [
  // 262 reads MessageQueueMessageSize= as a size (NEWS 262); before, a plain long integer.
  { directive: 'MessageQueueMessageSize', section: 'Socket', until: 261, form: 'long' },
  // What= of a swap unit takes fstab-style specifications (LABEL=...) since 256 (NEWS 256).
  { directive: 'What', section: 'Swap', until: 255, form: 'absolute-path' },
];

/**
 * Parsers that expand specifiers (`%n`, `%i`, ...) before reading the value: an unknown one
 * (`%Q`) makes systemd log "Failed to resolve unit specifiers" and ignore the line. The other
 * parsers read a `%` as it is.
 */
export const SPECIFIER_EXPANDING_PARSERS: ReadonlySet<string> = new Set([
  'config_parse_bind_network_interface',
  'config_parse_bind_paths',
  'config_parse_bus_name',
  'config_parse_colon_separated_paths',
  'config_parse_device_allow',
  'config_parse_documentation',
  'config_parse_environ',
  'config_parse_exec',
  'config_parse_exec_apparmor_profile',
  'config_parse_exec_directories',
  'config_parse_exec_input_text',
  'config_parse_exec_selinux_context',
  'config_parse_exec_smack_process_label',
  'config_parse_extension_images',
  'config_parse_fdname',
  'config_parse_import_credential',
  'config_parse_ip_filter_bpf_progs',
  'config_parse_load_credential',
  'config_parse_log_extra_fields',
  'config_parse_log_namespace',
  'config_parse_mount_images',
  'config_parse_mount_node',
  'config_parse_namespace_path_strv',
  'config_parse_obsolete_unit_deps',
  'config_parse_pass_environ',
  'config_parse_path_spec',
  'config_parse_pid_file',
  'config_parse_reboot_parameter',
  'config_parse_root_image_options',
  'config_parse_service_sockets',
  'config_parse_socket_listen',
  'config_parse_socket_service',
  'config_parse_temporary_filesystems',
  'config_parse_timer',
  'config_parse_trigger_unit',
  'config_parse_unit_condition_path',
  'config_parse_unit_condition_string',
  'config_parse_unit_deps',
  'config_parse_unit_env_file',
  'config_parse_unit_mounts_for',
  'config_parse_unit_path_printf',
  'config_parse_unit_path_strv_printf',
  'config_parse_unit_slice',
  'config_parse_unit_string_printf',
  'config_parse_unset_environ',
  'config_parse_user_group_compat',
  'config_parse_user_group_strv_compat',
  'config_parse_working_directory',
]);
