import type { Diagnostic } from '../../core';
import type { Formatter } from './report';

/**
 * `path:line:col: severity: message [code]` as compilers print, one line per
 * diagnostic. Lines and columns are 1-based; columns count UTF-16 code units
 * (as editors and the Language Server Protocol do).
 */
export function formatText(path: string, diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => `${path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${oneLine(d.message)} [${d.code}]\n`)
    .join('');
}

/** A message is printed on one line, whatever it holds. */
function oneLine(message: string): string {
  return message.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

export const textFormatter: Formatter = {
  showsFixes: false,
  file: (report) => formatText(report.path, report.diagnostics),
  end: () => '',
};
