/**
 * Every rule the language service reports, with its stable id (the diagnostic's `code`), its
 * default severity and what it finds. Users re-grade or switch off rules by these ids.
 */
import { pairings } from '../kb';
import { parseProblems } from '../syntax/parseProblems';
import type { Severity } from '../types';

export type RuleGroup = 'syntax' | 'structure' | 'values' | 'versions' | 'hardening';

export interface RuleInfo {
  id: string;
  defaultSeverity: Severity;
  group: RuleGroup;
  description: string;
}

const OWN_RULES: readonly RuleInfo[] = [
  {
    id: 'unknown-section',
    defaultSeverity: 'error',
    group: 'structure',
    description: 'A section this unit type does not have; systemd ignores it with every setting in it.',
  },
  {
    id: 'unknown-directive',
    defaultSeverity: 'error',
    group: 'structure',
    description: 'A setting systemd does not know in this section; it logs a warning and ignores the line. Close names are offered as fixes.',
  },
  {
    id: 'wrong-section',
    defaultSeverity: 'error',
    group: 'structure',
    description: 'A known setting written in a section of this unit that does not take it; systemd ignores the line. The fix moves it to its section.',
  },
  {
    id: 'invalid-value',
    defaultSeverity: 'error',
    group: 'values',
    description: 'A value systemd cannot parse for this setting (wrong boolean, unknown enum value, malformed time span or size, relative path, unknown capability, system call, address family, signal, number out of range, ...); systemd ignores the line or that item.',
  },
  {
    id: 'deprecated-directive',
    defaultSeverity: 'warning',
    group: 'structure',
    description: 'A setting that was renamed, moved to another section or removed; the fix writes the current form where there is one.',
  },
  {
    id: 'deprecated-value',
    defaultSeverity: 'warning',
    group: 'values',
    description: 'A value systemd still reads but warns about or rewrites (KillMode=none, StandardOutput=syslog).',
  },
  {
    id: 'newer-than-target',
    defaultSeverity: 'warning',
    group: 'versions',
    description: 'A setting or value added after the systemd version the units are written for: that systemd ignores it, so what it should do silently does not happen.',
  },
  {
    id: 'duplicate-directive',
    defaultSeverity: 'warning',
    group: 'structure',
    description: 'A single-valued setting assigned twice in one file: only one assignment counts (normally the last), the other does nothing.',
  },
  {
    id: 'empty-reset',
    defaultSeverity: 'information',
    group: 'structure',
    description: 'An empty assignment of a list setting throws away the entries assigned before it in the same file.',
  },
  {
    id: 'requires-one-of',
    defaultSeverity: 'warning',
    group: 'hardening',
    description: 'A setting that can be undone, bypassed or breaks the service unless one of its partner settings is present; one fix per partner.',
  },
  {
    id: 'recommends',
    defaultSeverity: 'information',
    group: 'hardening',
    description: 'The systemd documentation advises combining this setting with another one, or choosing another value.',
  },
  {
    id: 'effective-only-with',
    defaultSeverity: 'warning',
    group: 'hardening',
    description: 'A setting that does nothing (or is silently changed) unless one of its partner settings is present.',
  },
  {
    id: 'conflicts-with',
    defaultSeverity: 'warning',
    group: 'hardening',
    description: 'Two settings that cannot work together, or where one overrides the other.',
  },
  {
    id: 'ignored-when',
    defaultSeverity: 'warning',
    group: 'hardening',
    description: 'A setting that has no (or only partial) effect because of another setting or of the unit it is in.',
  },
  {
    id: 'implies',
    defaultSeverity: 'hint',
    group: 'hardening',
    description: 'A setting that switches other settings on by itself, so they need not be written.',
  },
  {
    id: 'redundant-setting',
    defaultSeverity: 'hint',
    group: 'hardening',
    description: 'A line that only restates what another setting already implies; the fix removes it.',
  },
];

const PARSE_RULES: readonly RuleInfo[] = Object.entries(parseProblems).map(([id, p]) => ({
  id,
  defaultSeverity: p.severity,
  group: 'syntax' as const,
  description: p.summary,
}));

/** Every rule: the parser's problems of form first, then the rules on content. */
export const RULES: readonly RuleInfo[] = [...PARSE_RULES, ...OWN_RULES];

const byId = new Map(RULES.map((r) => [r.id, r]));
const pairingIds: ReadonlySet<string> = new Set(pairings.map((p) => p.id));

export function ruleInfo(id: string): RuleInfo | undefined {
  return byId.get(id);
}

/** The rule's default severity; throws for an id that is not registered (a programming error). */
export function defaultSeverity(id: string): Severity {
  const rule = byId.get(id);
  if (!rule) throw new Error(`rule '${id}' is not registered`);
  return rule.defaultSeverity;
}

/** An id a user may configure: a rule, or one hardening pair. */
export function isConfigurableId(id: string): boolean {
  return byId.has(id) || pairingIds.has(id);
}
