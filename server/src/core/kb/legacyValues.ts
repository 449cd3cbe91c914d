/**
 * Old spellings systemd still accepts for enumerated settings and rewrites to a current value,
 * logging a notice (src/core/load-fragment.c, config_parse_exec_output). They are not in the value
 * tables because the C string tables no longer contain them.
 */
export const LEGACY_VALUES: readonly { readonly directive: string; readonly value: string; readonly canonical: string }[] = [
  { directive: 'StandardOutput', value: 'syslog', canonical: 'journal' },
  { directive: 'StandardOutput', value: 'syslog+console', canonical: 'journal+console' },
  { directive: 'StandardError', value: 'syslog', canonical: 'journal' },
  { directive: 'StandardError', value: 'syslog+console', canonical: 'journal+console' },
];
