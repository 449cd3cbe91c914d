/**
 * Hardening fixes say how much they lower the exposure score of
 * `systemd-analyze security`: "Add ProtectSystem=strict (−0.4)". The score is
 * computed on the text with the fix applied, merged with the same drop-ins.
 */
import { formatExposure } from '../../security';
import type { Settings } from '../../settings';
import type { Diagnostic, Fix } from '../../types';
import { createUnitDocument, type UnitDocument } from '../../unitDocument';
import type { UnitFiles } from '../../rules';
import { scoreOf, securityModel } from '../securityLens';
import { applyEdits } from '../../edits/apply';

function exposureOf(document: UnitDocument, files: UnitFiles, settings: Readonly<Settings>): number | undefined {
  const model = securityModel(document, files);
  if (!model) return undefined;
  const result = scoreOf(model, settings);
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
 * the score of each text scored (the document's own and each fixed one), for further calls on the
 * same version of the document with the same files and settings.
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
  const scoreOfText = (text: string, scored: () => UnitDocument): number | undefined => {
    if (!scores.has(text)) scores.set(text, exposureOf(scored(), files, settings));
    return scores.get(text);
  };
  const before = scoreOfText(document.tree.text, () => document);
  if (before === undefined) return;
  const scoreAfter = (fix: Fix): number | undefined => {
    let text: string;
    try {
      text = applyEdits(document.tree.text, fix.edits);
    } catch {
      return undefined;
    }
    return scoreOfText(text, () => createUnitDocument(document.uri, text, document.version));
  };
  for (const diagnostic of hardening) {
    for (const fix of diagnostic.fixes ?? []) {
      const after = scoreAfter(fix);
      if (after !== undefined) fix.title = titleWithDelta(fix.title, before, after);
    }
  }
}
