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
 *
 * Producers write that rule as a seven-digit rank key (`rankKey`); once the
 * list is complete, `shortSortTexts` swaps each key for its rank among the
 * list's keys, written in base 36 with a fixed width: one character for up
 * to 36 distinct keys, two for up to 1,296. Both forms sort the same way
 * (plain character order, with or without case folding, as editors compare
 * them), but the short one is only comparable within its own list, which is
 * all an editor ever compares.
 */

export interface Ranked {
  tier: number;
  index: number;
}

/** The rank key: the match digit, the tier digit and the index on five digits. */
export function rankKey(label: string, typed: string, rank: Ranked): string {
  const prefix = typed.length > 0 && typed.length <= label.length && label.toLowerCase().startsWith(typed.toLowerCase()) ? 0 : 1;
  return `${prefix}${rank.tier}${String(Math.min(rank.index, 99999)).padStart(5, '0')}`;
}

/** Replaces the rank keys in `sortText` with short keys in the same order (equal keys stay equal). */
export function shortSortTexts<T extends { sortText: string }>(items: T[]): T[] {
  const keys = [...new Set(items.map((item) => item.sortText))].sort();
  const width = Math.max(0, keys.length - 1).toString(36).length;
  const short = new Map(keys.map((key, rank) => [key, rank.toString(36).padStart(width, '0')]));
  for (const item of items) item.sortText = short.get(item.sortText) ?? item.sortText;
  return items;
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
