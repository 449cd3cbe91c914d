import type { UnitDocument } from '../unitDocument';
import type { Diagnostic } from '../types';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { applyRuleOverrides } from '../config/overrides';
import { runRules, type UnitFiles } from '../rules';
import { withoutTemplatePlaceholders } from './buildTemplates';
import { assignFixRisks } from '../rules/fixRisk';

/**
 * Every diagnostic for a document, in document order: problems of form from the parser, then
 * what the rules find, re-graded or dropped as the settings' rule overrides say. `files` are
 * the unit's other files at hand (its drop-ins, or the unit when the document is a drop-in).
 */
export function diagnose(document: UnitDocument, settings: Readonly<Settings> = DEFAULT_SETTINGS, files: UnitFiles = {}): Diagnostic[] {
  const parsed = withoutTemplatePlaceholders(document, [...document.tree.diagnostics]);
  const all = applyRuleOverrides([...parsed, ...runRules(document, settings, files)], settings.rules);
  assignFixRisks(all);
  return all.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
