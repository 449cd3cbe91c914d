/**
 * "Fix all": applies the fixes of the risks asked for (safe ones by default), one at a time,
 * diagnosing again after each so that fixes never collide or insert the same line twice. A fix
 * that does not make its diagnostic go away is not applied again. The result says what was
 * applied and which fixes were left for a review.
 */
import { createUnitDocument, revisedUnitDocument } from '../../unitDocument';
import type { Settings } from '../../settings';
import { sameRange, type Diagnostic, type Fix, type FixRisk } from '../../types';
import { findingRange, sortByStart } from '../../rules/lineFinding';
import { EvidenceCache } from '../../rules/evidence';
import { findingIdentity } from '../../rules/findingIdentity';
import type { UnitFiles } from '../../rules';
import { mayHaveFixes } from '../../rules/fixesWhenRead';
import { analyze, type Analysis } from '../diagnostics';
import { withFixes } from './tryFixes';
import { applyEdits } from '../../edits/apply';
import { fingerprint } from '../../memo/fingerprint';

/**
 * Lines checked per "fix all", over its rounds: each round checks the fixed text and tries the
 * next fix on it. A unit of up to 5,000 lines gets all 200 rounds; a longer one fewer, and the
 * result says it stopped early (a 1 MB unit of 7,000 repeated lines took over five minutes).
 */
export const MAX_FIX_ALL_LINES = 1_000_000;

export interface FixAllResult {
  text: string;
  /** Titles of the fixes applied, in order. */
  applied: string[];
  /** Fixes left out because their risk was not asked for: the first fix of each diagnostic that has one, in document order. */
  left: { line: number; code: string; title: string; risk: FixRisk }[];
  /** Set when the unit is so long that the rounds ran out with fixes still to apply: running again applies more. */
  stoppedEarly?: true;
}

/** The fix "fix all" takes for each diagnostic (its preferred fix first) among the risks asked for, in document order. */
export function safeFixes(diagnostics: readonly Diagnostic[], risks: readonly FixRisk[] = ['safe']): { diagnostic: Diagnostic; fix: Fix }[] {
  return diagnostics.flatMap((diagnostic) => {
    const usable = (diagnostic.fixes ?? []).filter((f) => risks.includes(f.risk ?? 'review'));
    const fix = usable.find((f) => f.isPreferred) ?? (risks.includes('review') ? usable[0] : usable.find((f) => f.isPreferred));
    return fix ? [{ diagnostic, fix }] : [];
  });
}

/**
 * The first fix "fix all" takes on an analysis: the findings are tried one at a time, in document
 * order, until one has a fix of the risks asked for that is not `stuck`. Trying every finding's
 * fixes first and then picking gives the same fix, at the cost of a trial per finding.
 */
function nextFix(analysis: Analysis, risks: readonly FixRisk[], stuck: ReadonlySet<string>): { diagnostic: Diagnostic; fix: Fix } | undefined {
  const candidates = sortByStart(analysis.found.filter(mayHaveFixes), findingRange);
  for (const candidate of candidates) {
    // The fix path picks among copies of the findings: a copy has the finding's range, code and message.
    const at = candidate.range;
    const picked = (d: Diagnostic): boolean => d.code === candidate.code && d.message === candidate.message && sameRange(d.range, at);
    const next = safeFixes(withFixes(analysis, picked), risks).find(({ diagnostic, fix }) => !stuck.has(`${findingIdentity(diagnostic)}\0${fix.title}`));
    if (next) return next;
  }
  return undefined;
}

export function fixAll(
  uri: string,
  text: string,
  settings: Readonly<Settings>,
  files: UnitFiles = {},
  risks: readonly FixRisk[] = ['safe'],
  maxRounds = 200,
  maxLines = MAX_FIX_ALL_LINES,
): FixAllResult {
  let current = text;
  const applied: string[] = [];
  const stuck = new Set<string>();
  // Fingerprints, not texts: the versions of a long unit would be megabytes each.
  const seen = new Set<string>([fingerprint(text)]);
  // Each fixed text is checked as the next version of the one before, as an editor's keystrokes are.
  let cache = new EvidenceCache();
  const afresh = (): Analysis => analyze(createUnitDocument(uri, current), settings, files, cache);
  let analysis: Analysis | undefined = afresh();
  const rounds = Math.min(maxRounds, Math.max(1, Math.floor(maxLines / analysis.document.tree.lines.lineCount)));
  let stoppedEarly = false;
  for (let round = 0; ; round++) {
    if (analysis === undefined) {
      // The findings kept from the text before a fix that failed test their fixes against the
      // fixed text: going back to it, they are worked out afresh.
      cache = new EvidenceCache();
      analysis = afresh();
    }
    const next = nextFix(analysis, risks, stuck);
    if (!next) break;
    if (round >= rounds) {
      stoppedEarly = round < maxRounds;
      break;
    }
    let after: string;
    try {
      after = applyEdits(current, next.fix.edits);
    } catch {
      stuck.add(`${findingIdentity(next.diagnostic)}\0${next.fix.title}`);
      continue;
    }
    // The same finding may stand on several lines: the fix must take one of them away.
    const own = findingIdentity(next.diagnostic);
    const count = (list: readonly Diagnostic[]) => list.filter((d) => findingIdentity(d) === own).length;
    const before = count(analysis.diagnostics);
    const revised = revisedUnitDocument(analysis.document, after, analysis.document.version + 1);
    // The revised tree took the old one's place: the old analysis (the findings it shows, the
    // trials kept with it) goes before the new one is made. The evidence cache keeps only what
    // the rules found on it, to reuse.
    analysis = undefined;
    const fixed = analyze(revised, settings, files, cache);
    const afterPrint = fingerprint(after);
    if (count(fixed.diagnostics) >= before || seen.has(afterPrint)) {
      stuck.add(`${findingIdentity(next.diagnostic)}\0${next.fix.title}`);
      continue;
    }
    seen.add(afterPrint);
    applied.push(next.fix.title);
    current = after;
    analysis = fixed;
  }
  const last = withFixes(analysis);
  const left = last.flatMap((d) => {
    const fix = (d.fixes ?? []).find((f) => !risks.includes(f.risk ?? 'review'));
    return fix ? [{ line: d.range.start.line, code: d.code, title: fix.title, risk: fix.risk ?? ('review' as const) }] : [];
  });
  return { text: current, applied, left, ...(stoppedEarly ? { stoppedEarly: true as const } : {}) };
}
