/**
 * A document with thousands of problems (a generated unit, a file pasted many times) would send
 * megabytes on every keystroke and bury the Problems panel. The server publishes at most a set
 * number of diagnostics per document, the most severe first, and says so on the first line (see
 * core/features/problemLimit.ts, which the CLI shares).
 */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic } from '../core';
import { leftOutMessage, mostSevere, TOO_MANY_PROBLEMS } from '../core/features/problemLimit';
import { unlistedBeyond } from '../core/syntax/parseProblems';
import { SEVERITY, toLspDiagnostic } from './convert';

export { DEFAULT_MAX_PROBLEMS, TOO_MANY_PROBLEMS, groupedDigits } from '../core/features/problemLimit';

/** The first line when diagnostics were left out: how many of how many are shown. */
function leftOutNote(max: number, total: number): LspDiagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: TOO_MANY_PROBLEMS,
    source: 'unitguard',
    message: leftOutMessage(max, total, 'setting unitguard.maxProblems'),
  };
}

export function limitProblems(diagnostics: readonly LspDiagnostic[], max: number): LspDiagnostic[] {
  if (diagnostics.length <= max) return [...diagnostics];
  return [leftOutNote(max, diagnostics.length), ...mostSevere(diagnostics, max, (d) => d.severity ?? 1)];
}

/** The core's findings as published: limited first, so that only those sent are converted. */
export function publishedProblems(found: readonly Diagnostic[], uri: string, max: number): LspDiagnostic[] {
  if (found.length <= max) return found.map((d) => toLspDiagnostic(d, uri));
  // The total counts the parse problems the parser left out of its list too, as the CLI's does.
  let total = found.length;
  for (const d of found) total += unlistedBeyond(d);
  return [leftOutNote(max, total), ...mostSevere(found, max, (d) => SEVERITY[d.severity]).map((d) => toLspDiagnostic(d, uri))];
}
