/**
 * The fix path: the fixes of a document's diagnostics, tried on the text and scored, when a client
 * asks for them (a code action, `check --fix`, `check --format json`). Each fix is applied and the
 * rules run again on the fixed text: it must remove its own diagnostic and bring no new problem
 * (validate.ts), and the fixes of hardening pairs say how they move the exposure score.
 */
import type { Settings } from '../../settings';
import type { Diagnostic } from '../../types';
import { trialUnitDocument, type UnitDocument } from '../../unitDocument';
import { reportFindings, runRules, type UnitFiles } from '../../rules';
import { DEFAULT_SETTINGS } from '../../settings';
import { analyzeOnce, gradedCounts, limitedTo, parseDiagnostics, present, presented, severityCounts, withUnlistedCounts, type Analysis, type LimitedDiagnostics } from '../diagnostics';
import { BoundedFindings } from '../../rules/boundedFindings';
import { levelFor } from '../../config/overrides';
import { annotateExposureDeltas } from './exposureDelta';
import { problemCounts, ProblemCounter, trialBudget, validateFixes, withinTrialBudget, type ProblemCounts, type Rerun, type TrialOutcome } from './validate';
import { mayHaveFixes, withoutFixField } from '../../rules/fixesWhenRead';
import { findingCopy } from '../../rules/lineFinding';

/**
 * What trying fixes worked out on one version of a document, kept with its analysis: an editor asks
 * for the code actions of a line again each time the cursor comes back to it, and each fix is tried
 * by diagnosing and scoring the whole fixed text. Both are kept by the fixes applied (their edits,
 * not the fixed text), a few dozen at most.
 */
interface TriedTexts {
  /** The problems of the document's own text, counted. */
  baseline: ProblemCounts;
  outcomes: Map<string, TrialOutcome>;
  scores: Map<string, number | undefined>;
}

const TEXTS_KEPT = 64;
const triedTexts = new WeakMap<Analysis, TriedTexts>();

function triedOn(analysis: Analysis): TriedTexts {
  let tried = triedTexts.get(analysis);
  if (!tried) triedTexts.set(analysis, (tried = { baseline: problemCounts([...analysis.parsed, ...analysis.found]), outcomes: new Map(), scores: new Map() }));
  // Full: start over rather than track which texts are old.
  if (tried.outcomes.size >= TEXTS_KEPT) tried.outcomes.clear();
  if (tried.scores.size >= TEXTS_KEPT) tried.scores.clear();
  return tried;
}

/**
 * A copy whose fixes the fix path may replace without touching the analysis. The fixes themselves
 * are copied only when kept (validateFixes): past the budget of trials on a long unit, most are
 * dropped untried, and copying them all first held a second set of them during the first trial.
 */
function copy(d: Diagnostic): Diagnostic {
  return d.fixes ? findingCopy(d) : d;
}

/**
 * The diagnostics of an analysis, those that `select` picks with their fixes tried, completed and
 * scored; the others without fixes. Only the picked diagnostics' fixes cost anything, so a code
 * action on one line tries that line's fixes alone, on a document of any size.
 */
export function withFixes(analysis: Analysis, select: (d: Diagnostic) => boolean = () => true): Diagnostic[] {
  const { document, settings, files } = analysis;
  // Fixes of findings not picked are never read: those sorted out when read (fixesWhenRead.ts) stay unsorted.
  const found = analysis.found.map((d) => (!mayHaveFixes(d) ? d : select(d) ? copy(d) : withoutFixField(d)));
  const tried = triedOn(analysis);
  const rerun: Rerun = (text, withFixes, report) => {
    const fixed = trialUnitDocument(document, text);
    for (const d of parseDiagnostics(fixed)) report(d);
    reportFindings(fixed, settings, files, withFixes, report);
  };
  validateFixes(document.tree, found, analysis.parsed, rerun, select, tried.baseline, tried.outcomes);
  for (const d of found) if (d.fixes && !select(d)) delete d.fixes;
  annotateExposureDeltas(document, files, settings, found, tried.scores);
  // The parser's problems have no fixes.
  return present([...analysis.parsed, ...found], settings, true);
}

/** Every diagnostic of a document with its fixes tried and scored: for `check --fix`, JSON output and tests. */
export function diagnoseWithFixes(document: UnitDocument, settings: Readonly<Settings> = DEFAULT_SETTINGS, files: UnitFiles = {}): Diagnostic[] {
  return withFixes(withinBudget(analyzeOnce(document, settings, files, trialBudget(document.tree.lines.lineCount))));
}

/**
 * What `diagnoseWithFixes` gives, of which at most `max` (see `diagnoseLimited`): only the fixes
 * of the diagnostics shown are tried, within the budget of trials.
 */
export function diagnoseWithFixesLimited(document: UnitDocument, settings: Readonly<Settings> = DEFAULT_SETTINGS, files: UnitFiles = {}, max: number): LimitedDiagnostics {
  if (!Number.isFinite(max)) {
    const all = diagnoseWithFixes(document, settings, files);
    return limitedTo(all, max, withUnlistedCounts(severityCounts(all), document, settings));
  }
  // The rules' findings are ranked as they come, and only those that may be shown are kept: on a
  // long unit the others (tens of thousands, each with its fix) are counted, not held. The fixes
  // are judged against all of them: the problems of each kind are counted as they come too.
  const baseline = new ProblemCounter();
  const parsed = parseDiagnostics(document);
  for (const d of parsed) baseline.add(d);
  const selection = new BoundedFindings(max, (d) => levelFor(d, settings.rules), baseline.add);
  const found = runRules(document, settings, files, { keepsModel: false, fixesTried: trialBudget(document.tree.lines.lineCount), selection });
  // By what they say and where, not by object: the fix path tries the fixes of copies.
  const shown = new Set(found.map(shownKey));
  const tried = (d: Diagnostic): boolean => shown.has(shownKey(d));
  // An analysis of the kept findings only: the fixes must be judged against the counts of all of
  // them, so those are given to it here, before anything works them out from its findings.
  const analysis = withinBudget(presented(document, settings, files, parsed, found), tried);
  triedTexts.set(analysis, { baseline, outcomes: new Map(), scores: new Map() });
  const listed = withFixes(analysis, tried);
  return limitedTo(listed, max, gradedCounts(parsed, settings, selection.counts));
}

function shownKey(d: Diagnostic): string {
  const start = d.range.start;
  return `${start.line}:${start.character}\u0000${d.code}\u0000${d.message}`;
}

/**
 * The analysis whose findings past the budget of trials have no fixes: they would be dropped
 * untried, and on a long unit they take about as much as the findings. Dropped before the first
 * trial, they are not held while it checks a second copy of the unit.
 */
function withinBudget(analysis: Analysis, tried?: (d: Diagnostic) => boolean): Analysis {
  const within = withinTrialBudget(analysis.document.tree.lines.lineCount, analysis.found, tried);
  const past = (d: Diagnostic): boolean => mayHaveFixes(d) && !within.has(d) && d.fixes !== undefined && d.fixes.length > 0;
  if (!analysis.found.some(past)) return analysis;
  const { document, settings, files, parsed } = analysis;
  return presented(document, settings, files, parsed, analysis.found.map((d) => (past(d) ? withoutFixField(d) : d)));
}
