/**
 * Rule overrides: users re-grade or switch off rules by id. The values come from the editor's
 * `unitguard.rules` setting or a `.unitguardrc` file; both arrive here as plain data, are checked,
 * and are applied to finished diagnostics. Nothing here reads files.
 */
import type { RuleLevel, RuleOverrides } from '../settings';
import type { Diagnostic, Severity } from '../types';
import { OFF_BY_DEFAULT, RETIRED_RULES, ruleGroup } from '../rules/registry';
import { copyFinding } from '../rules/fixesWhenRead';
import { NOTE_IS_NOT_A_RULE, TOO_MANY_PROBLEMS } from '../features/problemLimit';

const LEVELS: Readonly<Record<string, RuleLevel>> = {
  error: 'error',
  warning: 'warning',
  warn: 'warning',
  information: 'information',
  info: 'information',
  hint: 'hint',
  off: 'off',
  none: 'off',
  false: 'off',
};

/** A rule level as users may spell it (`warn`, `info`, `off`, `false`), or undefined. */
export function parseRuleLevel(value: unknown): RuleLevel | undefined {
  if (value === false) return 'off';
  if (typeof value !== 'string') return undefined;
  const key = value.trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(LEVELS, key) ? LEVELS[key] : undefined;
}

export interface OverridesResult {
  overrides: RuleOverrides;
  /** Entries that were ignored, in words, for the settings' author. */
  problems: string[];
  /** Some entry is a mistake (a level or rule id that does not exist), not just out of date. */
  invalid: boolean;
}

/**
 * Reads `{ "rule-id": "warning", "other": "off" }`. Unknown ids are kept (a newer release may
 * know them) but reported when `knownIds` says they do not exist; bad levels are dropped, and so
 * is a setting of the note that problems were left out, which is not a rule.
 */
export function readRuleOverrides(raw: unknown, isKnownId: (id: string) => boolean = () => true): OverridesResult {
  const overrides: Record<string, RuleLevel> = {};
  const problems: string[] = [];
  let invalid = false;
  if (raw === undefined || raw === null) return { overrides, problems, invalid };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('rules must be a table of rule id = level');
    return { overrides, problems, invalid: true };
  }
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    const level = parseRuleLevel(value);
    if (level === undefined) {
      problems.push(`rule '${id}': '${String(value)}' is not one of error, warning, information, hint, off`);
      invalid = true;
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(RETIRED_RULES, id)) problems.push(`rule '${id}' is no longer reported (${RETIRED_RULES[id]}); its setting has no effect`);
    else if (id === TOO_MANY_PROBLEMS) {
      problems.push(NOTE_IS_NOT_A_RULE);
      invalid = true;
      continue;
    } else if (!isKnownId(id)) {
      problems.push(`rule '${id}' is not known; its setting is kept but matches nothing`);
      invalid = true;
    }
    overrides[id] = level;
  }
  return { overrides, problems, invalid };
}

/** Later sources win: `merge(fromFile, fromEditor)`. */
export function mergeRuleOverrides(...layers: readonly (RuleOverrides | undefined)[]): RuleOverrides {
  return Object.assign({}, ...layers.filter((l) => l !== undefined)) as RuleOverrides;
}

const has = (overrides: RuleOverrides, id: string): boolean => Object.prototype.hasOwnProperty.call(overrides, id);

/**
 * The level a diagnostic ends up with: its pair's setting, else its rule's, else its group's,
 * else its own; hints and rules that are off by default publish nothing unless a setting asks.
 */
export function levelFor(diagnostic: Pick<Diagnostic, 'code' | 'pairing' | 'pairings' | 'severity'>, overrides: RuleOverrides | undefined): RuleLevel {
  if (overrides) {
    if (diagnostic.pairing !== undefined && has(overrides, diagnostic.pairing)) return overrides[diagnostic.pairing];
    const pair = diagnostic.pairings?.find((p) => has(overrides, p));
    if (pair !== undefined) return overrides[pair];
    if (has(overrides, diagnostic.code)) return overrides[diagnostic.code];
    const group = ruleGroup(diagnostic.code);
    if (group !== undefined && has(overrides, group)) return overrides[group];
  }
  return OFF_BY_DEFAULT.includes(diagnostic.code) || diagnostic.severity === 'hint' ? 'off' : diagnostic.severity;
}

/** Drops switched-off diagnostics and re-grades the others. */
export function applyRuleOverrides(diagnostics: readonly Diagnostic[], overrides: RuleOverrides | undefined): Diagnostic[] {
  const result: Diagnostic[] = [];
  for (const d of diagnostics) {
    const level = levelFor(d, overrides);
    if (level === 'off') continue;
    result.push(level === d.severity ? d : copyFinding(d, { severity: level as Severity }));
  }
  return result;
}
