/**
 * The fix path: the fixes of a document's diagnostics, tried on the text and scored, when a client
 * asks for them (a code action, `check --fix`, `check --format json`). Each fix is applied and the
 * rules run again on the fixed text: it must remove its own diagnostic and bring no new problem
 * (validate.ts), and the fixes of hardening pairs say how they move the exposure score.
 */
import type { Settings } from '../../settings';
import type { Diagnostic, Fix } from '../../types';
import { createUnitDocument, type UnitDocument } from '../../unitDocument';
import { runRules, type UnitFiles } from '../../rules';
import { DEFAULT_SETTINGS } from '../../settings';
import { analyze, parseDiagnostics, present, type Analysis } from '../diagnostics';
import { annotateExposureDeltas } from './exposureDelta';
import { validateFixes } from './validate';

/** A copy that the fix path may complete and retitle without touching the analysis. */
function copy(d: Diagnostic): Diagnostic {
  return d.fixes ? { ...d, fixes: d.fixes.map((f: Fix) => ({ ...f })) } : d;
}

/**
 * The diagnostics of an analysis, those that `select` picks with their fixes tried, completed and
 * scored; the others without fixes. Only the picked diagnostics' fixes cost anything, so a code
 * action on one line tries that line's fixes alone, on a document of any size.
 */
export function withFixes(analysis: Analysis, select: (d: Diagnostic) => boolean = () => true): Diagnostic[] {
  const { document, settings, files } = analysis;
  const found = analysis.found.map(copy);
  const rerun = (text: string): Diagnostic[] => {
    const again = createUnitDocument(document.uri, text, document.version);
    return [...parseDiagnostics(again), ...runRules(again, settings, files, { evidence: false })];
  };
  validateFixes(document.tree.text, found, analysis.parsed, rerun, select);
  for (const d of found) if (d.fixes && !select(d)) delete d.fixes;
  annotateExposureDeltas(document, files, settings, found);
  // The parser's problems have no fixes.
  return present([...analysis.parsed, ...found], settings, true);
}

/** Every diagnostic of a document with its fixes tried and scored: for `check --fix`, JSON output and tests. */
export function diagnoseWithFixes(document: UnitDocument, settings: Readonly<Settings> = DEFAULT_SETTINGS, files: UnitFiles = {}): Diagnostic[] {
  return withFixes(analyze(document, settings, files));
}
