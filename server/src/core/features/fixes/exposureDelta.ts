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

/** Adds the score change to the titles of the fixes of hardening pairs, in place. */
export function annotateExposureDeltas(
  document: UnitDocument,
  files: UnitFiles,
  settings: Readonly<Settings>,
  diagnostics: readonly Diagnostic[],
): void {
  const hardening = diagnostics.filter((d) => d.pairing !== undefined && d.fixes && d.fixes.length > 0);
  if (hardening.length === 0) return;
  const before = exposureOf(document, files, settings);
  if (before === undefined) return;
  const cache = new Map<string, number | undefined>();
  const scoreAfter = (fix: Fix): number | undefined => {
    let text: string;
    try {
      text = applyEdits(document.tree.text, fix.edits);
    } catch {
      return undefined;
    }
    if (!cache.has(text)) cache.set(text, exposureOf(createUnitDocument(document.uri, text, document.version), files, settings));
    return cache.get(text);
  };
  for (const diagnostic of hardening) {
    for (const fix of diagnostic.fixes ?? []) {
      const after = scoreAfter(fix);
      if (after !== undefined) fix.title = titleWithDelta(fix.title, before, after);
    }
  }
}
