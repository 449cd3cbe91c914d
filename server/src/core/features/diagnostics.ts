import type { UnitDocument } from '../unitDocument';
import type { Diagnostic } from '../types';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { withoutTemplatePlaceholders } from './buildTemplates';

/** Every diagnostic for a document, in document order. */
export function diagnose(document: UnitDocument, _settings: Readonly<Settings> = DEFAULT_SETTINGS): Diagnostic[] {
  const all = withoutTemplatePlaceholders(document, [...document.tree.diagnostics]);
  return all.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
