/**
 * "Fix all": applies the fixes of the risks asked for (safe ones by default), one at a time,
 * diagnosing again after each so that fixes never collide or insert the same line twice. A fix
 * that does not make its diagnostic go away is not applied again. The result says what was
 * applied and which fixes were left for a review.
 */
import { createUnitDocument } from '../../unitDocument';
import type { Settings } from '../../settings';
import type { Diagnostic, Fix, FixRisk } from '../../types';
import type { UnitFiles } from '../../rules';
import { analyze, diagnose } from '../diagnostics';
import { withFixes } from './tryFixes';
import { applyEdits } from '../../edits/apply';

export interface FixAllResult {
  text: string;
  /** Titles of the fixes applied, in order. */
  applied: string[];
  /** Fixes left out because their risk was not asked for: the first fix of each diagnostic that has one, in document order. */
  left: { line: number; code: string; title: string; risk: FixRisk }[];
}

function identity(d: Diagnostic): string {
  return `${d.code}\0${d.pairing ?? ''}\0${d.message}`;
}

/** The fix "fix all" takes for each diagnostic (its preferred fix first) among the risks asked for, in document order. */
export function safeFixes(diagnostics: readonly Diagnostic[], risks: readonly FixRisk[] = ['safe']): { diagnostic: Diagnostic; fix: Fix }[] {
  return diagnostics.flatMap((diagnostic) => {
    const usable = (diagnostic.fixes ?? []).filter((f) => risks.includes(f.risk ?? 'review'));
    const fix = usable.find((f) => f.isPreferred) ?? (risks.includes('review') ? usable[0] : usable.find((f) => f.isPreferred));
    return fix ? [{ diagnostic, fix }] : [];
  });
}

export function fixAll(uri: string, text: string, settings: Readonly<Settings>, files: UnitFiles = {}, risks: readonly FixRisk[] = ['safe'], maxRounds = 200): FixAllResult {
  let current = text;
  const applied: string[] = [];
  const stuck = new Set<string>();
  const seen = new Set<string>([text]);
  let last: Diagnostic[] = [];
  for (let round = 0; round < maxRounds; round++) {
    const diagnostics = withFixes(analyze(createUnitDocument(uri, current), settings, files));
    last = diagnostics;
    const next = safeFixes(diagnostics, risks).find(({ diagnostic, fix }) => !stuck.has(`${identity(diagnostic)}\0${fix.title}`));
    if (!next) break;
    let after: string;
    try {
      after = applyEdits(current, next.fix.edits);
    } catch {
      stuck.add(`${identity(next.diagnostic)}\0${next.fix.title}`);
      continue;
    }
    // The same finding may stand on several lines: the fix must take one of them away.
    const own = identity(next.diagnostic);
    const count = (list: readonly Diagnostic[]) => list.filter((d) => identity(d) === own).length;
    const again = count(diagnose(createUnitDocument(uri, after), settings, files)) >= count(diagnostics);
    if (again || seen.has(after)) {
      stuck.add(`${identity(next.diagnostic)}\0${next.fix.title}`);
      if (again) continue;
    }
    if (seen.has(after)) continue;
    seen.add(after);
    applied.push(next.fix.title);
    current = after;
  }
  if (applied.length > 0) last = withFixes(analyze(createUnitDocument(uri, current), settings, files));
  const left = last.flatMap((d) => {
    const fix = (d.fixes ?? []).find((f) => !risks.includes(f.risk ?? 'review'));
    return fix ? [{ line: d.range.start.line, code: d.code, title: fix.title, risk: fix.risk ?? ('review' as const) }] : [];
  });
  return { text: current, applied, left };
}
