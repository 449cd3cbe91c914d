/** Whether assignments match the settings a pair names, directly or through their effect. */
import { enumValues, type PairingSetting, type PairingValue } from '../../kb';
import { always, BoundedCache } from '../values/boundedCache';
import type { Assignment } from '../../model/unitModel';
import type { PairContext } from './context';
import {
  blocksSyscalls,
  commandPrefix,
  coveringAssignment,
  dropsCapability,
  effectiveLines,
  hasSetting,
  isEnabling,
  isListSetting,
  listItems,
  normalizeValue,
  pathCovers,
  stripPathPrefix,
} from './effects';
import { trimBlanks } from '../../syntax/blanks';

const PATH_LISTS: ReadonlySet<string> = new Set(['InaccessiblePaths', 'ReadOnlyPaths', 'ReadWritePaths', 'ExecPaths', 'NoExecPaths']);
const MOUNT_LISTS: ReadonlySet<string> = new Set(['RequiresMountsFor', 'WantsMountsFor']);

/**
 * Whether an assignment's value is one the pair names. `exact` compares values as written
 * (after normalizing boolean spellings); otherwise `yes` of an enumerated setting that also
 * reads booleans stands for any value that switches it on (ProtectSystem=strict is a
 * ProtectSystem=yes and more).
 */
export function valueMatches(directive: string, value: string, expected: PairingValue, exact = false): boolean {
  const trimmed = trimBlanks(value);
  switch (expected.kind) {
    case 'any':
      return isEnabling(directive, trimmed);
    case 'any-value':
      return trimmed !== '';
    case 'empty':
      return trimmed === '';
    case 'bare-tilde':
      return trimmed === '~';
    case 'allow-list':
      return trimmed !== '' && !trimmed.startsWith('~') && isEnabling(directive, trimmed);
    case 'deny-list':
      return trimmed.startsWith('~');
    case 'command-prefix':
      return commandPrefix(trimmed).includes(expected.prefix);
    case 'pattern':
      return trimmed !== '' && isEnabling(directive, trimmed);
    case 'not':
      return trimmed !== '' && !expected.values.some((v) => normalizeValue(directive, v) === normalizeValue(directive, trimmed));
    case 'one-of':
      return expected.values.some((v) => oneValueMatches(directive, trimmed, v, exact));
  }
}

function oneValueMatches(directive: string, actual: string, expected: string, exact: boolean): boolean {
  const normalizedExpected = normalizeValue(directive, expected);
  const normalizedActual = normalizeValue(directive, actual);
  if (normalizedExpected === normalizedActual) return true;
  const info = enumValues(directive);
  if (!exact && normalizedExpected === 'yes' && info && (info.booleanTrue !== undefined || info.acceptsBoolean) && isEnabling(directive, actual)) return true;
  if (isListSetting(directive)) {
    const have = new Set(listItems(actual).map(stripPathPrefix));
    const want = listItems(expected).map(stripPathPrefix);
    return want.length > 0 && want.every((w) => have.has(w));
  }
  return false;
}

/** `valueMatches` for a setting a pair names; the same values recur, so each is judged once per setting. */
const settingMatches = [new Map<PairingSetting, BoundedCache<boolean>>(), new Map<PairingSetting, BoundedCache<boolean>>()];

function settingValueMatches(setting: PairingSetting, exact: boolean, value: string): boolean {
  const bySetting = settingMatches[exact ? 1 : 0];
  let known = bySetting.get(setting);
  if (!known) bySetting.set(setting, (known = new BoundedCache(512, { keepsLong: always })));
  return known.get(value, (v) => valueMatches(setting.directive, v, setting.value, exact));
}

/**
 * The assignments that make a named setting hold, or undefined when it does not. Effects count:
 * a system call filter that blocks the calls, a bounding set without the capability, a path
 * list that covers the path through a parent folder, a setting switched on by another one.
 */
export function settingHolds(context: PairContext, setting: PairingSetting, exact = false): Assignment[] | undefined {
  // Worked out once per context (see `PairContext.held`); the lists are shared: read them, never change them.
  const known = context.held[exact ? 1 : 0];
  const found = known.get(setting);
  if (found !== undefined || known.has(setting)) return found;
  const holds = holdsNow(context, setting, exact);
  known.set(setting, holds);
  return holds;
}

function holdsNow(context: PairContext, setting: PairingSetting, exact: boolean): Assignment[] | undefined {
  const { model } = context;
  const d = setting.directive;
  const v = setting.value;
  if (setting.without?.some((w) => hasSetting(model, w))) return undefined;
  if (setting.where || setting.family) return undefined;

  if (d === 'SystemCallFilter') {
    const filter = context.filter;
    if (v.kind === 'any') return filter.mode !== 'none' ? filter.lines : undefined;
    if (v.kind === 'one-of') {
      const ok = v.values.some((value) => {
        if (value.startsWith('~')) return blocksSyscalls(filter, listItems(value.slice(1)));
        if (value === '@system-service') return filter.mode === 'allow';
        return false;
      });
      if (ok) return filter.lines.length > 0 ? filter.lines : [];
    }
  }
  if (d === 'CapabilityBoundingSet' && v.kind === 'one-of' && v.values.every((x) => x.startsWith('~'))) {
    const ok = v.values.some((value) => listItems(value.slice(1)).every((cap) => dropsCapability(model, cap.toUpperCase())));
    return ok ? model.effective(d) : undefined;
  }
  if (PATH_LISTS.has(d) && v.kind === 'one-of') {
    for (const value of v.values) {
      const found = listItems(value).map((path) => coveringAssignment(model, [d], path));
      if (found.every((a) => a !== undefined)) return found as Assignment[];
    }
    return undefined;
  }
  if (MOUNT_LISTS.has(d) && v.kind === 'one-of') {
    for (const value of v.values) {
      const lines = effectiveLines(model, d).filter((a) => listItems(a.entry.value).some((item) => pathCovers(value, item)));
      if (lines.length > 0) return lines;
    }
    return undefined;
  }

  const lines = effectiveLines(model, d).filter((a) => settingValueMatches(setting, exact, a.entry.value));
  if (lines.length > 0) return lines;

  const implied = context.implied.get(d);
  if (implied) {
    if (v.kind === 'one-of') {
      for (const value of v.values) {
        const normalized = normalizeValue(d, value);
        const by = implied.get(normalized) ?? (!exact && normalized === 'yes' ? [...implied.entries()].find(([k]) => isEnabling(d, k))?.[1] : undefined);
        if (by) return [by];
      }
    } else if (v.kind === 'any' || v.kind === 'pattern' || v.kind === 'any-value') {
      const first = [...implied.entries()].find(([k]) => isEnabling(d, k));
      if (first) return [first[1]];
    }
  }
  return undefined;
}
