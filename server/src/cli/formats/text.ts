import type { Diagnostic } from '../../core';

/** `path:line:col: severity: message [code]`, 1-based, as compilers print. */
export function formatText(path: string, diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => `${path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${d.message} [${d.code}]\n`)
    .join('');
}
