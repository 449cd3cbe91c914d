/**
 * "Fix all": applies every safe (preferred) fix, one at a time, diagnosing again after each so
 * that fixes never collide or insert the same line twice. A fix that does not make its
 * diagnostic go away is not applied again.
 */
import { createUnitDocument } from '../../unitDocument';
import type { Settings } from '../../settings';
import type { Diagnostic, Fix } from '../../types';
import type { UnitFiles } from '../../rules';
import { diagnose } from '../diagnostics';
import { applyEdits } from './apply';

export interface FixAllResult {
  text: string;
  /** Titles of the fixes applied, in order. */
  applied: string[];
}

function identity(d: Diagnostic): string {
  return `${d.code}\0${d.pairing ?? ''}\0${d.message}`;
}

/** The safe fixes of a list of diagnostics, in document order. */
export function safeFixes(diagnostics: readonly Diagnostic[]): { diagnostic: Diagnostic; fix: Fix }[] {
  return diagnostics.flatMap((diagnostic) => (diagnostic.fixes ?? []).filter((f) => f.isPreferred).slice(0, 1).map((fix) => ({ diagnostic, fix })));
}

export function fixAll(uri: string, text: string, settings: Readonly<Settings>, files: UnitFiles = {}, maxRounds = 200): FixAllResult {
  let current = text;
  const applied: string[] = [];
  const stuck = new Set<string>();
  const seen = new Set<string>([text]);
  for (let round = 0; round < maxRounds; round++) {
    const diagnostics = diagnose(createUnitDocument(uri, current), settings, files);
    const next = safeFixes(diagnostics).find(({ diagnostic, fix }) => !stuck.has(`${identity(diagnostic)}\0${fix.title}`));
    if (!next) break;
    let after: string;
    try {
      after = applyEdits(current, next.fix.edits);
    } catch {
      stuck.add(`${identity(next.diagnostic)}\0${next.fix.title}`);
      continue;
    }
    const again = diagnose(createUnitDocument(uri, after), settings, files).some((d) => identity(d) === identity(next.diagnostic));
    if (again || seen.has(after)) {
      stuck.add(`${identity(next.diagnostic)}\0${next.fix.title}`);
      if (again) continue;
    }
    if (seen.has(after)) continue;
    seen.add(after);
    applied.push(next.fix.title);
    current = after;
  }
  return { text: current, applied };
}
