/** Setting-name completions for the section under the cursor. */
import { maxOf } from '../../arrays';
import type { DirectiveRow } from '../../kb';
import type { Section } from '../../syntax/syntaxTree';
import type { Range } from '../../types';
import type { UnitDocument } from '../../unitDocument';
import { securityTestsFor } from '../docs/directiveMarkdown';
import { rowsForSection } from '../unitTypeRows';
import { COMMON_DIRECTIVES, rankKey } from './ranking';
import { TRIGGER_SUGGEST, type UnitCompletionItem } from './types';
import { hasValueCompletions } from './values';

/** "boolean", "no | yes | full | strict", ... kept short for the detail line. */
export function shortKind(row: DirectiveRow): string {
  const label = row.valueKind.label.replace(/^enum:/, '').replace(/\|/g, ' | ');
  return label.length > 48 ? `${label.slice(0, 47)}…` : label;
}

/** The detail of a setting: its value kind, and the release that added it. */
export function directiveDetail(row: DirectiveRow): string {
  return [shortKind(row), row.since !== undefined ? `systemd ${row.since}+` : undefined].filter(Boolean).join(' · ');
}

/** The heaviest systemd-analyze check a setting feeds (0 for none), by name; the tables never change. */
const SECURITY_WEIGHTS = new Map<string, number>();
function securityWeight(name: string): number {
  let weight = SECURITY_WEIGHTS.get(name);
  if (weight === undefined) {
    weight = Math.max(0, maxOf(securityTestsFor(name), (t) => t.weight));
    SECURITY_WEIGHTS.set(name, weight);
  }
  return weight;
}

export interface DirectiveCompletionInput {
  document: UnitDocument;
  section: Section;
  /** Replaced by the setting name. */
  range: Range;
  typed: string;
  /** The line already has `=` after the name: insert the name only. */
  hasEquals: boolean;
  systemdVersion: number;
}

/**
 * Settings valid here, newer ones than the target version left out, and
 * removed ones too: systemd ignores them, so offering them only misleads.
 */
export function directiveItems(input: DirectiveCompletionInput): UnitCompletionItem[] {
  const { document, section, range, typed, hasEquals, systemdVersion } = input;
  const common = COMMON_DIRECTIVES[section.name] ?? [];
  // [Service] only exists in .service files (and in files of unknown type).
  const hardening = section.name === 'Service';
  const assigned = new Set(section.entries.map((e) => e.key));
  const items: UnitCompletionItem[] = [];
  const rows = rowsForSection(document, section.name)
    .filter((r) => r.since === undefined || r.since <= systemdVersion)
    .filter((r) => r.deprecation?.kind !== 'removed');
  const sorted = [...rows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const weightOf = (row: DirectiveRow) => (hardening ? securityWeight(row.name) : 0);
  // Hardening settings by the heaviest security check they feed; equal weights stay alphabetical.
  const byWeight = new Map(
    sorted
      .filter((r) => weightOf(r) > 0)
      .sort((a, b) => weightOf(b) - weightOf(a))
      .map((r, i) => [r.name, i]),
  );
  sorted.forEach((row, alphabetical) => {
    let tier = 2;
    let index = alphabetical;
    if (row.deprecation) tier = 4;
    else if (assigned.has(row.name) && row.assignment.kind === 'single') tier = 3;
    else if (common.includes(row.name)) {
      tier = 0;
      index = common.indexOf(row.name);
    } else if (byWeight.has(row.name)) {
      tier = 1;
      index = byWeight.get(row.name) ?? 0;
    }
    const triggers = !hasEquals && hasValueCompletions(row);
    const newText = hasEquals ? row.name : `${row.name}=`;
    items.push({
      label: row.name,
      kind: 'directive',
      data: { k: 'dir', n: row.name, s: row.section },
      insertText: newText,
      textEdit: { range, newText },
      sortText: rankKey(row.name, typed, { tier, index }),
      filterText: row.name,
      ...(row.deprecation ? { deprecated: true } : {}),
      ...(triggers ? { command: TRIGGER_SUGGEST } : {}),
    });
  });
  return items;
}
