/**
 * What repeated and empty assignments do, per gperf parser function. systemd's behaviour lives in
 * the parser, not in the setting's name, so the table is keyed by parser; every parser named in
 * the directive table must appear here (a test checks it).
 *
 * `basis` says how each entry was established: `source` = the parser's code, `man` = the man page
 * states it, `analogy` = the parser follows the pattern of its family (a plain enum or number parser
 * replaces the value; list parsers clear the list on an empty value).
 */
import type { AssignmentSemantics, SemanticsBasis } from './types';

const last = (basis: SemanticsBasis): AssignmentSemantics => ({ kind: 'single', repeat: 'last-wins', basis });
const append = (basis: SemanticsBasis, emptyResets = true): AssignmentSemantics => ({ kind: 'list', repeat: 'append', emptyResets, basis });
const merge = (basis: SemanticsBasis): AssignmentSemantics => ({ kind: 'list', repeat: 'merge', emptyResets: true, basis });
const keyed = (basis: SemanticsBasis): AssignmentSemantics => ({ kind: 'list', repeat: 'keyed', emptyResets: true, basis });

export const PARSER_SEMANTICS: Readonly<Record<string, AssignmentSemantics>> = {
  // Single values: a later assignment replaces the earlier one.
  config_parse_bind_network_interface: last('analogy'),
  config_parse_bool: last('analogy'),
  config_parse_bus_name: last('source'),
  config_parse_cg_cpu_weight: last('source'),
  config_parse_cg_weight: last('source'),
  config_parse_collect_mode: last('source'),
  config_parse_concurrency_max: last('analogy'),
  config_parse_cpu_quota: last('source'),
  config_parse_cpuset_partition: last('analogy'),
  config_parse_delegate_subgroup: last('source'),
  config_parse_device_policy: last('source'),
  config_parse_emergency_action: last('source'),
  config_parse_exec_apparmor_profile: last('source'),
  config_parse_exec_cpu_sched_policy: last('source'),
  config_parse_exec_cpu_sched_prio: last('source'),
  config_parse_exec_input: last('source'),
  config_parse_exec_io_class: last('source'),
  config_parse_exec_io_priority: last('source'),
  config_parse_exec_keyring_mode: last('source'),
  config_parse_exec_memory_thp: last('analogy'),
  config_parse_exec_mount_propagation_flag: last('source'),
  config_parse_exec_nice: last('source'),
  config_parse_exec_oom_score_adjust: last('source'),
  config_parse_exec_output: last('source'),
  config_parse_exec_preserve_mode: last('source'),
  config_parse_exec_quota: last('analogy'),
  config_parse_exec_root_hash: last('source'),
  config_parse_exec_root_hash_sig: last('source'),
  // The whole flag set is parsed from one line and replaces the previous one (the man page speaks
  // of ORing repeated lines; the parser does not).
  config_parse_exec_secure_bits: last('source'),
  config_parse_exec_selinux_context: last('source'),
  config_parse_exec_smack_process_label: last('source'),
  config_parse_exec_utmp_mode: last('source'),
  config_parse_exit_status: last('source'),
  config_parse_fdname: last('source'),
  config_parse_iec_size: last('analogy'),
  config_parse_iec_size_long: last('analogy'),
  config_parse_image_policy: last('analogy'),
  config_parse_int: last('analogy'),
  config_parse_ip_tos: last('source'),
  config_parse_job_mode: last('source'),
  config_parse_job_mode_isolate: last('source'),
  config_parse_job_running_timeout_sec: last('source'),
  config_parse_job_timeout_sec: last('source'),
  config_parse_kill_mode: last('source'),
  config_parse_log_facility: last('analogy'),
  config_parse_log_level: last('analogy'),
  config_parse_log_namespace: last('source'),
  config_parse_long: last('analogy'),
  config_parse_managed_oom_mem_pressure_duration_sec: last('analogy'),
  config_parse_managed_oom_mem_pressure_limit: last('source'),
  config_parse_managed_oom_mode: last('source'),
  config_parse_managed_oom_preference: last('source'),
  config_parse_memory_limit: last('source'),
  config_parse_mode: last('analogy'),
  config_parse_mount_node: last('analogy'),
  config_parse_notify_access: last('source'),
  config_parse_nsec: last('analogy'),
  config_parse_numa_policy: last('source'),
  config_parse_oom_policy: last('source'),
  config_parse_personality: last('analogy'),
  config_parse_pid_file: last('source'),
  config_parse_pressure_watch: last('analogy'),
  config_parse_private_bpf: last('analogy'),
  config_parse_private_pids: last('analogy'),
  config_parse_private_tmp: last('analogy'),
  config_parse_private_users: last('analogy'),
  config_parse_proc_subset: last('source'),
  config_parse_protect_control_groups: last('analogy'),
  config_parse_protect_home: last('source'),
  config_parse_protect_hostname: last('analogy'),
  config_parse_protect_proc: last('source'),
  config_parse_protect_system: last('source'),
  config_parse_reboot_parameter: last('analogy'),
  config_parse_rlimit: last('analogy'),
  config_parse_sec: last('analogy'),
  config_parse_sec_def_infinity: last('analogy'),
  config_parse_sec_fix_0: last('analogy'),
  config_parse_service_exit_type: last('source'),
  config_parse_service_restart: last('source'),
  config_parse_service_restart_mode: last('source'),
  config_parse_service_timeout: last('source'),
  config_parse_service_timeout_abort: last('source'),
  config_parse_service_timeout_failure_mode: last('source'),
  config_parse_service_type: last('source'),
  config_parse_signal: last('analogy'),
  config_parse_socket_bind: last('source'),
  config_parse_socket_bindtodevice: last('source'),
  config_parse_socket_defer_trigger: last('analogy'),
  config_parse_socket_protocol: last('source'),
  config_parse_socket_service: last('source'),
  config_parse_socket_timestamping: last('source'),
  config_parse_string: last('analogy'),
  config_parse_swap_priority: last('source'),
  config_parse_syscall_errno: last('source'),
  config_parse_tasks_max: last('source'),
  config_parse_tristate: last('analogy'),
  config_parse_tty_size: last('source'),
  config_parse_unit_path_printf: last('source'),
  config_parse_unit_slice: last('source'),
  config_parse_unit_string_printf: last('source'),
  config_parse_unsigned: last('analogy'),
  config_parse_user_group_compat: last('source'),
  config_parse_working_directory: last('source'),

  // The first assignment sticks; later ones are ignored with a warning (Unit= of timers and paths).
  config_parse_trigger_unit: { kind: 'single', repeat: 'first-wins', basis: 'source' },

  // Removed settings: accepted and ignored.
  config_parse_warn_compat: { kind: 'ignored', basis: 'source' },

  // Ordered lists: each assignment adds entries.
  config_parse_bind_paths: append('source'),
  config_parse_bpf_foreign_program: append('source'),
  config_parse_cgroup_nft_set: append('analogy'),
  config_parse_cgroup_socket_bind: append('source'),
  config_parse_colon_separated_paths: append('source'),
  config_parse_device_allow: append('source'),
  config_parse_documentation: append('source'),
  config_parse_exec: append('source'),
  config_parse_exec_directories: append('source'),
  config_parse_exec_input_data: append('source'),
  config_parse_exec_input_text: append('source'),
  config_parse_extension_images: append('source'),
  config_parse_in_addr_prefixes: append('man'),
  config_parse_io_device_latency: append('source'),
  config_parse_io_device_weight: append('source'),
  config_parse_ip_filter_bpf_progs: append('source'),
  config_parse_log_extra_fields: append('source'),
  config_parse_luo_sessions: append('man'),
  config_parse_managed_oom_rules: append('analogy'),
  config_parse_mount_images: append('source'),
  config_parse_namespace_path_strv: append('source'),
  config_parse_open_file: append('source'),
  config_parse_pass_environ: append('source'),
  config_parse_path_spec: append('source'),
  config_parse_root_image_options: append('source'),
  config_parse_socket_listen: append('source'),
  config_parse_temporary_filesystems: append('source'),
  config_parse_timer: append('source'),
  config_parse_unit_condition_path: append('source'),
  config_parse_unit_condition_string: append('source'),
  config_parse_unit_env_file: append('source'),
  config_parse_unit_path_strv_printf: append('source'),
  config_parse_unset_environ: append('source'),
  config_parse_user_group_strv_compat: append('source'),
  config_parse_xattr: append('man'),
  // Dependencies cannot be reset: an empty assignment adds nothing and clears nothing.
  config_parse_unit_deps: append('source', false),
  config_parse_obsolete_unit_deps: append('source', false),
  config_parse_service_sockets: append('source', false),
  config_parse_unit_mounts_for: append('source', false),

  // Sets: assignments are merged; a `~` line (where accepted) takes items away.
  config_parse_address_families: merge('source'),
  config_parse_bpf_delegate_attachments: merge('analogy'),
  config_parse_bpf_delegate_commands: merge('analogy'),
  config_parse_bpf_delegate_maps: merge('analogy'),
  config_parse_bpf_delegate_programs: merge('analogy'),
  config_parse_capability_set: merge('source'),
  config_parse_delegate: merge('source'),
  config_parse_disable_controllers: merge('source'),
  config_parse_exec_coredump_filter: merge('source'),
  config_parse_exec_cpu_affinity: merge('source'),
  config_parse_import_credential: merge('source'),
  config_parse_log_filter_patterns: merge('source'),
  config_parse_namespace_flags: merge('source'),
  config_parse_numa_mask: merge('source'),
  config_parse_restrict_filesystems: merge('source'),
  config_parse_restrict_network_interfaces: merge('source'),
  config_parse_service_refresh_on_reload: merge('man'),
  config_parse_set_status: merge('source'),
  config_parse_syscall_archs: merge('source'),
  config_parse_syscall_filter: merge('source'),
  config_parse_syscall_log: merge('source'),
  config_parse_unit_cpu_set: merge('source'),

  // Entries keyed by name: a repeated key replaces the earlier entry (variables, credentials, devices).
  config_parse_environ: keyed('source'),
  config_parse_io_limit: keyed('source'),
  config_parse_load_credential: keyed('source'),
  config_parse_set_credential: keyed('source'),
};

/**
 * [Install] settings have no manager-side parser (`NULL` in the table); the installer reads them.
 * Alias=, WantedBy=, RequiredBy=, UpheldBy= are string lists cleared by an empty value; Also= only
 * ever adds.
 */
export const INSTALL_SEMANTICS: Readonly<Record<string, AssignmentSemantics>> = {
  Alias: append('source'),
  WantedBy: append('source'),
  RequiredBy: append('source'),
  UpheldBy: append('source'),
  Also: append('source', false),
  DefaultInstance: last('analogy'),
};

/**
 * Settings whose entries live in one shared list: an empty assignment of any of them clears the
 * entries of all. A `prefix` group covers every setting starting with it (conditions and asserts
 * are two separate lists).
 */
export const SHARED_LISTS: readonly (readonly string[] | { readonly prefix: string })[] = [
  { prefix: 'Condition' },
  { prefix: 'Assert' },
  ['OnActiveSec', 'OnBootSec', 'OnStartupSec', 'OnUnitActiveSec', 'OnUnitInactiveSec', 'OnCalendar'],
  ['PathExists', 'PathExistsGlob', 'PathChanged', 'PathModified', 'DirectoryNotEmpty'],
  ['ListenStream', 'ListenDatagram', 'ListenSequentialPacket', 'ListenFIFO', 'ListenSpecial', 'ListenNetlink', 'ListenMessageQueue', 'ListenUSBFunction'],
  ['BindPaths', 'BindReadOnlyPaths'],
  ['StandardInputText', 'StandardInputData'],
  ['LoadCredential', 'LoadCredentialEncrypted'],
  ['SetCredential', 'SetCredentialEncrypted'],
];

/**
 * Semantics of one setting, or undefined when its parser is not classified. `allNames` resolves
 * prefix groups of SHARED_LISTS.
 */
export function assignmentSemantics(
  name: string,
  parser: string,
  allNames: readonly string[],
): AssignmentSemantics | undefined {
  const base = parser === 'NULL' ? INSTALL_SEMANTICS[name] : PARSER_SEMANTICS[parser];
  if (!base || base.kind !== 'list') return base;
  const group = SHARED_LISTS.find((g) => ('prefix' in g ? name.startsWith(g.prefix) : g.includes(name)));
  if (!group) return base;
  return { ...base, resetShares: ('prefix' in group ? prefixMembers(group.prefix, allNames) : group).filter((n) => n !== name) };
}

/** The settings of each prefix group among some names, worked out once: the knowledge base asks for each of its dozens of members. */
const membersByNames = new WeakMap<readonly string[], Map<string, readonly string[]>>();

function prefixMembers(prefix: string, allNames: readonly string[]): readonly string[] {
  let byPrefix = membersByNames.get(allNames);
  if (!byPrefix) membersByNames.set(allNames, (byPrefix = new Map()));
  let members = byPrefix.get(prefix);
  if (!members) byPrefix.set(prefix, (members = allNames.filter((n) => n.startsWith(prefix))));
  return members;
}
