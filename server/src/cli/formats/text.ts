import type { Diagnostic } from '../../core';
import type { Formatter, Write } from './report';
import { terminalLine, terminalText } from '../terminalText';

/** About this many characters are written at a time: a large report is never held whole. */
const CHUNK = 64 * 1024;

/**
 * `path:line:col: severity: message [code]` as compilers print, one line per
 * diagnostic. Lines and columns are 1-based; columns count UTF-16 code units
 * (as editors and the Language Server Protocol do). What came from the file is shown as
 * `terminalText` says.
 */
export function writeText(path: string, diagnostics: readonly Diagnostic[], write: Write): void {
  const shownPath = terminalLine(path);
  let chunk = '';
  for (const d of diagnostics) {
    chunk += `${shownPath}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${terminalText(oneLine(d.message))} [${d.code}]\n`;
    if (chunk.length >= CHUNK) {
      write(chunk);
      chunk = '';
    }
  }
  if (chunk) write(chunk);
}

/** The text lines of `diagnostics` as one string. */
export function formatText(path: string, diagnostics: readonly Diagnostic[]): string {
  const parts: string[] = [];
  writeText(path, diagnostics, (text) => void parts.push(text));
  return parts.join('');
}

/** A message is printed on one line, whatever it holds. */
function oneLine(message: string): string {
  return message.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

export const textFormatter: Formatter = {
  showsFixes: false,
  printsAtEnd: false,
  file: (report, write) => writeText(report.path, report.diagnostics, write),
  end: () => undefined,
};
