import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';

/** The code of the diagnostic that says checking a document failed. */
export const CHECK_FAILED = 'check-failed';

/**
 * The one diagnostic of a document whose check threw. It replaces what was published for the
 * version before, which no longer describes the text, and tells the user where to look.
 */
export function checkFailedNotice(error: unknown): LspDiagnostic {
  const why = error instanceof Error ? error.message : String(error);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    code: CHECK_FAILED,
    source: 'unitguard',
    message: `Not checked: UnitGuard failed on this document (${why}). The server's log has the details.`,
  };
}
