/**
 * What the server keeps of one document. Its text is always kept, in step with the client; a
 * document longer than MAX_CHECKED_LENGTH, or of more than MAX_CHECKED_LINES lines, is not parsed
 * or checked at all (no unit file comes near either: systemd refuses a single line of 1 MiB), so
 * one pasted or generated file cannot take the memory the server needs for the rest. Its only
 * diagnostic says so. Lines count as well as length: the tree keeps every line as objects, so
 * 29 MB of `A=` lines took the server's main thread to 2.8 GB and a minute. Under Node, checks of
 * large documents run on a worker thread whose heap has a hard limit of its own (analysisJobs.ts).
 */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';

/** The longest document checked, in UTF-16 code units (32 Mi: 32 MB of ASCII text). */
export const MAX_CHECKED_LENGTH = 32 * 1024 * 1024;

/** The most lines a checked document may have: a check of more would need more than the worker's 2 GB. */
export const MAX_CHECKED_LINES = 2_000_000;

/** The code of the diagnostic that says a document was not checked for its size. */
export const NOT_CHECKED = 'document-too-large';

function megabytes(length: number): string {
  return `${(length / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Whether a text of this length and lines is parsed and checked. The lines are only counted for
 * a text long enough to have too many.
 */
export function isCheckedSize(length: number, lines: () => number): boolean {
  return length <= MAX_CHECKED_LENGTH && (length < MAX_CHECKED_LINES || lines() <= MAX_CHECKED_LINES);
}

/**
 * The one diagnostic of a document that is not checked: too long, of too many lines, or, given
 * the memory limit of the check in MB, too large for it. The lines are counted only when the
 * message names them.
 */
export function notCheckedNotice(length: number, lines: () => number, memoryLimitMb?: number): LspDiagnostic {
  const why =
    memoryLimitMb !== undefined
      ? `checking this ${megabytes(length)} document needed more than the ${memoryLimitMb} MB of memory UnitGuard allows itself for one check`
      : length > MAX_CHECKED_LENGTH
        ? `UnitGuard checks documents of up to ${megabytes(MAX_CHECKED_LENGTH)}, and this one is ${megabytes(length)}`
        : `UnitGuard checks documents of up to ${MAX_CHECKED_LINES.toLocaleString('en-US')} lines, and this one has ${lines().toLocaleString('en-US')}`;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    code: NOT_CHECKED,
    source: 'unitguard',
    message: `Not checked: ${why}. No unit file is this large; hover, completion and the exposure lens are off for it too.`,
  };
}

/** The code of the diagnostic that says a unit's other files on disk were left out. */
export const COMPANIONS_NOT_READ = 'unit-files-not-read';

/**
 * The diagnostic of a document whose unit's other files on disk (its drop-ins, or its unit and the
 * other drop-ins) were not read because, together, they pass the budget of the files read
 * alongside a unit: the document is checked by itself.
 */
export function companionsNotReadNotice(problem: string): LspDiagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    code: COMPANIONS_NOT_READ,
    source: 'unitguard',
    message: `Checked without the unit's other files on disk: ${problem}. Findings that depend on its drop-ins or its unit are left out.`,
  };
}
