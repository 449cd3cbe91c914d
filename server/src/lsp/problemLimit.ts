/**
 * A document with thousands of problems (a generated unit, a file pasted many times) would send
 * megabytes on every keystroke and bury the Problems panel. The server publishes at most a set
 * number of diagnostics per document, the most severe first, and says so on the first line.
 */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';

/** The default of `unitguard.maxProblems`. */
export const DEFAULT_MAX_PROBLEMS = 1000;

/** The code of the note that says diagnostics were left out. */
export const TOO_MANY_PROBLEMS = 'too-many-problems';

export function limitProblems(diagnostics: readonly LspDiagnostic[], max: number): LspDiagnostic[] {
  if (diagnostics.length <= max) return [...diagnostics];
  const bySeverity = diagnostics.map((d, order) => ({ d, order })).sort((a, b) => (a.d.severity ?? 1) - (b.d.severity ?? 1) || a.order - b.order);
  const kept = bySeverity
    .slice(0, max)
    .sort((a, b) => a.order - b.order)
    .map((x) => x.d);
  const note: LspDiagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: TOO_MANY_PROBLEMS,
    source: 'unitguard',
    message: `Showing ${max.toLocaleString('en-US')} of ${diagnostics.length.toLocaleString('en-US')} problems in this file, the most severe first (setting unitguard.maxProblems).`,
  };
  return [note, ...kept];
}
