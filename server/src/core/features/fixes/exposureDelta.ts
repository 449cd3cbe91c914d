/**
 * Hardening fixes say how much they lower the exposure score of
 * `systemd-analyze security`: "Add ProtectSystem=strict (−0.4)". The score is
 * computed on the text with the fix applied, merged with the same drop-ins.
 */
import { formatExposure } from '../../security';
import type { Settings } from '../../settings';
import type { Diagnostic, Fix } from '../../types';
import { editedUnitDocument, type UnitDocument } from '../../unitDocument';
import type { UnitFiles } from '../../rules';
import { scoreOf, securityModel } from '../securityLens';
import { editsKey } from './validate';

function exposureOf(document: UnitDocument, files: UnitFiles, settings: Readonly<Settings>): number | undefined {
  const model = securityModel(document, files);
  if (!model) return undefined;
  const result = scoreOf(model, settings, false);
  return result.ok ? result.exposure : undefined;
}

/** The title with the change of the score, or the title unchanged when the score does not move. */
export function titleWithDelta(title: string, before: number, after: number): string {
  if (after === before) return title;
  const sign = after < before ? '−' : '+';
  return `${title} (${sign}${formatExposure(Math.abs(after - before))})`;
}

/**
 * Adds the score change to the titles of the fixes of hardening pairs, in place. `scores` keeps
 * the score of each text scored (the document's own and each fixed one, by the fix's edits), for
 * further calls on the same version of the document with the same files and settings.
 */
export function annotateExposureDeltas(
  document: UnitDocument,
  files: UnitFiles,
  settings: Readonly<Settings>,
  diagnostics: readonly Diagnostic[],
  scores: Map<string, number | undefined> = new Map(),
): void {
  const hardening = diagnostics.filter((d) => d.pairing !== undefined && d.fixes && d.fixes.length > 0);
  if (hardening.length === 0) return;
  // Scores are kept by the edits that make the text (none: the document's own), not by the text.
  const scoreOfText = (key: string, scored: () => UnitDocument | undefined): number | undefined => {
    if (!scores.has(key)) {
      const scoredDocument = scored();
      scores.set(key, scoredDocument && exposureOf(scoredDocument, files, settings));
    }
    return scores.get(key);
  };
  const before = scoreOfText('', () => document);
  if (before === undefined) return;
  const scoreAfter = (fix: Fix): number | undefined =>
    scoreOfText(editsKey(fix), () => {
      try {
        return editedUnitDocument(document, fix.edits);
      } catch {
        return undefined;
      }
    });
  for (const diagnostic of hardening) {
    for (const fix of diagnostic.fixes ?? []) {
      const after = scoreAfter(fix);
      if (after !== undefined) fix.title = titleWithDelta(fix.title, before, after);
    }
  }
}
