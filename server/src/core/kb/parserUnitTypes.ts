import type { UnitType } from '../unitFile';

/**
 * Parsers that take a line only in units of some types, although the setting is listed in every
 * section of the resource-control settings: in a unit of another type systemd says the setting is
 * not supported for the unit's type and ignores the line. Only services and scopes can delegate a
 * cgroup subtree; only services, slices and scopes can be watched by systemd-oomd. Checked with
 * `systemd-analyze verify` of 247, 252, 254, 257 and 262 for every release that has the setting.
 */
export const PARSER_UNIT_TYPES: Readonly<Record<string, readonly UnitType[]>> = {
  config_parse_delegate: ['service', 'scope'],
  config_parse_delegate_subgroup: ['service', 'scope'],
  config_parse_managed_oom_mode: ['service', 'slice', 'scope'],
  config_parse_managed_oom_mem_pressure_limit: ['service', 'slice', 'scope'],
  config_parse_managed_oom_mem_pressure_duration_sec: ['service', 'slice', 'scope'],
  config_parse_managed_oom_rules: ['service', 'slice', 'scope'],
};
