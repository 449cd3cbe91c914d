import type { UnitDocument } from '../unitDocument';
import type { Diagnostic } from '../types';

/** Every diagnostic for a document, in document order. */
export function diagnose(document: UnitDocument): Diagnostic[] {
  const all = [...document.tree.diagnostics];
  return all.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
