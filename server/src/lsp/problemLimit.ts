/**
 * A document with thousands of problems (a generated unit, a file pasted many times) would send
 * megabytes on every keystroke and bury the Problems panel. The server publishes at most a set
 * number of diagnostics per document, the most severe first, and says so on the first line.
 */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic } from '../core';
import { SEVERITY, toLspDiagnostic } from './convert';

/** The default of `unitguard.maxProblems`. */
export const DEFAULT_MAX_PROBLEMS = 1000;

/** The code of the note that says diagnostics were left out. */
export const TOO_MANY_PROBLEMS = 'too-many-problems';

/**
 * At most `max` of the items, the most severe first (1 = error, up to 4), in their own order:
 * every item more severe than the last severity that fits, and the first of that one.
 */
function mostSevere<T>(items: readonly T[], max: number, severity: (item: T) => number): T[] {
  const counts = [0, 0, 0, 0, 0];
  for (const item of items) counts[clamp(severity(item))]++;
  let cut = 1;
  let room = max;
  while (cut < 4 && counts[cut] <= room) room -= counts[cut++];
  const picked: T[] = [];
  for (const item of items) {
    const level = clamp(severity(item));
    if (level < cut) picked.push(item);
    else if (level === cut && room > 0) {
      picked.push(item);
      room--;
    }
  }
  return picked;
}

function clamp(severity: number): number {
  // A severity that is not a whole number from 1 to 4 counts as the nearest one; one that is not a number, as the least severe.
  return Number.isFinite(severity) ? Math.min(4, Math.max(1, Math.trunc(severity))) : 4;
}

/**
 * A count with commas between groups of three digits (12,345). `toLocaleString` would say the
 * same, but its first call loads the locale data: 20 ms on the first publication of a long unit.
 */
export function groupedDigits(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The first line when diagnostics were left out: how many of how many are shown. */
function leftOutNote(max: number, total: number): LspDiagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: TOO_MANY_PROBLEMS,
    source: 'unitguard',
    message: `Showing ${groupedDigits(max)} of ${groupedDigits(total)} problems in this file, the most severe first (setting unitguard.maxProblems).`,
  };
}

export function limitProblems(diagnostics: readonly LspDiagnostic[], max: number): LspDiagnostic[] {
  if (diagnostics.length <= max) return [...diagnostics];
  return [leftOutNote(max, diagnostics.length), ...mostSevere(diagnostics, max, (d) => d.severity ?? 1)];
}

/** The core's findings as published: limited first, so that only those sent are converted. */
export function publishedProblems(found: readonly Diagnostic[], uri: string, max: number): LspDiagnostic[] {
  if (found.length <= max) return found.map((d) => toLspDiagnostic(d, uri));
  return [leftOutNote(max, found.length), ...mostSevere(found, max, (d) => SEVERITY[d.severity]).map((d) => toLspDiagnostic(d, uri))];
}
