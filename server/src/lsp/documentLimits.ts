/**
 * What the server keeps of one document. Its text is always kept, in step with the client; a
 * document longer than MAX_CHECKED_LENGTH is not parsed or checked at all (no unit file comes near
 * it: systemd refuses a single line of 1 MiB), so one pasted or generated file cannot take the
 * memory the server needs for the rest. Its only diagnostic says so. Under Node, checks of large
 * documents run on a worker thread whose heap has a hard limit of its own (analysisJobs.ts).
 */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';

/** The longest document checked, in UTF-16 code units (32 Mi: 32 MB of ASCII text). */
export const MAX_CHECKED_LENGTH = 32 * 1024 * 1024;

/** The code of the diagnostic that says a document was not checked for its size. */
export const NOT_CHECKED = 'document-too-large';

function megabytes(length: number): string {
  return `${(length / (1024 * 1024)).toFixed(1)} MB`;
}

/** Whether a text this long is parsed and checked. */
export function isCheckedLength(length: number): boolean {
  return length <= MAX_CHECKED_LENGTH;
}

/**
 * The one diagnostic of a document that is not checked: too long, or, given the memory limit of
 * the check in MB, too large for it.
 */
export function notCheckedNotice(length: number, memoryLimitMb?: number): LspDiagnostic {
  const why =
    memoryLimitMb === undefined
      ? `UnitGuard checks documents of up to ${megabytes(MAX_CHECKED_LENGTH)}, and this one is ${megabytes(length)}`
      : `checking this ${megabytes(length)} document needed more than the ${memoryLimitMb} MB of memory UnitGuard allows itself for one check`;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    code: NOT_CHECKED,
    source: 'unitguard',
    message: `Not checked: ${why}. No unit file is this large; hover, completion and the exposure lens are off for it too.`,
  };
}
