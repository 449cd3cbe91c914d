import type { UnitDocument } from '../unitDocument';
import type { Diagnostic } from '../types';

/**
 * Build-time templates (`foo.service.in`) hold lines that only a build step
 * fills in: `@ProtectSystem@`, `{{SERVICE_WATCHDOG}}`, `{% if … %}`,
 * `{# … #}`. They are not malformed assignments.
 */
const PLACEHOLDER_LINE = /^[ \t]*(@[A-Za-z0-9_]+@|\{\{.*\}\}|\{%.*%\}|\{#.*)[ \t]*$/;

export function isPlaceholderLine(text: string): boolean {
  return PLACEHOLDER_LINE.test(text);
}

/** Drops the "not an assignment" problems that placeholder lines of a build template cause. */
export function withoutTemplatePlaceholders(document: UnitDocument, diagnostics: Diagnostic[]): Diagnostic[] {
  if (!document.file.isBuildTemplate) return diagnostics;
  const { tree } = document;
  return diagnostics.filter((d) => {
    if (d.code !== 'missing-equals') return true;
    const line = d.range.start.line;
    return !isPlaceholderLine(tree.lines.slice(tree.lines.lineStart(line), tree.lines.lineEnd(line)));
  });
}
