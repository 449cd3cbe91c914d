/**
 * The line of a setting that counts, as systemd of a given release reads a unit's lines in order:
 * what the unit refusals (unitRefusal.ts, contextRefusal.ts) rest on.
 */
import { directiveRows, matchEnumValue } from '../kb';
import { booleanValue } from '../kb/booleans';
import { trimBlanks } from '../syntax/blanks';
import type { Assignment, UnitModel } from './unitModel';

/** The first release that knows each setting, in any section. */
const FIRST_RELEASE = new Map<string, number>();
for (const row of directiveRows) FIRST_RELEASE.set(row.name, Math.min(FIRST_RELEASE.get(row.name) ?? Infinity, row.since ?? 0));

/** Whether systemd of `version` knows a setting at all. */
export function knownSetting(name: string, version: number): boolean {
  return (FIRST_RELEASE.get(name) ?? Infinity) <= version;
}

/**
 * The last line of a setting whose value `takes` accepts (an empty one resets it), as systemd of
 * `version` reads them in order: none when the setting came later.
 */
export function lastOf(model: UnitModel, name: string, takes: (value: string) => boolean, version: number): Assignment | undefined {
  if (!knownSetting(name, version)) return undefined;
  let found: Assignment | undefined;
  for (const line of model.assignments(name)) {
    const value = trimBlanks(line.entry.value);
    if (value === '') found = undefined;
    else if (takes(value)) found = line;
  }
  return found;
}

/** The line in force of a setting, none when the setting came after `version`. */
export function lastIn(model: UnitModel, name: string, version: number): Assignment | undefined {
  return knownSetting(name, version) ? model.last(name) : undefined;
}

/** The last line of a boolean setting when it is on (an empty line resets it). */
export function switchedOn(model: UnitModel, name: string, version: number): Assignment | undefined {
  const line = lastOf(model, name, (v) => booleanValue(v) !== undefined, version);
  return line !== undefined && booleanValue(trimBlanks(line.entry.value)) === true ? line : undefined;
}

/** The value as its setting's table spells it (`yes` for `true` where the table says so), when `version` knows it. */
export function enumValueAt(setting: string, value: string, version: number): string | undefined {
  const row = matchEnumValue(setting, value);
  return row !== undefined && (row.since ?? 0) <= version ? row.value : undefined;
}
