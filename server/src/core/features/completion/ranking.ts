/**
 * How completion items are ordered. Editors sort by `sortText` among the
 * items that match what was typed, so the key below decides what comes first.
 *
 * The rule, from the most to the least significant part:
 * 1. Items whose label starts with the text typed so far (ignoring case)
 *    before the others, for editors that only filter by substring.
 * 2. The item's tier, set by the producer:
 *    - directives: 0 = the settings most used in the section (ordered by how
 *      often they appear in real unit files), 1 = in [Service], the hardening
 *      settings that feed a systemd-analyze security check (heaviest weight
 *      first), 2 = everything else (alphabetical), 3 = single-value settings
 *      already assigned in this section, 4 = deprecated settings;
 *    - sections: 0 = not yet in the file, in the order systemd documents them
 *      ([Unit], the type's own section, [Install]); 1 = already present;
 *    - values: 0 = the common or recommended choices, 1 = the rest in table
 *      order, 2 = aliases, legacy spellings and deprecated values.
 * 3. The producer's index within the tier.
 */

export interface Ranked {
  tier: number;
  index: number;
}

export function sortText(label: string, typed: string, rank: Ranked): string {
  const prefix = typed.length > 0 && typed.length <= label.length && label.toLowerCase().startsWith(typed.toLowerCase()) ? 0 : 1;
  return `${prefix}${rank.tier}${String(Math.min(rank.index, 99999)).padStart(5, '0')}`;
}

/**
 * The settings used most in each section, in order, from a count over a
 * corpus of real unit files (Debian packages and upstream projects).
 */
export const COMMON_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  Unit: ['Description', 'Documentation', 'After', 'Before', 'Wants', 'Requires', 'DefaultDependencies', 'Conflicts', 'ConditionPathExists', 'PartOf', 'BindsTo'],
  Service: ['ExecStart', 'Type', 'Restart', 'User', 'Group', 'EnvironmentFile', 'Environment', 'ExecReload', 'RemainAfterExit', 'ExecStop', 'ExecStartPre', 'RestartSec', 'WorkingDirectory'],
  Install: ['WantedBy', 'Also', 'Alias', 'RequiredBy'],
  Socket: ['ListenStream', 'SocketMode', 'Service', 'ListenDatagram', 'Accept', 'SocketUser', 'SocketGroup', 'FileDescriptorName'],
  Timer: ['OnCalendar', 'RandomizedDelaySec', 'Persistent', 'OnUnitActiveSec', 'AccuracySec', 'OnBootSec', 'OnActiveSec', 'Unit'],
  Path: ['PathExists', 'PathChanged', 'PathModified', 'DirectoryNotEmpty', 'MakeDirectory', 'Unit'],
  Mount: ['What', 'Where', 'Type', 'Options'],
  Automount: ['Where', 'TimeoutIdleSec'],
  Swap: ['What', 'Priority', 'Options'],
  Slice: ['CPUWeight', 'MemoryMax', 'MemoryHigh', 'TasksMax', 'CPUQuota', 'MemoryLow'],
};
