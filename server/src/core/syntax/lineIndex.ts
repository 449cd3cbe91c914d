import type { Position, Range } from '../types';

/** One physical line of a document: `[start, end)` excludes the line break. */
export interface PhysicalLine {
  start: number;
  end: number;
  /** The line break after the line: '\n', '\r\n', '\r' or '' at the end of the text. */
  eol: string;
}

/**
 * Maps string offsets to LSP positions and back. Lines break at `\n`, `\r\n`
 * and a lone `\r`, as in the Language Server Protocol.
 */
export class LineIndex {
  readonly lines: PhysicalLine[];

  constructor(readonly text: string) {
    this.lines = splitLines(text);
  }

  /** The position of a string offset; offsets outside the text are clamped to it. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(toInteger(offset), this.text.length));
    let low = 0;
    let high = this.lines.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lines[mid].start <= clamped) low = mid;
      else high = mid - 1;
    }
    const line = this.lines[low];
    return { line: low, character: Math.min(clamped, line.end) - line.start };
  }

  /**
   * The string offset of a position. Lines before the first give 0, lines
   * after the last the text's end; characters are clamped to the line (a
   * position past the end of a line means its end, not the next line).
   * Malformed positions (fractions, NaN, missing fields) never throw.
   */
  offsetAt(position: Position): number {
    const lineNumber = toInteger(position?.line);
    if (lineNumber < 0) return 0;
    if (lineNumber >= this.lines.length) return this.text.length;
    const line = this.lines[lineNumber];
    return Math.min(line.start + Math.max(0, toInteger(position?.character)), line.end);
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  textAt(range: Range): string {
    return this.text.slice(this.offsetAt(range?.start), this.offsetAt(range?.end));
  }
}

/** Whole numbers pass; fractions are cut, NaN and non-numbers become 0, infinities stay. */
function toInteger(value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return 0;
  return Math.trunc(value);
}

export function splitLines(text: string): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      lines.push({ start, end: i, eol: '\n' });
      start = i + 1;
    } else if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) {
        lines.push({ start, end: i, eol: '\r\n' });
        i++;
      } else {
        lines.push({ start, end: i, eol: '\r' });
      }
      start = i + 1;
    }
  }
  lines.push({ start, end: n, eol: '' });
  return lines;
}

/** The line break most used in the text, '\n' when it has none. */
export function dominantEol(lines: readonly PhysicalLine[]): string {
  const counts = new Map<string, number>();
  for (const line of lines) if (line.eol) counts.set(line.eol, (counts.get(line.eol) ?? 0) + 1);
  let best = '\n';
  let bestCount = 0;
  for (const [eol, count] of counts) {
    if (count > bestCount) {
      best = eol;
      bestCount = count;
    }
  }
  return best;
}
