import type { Position, Range } from '../types';
import type { TextSource } from './textSource';

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
 *
 * Only the start offset of each line is kept, in a typed array; the line
 * objects of `lines` are built the first time someone asks for them.
 */
/**
 * The line starts of a spliced text past its first `keep` lines, read through the old text's
 * (see LineIndex.spliced()): a fix tried on a unit of millions of lines would otherwise copy them
 * all, for each fix tried.
 */
interface SplicedStarts {
  /** The starts of the lines the edit made, in the new text. */
  readonly made: Uint32Array;
  /** The old text's starts: those from `after` on are the lines after the edit, `delta` further on. */
  readonly old: Uint32Array;
  readonly after: number;
  readonly delta: number;
}

export class LineIndex implements TextSource {
  /** Start offset of each line; only the first `#keep` slots are used (the lines past them are `#splice`'s). */
  #starts: Uint32Array;
  #count: number;
  /** How many of the lines start where `#starts` says: all but those of `#splice`. */
  #keep: number;
  #splice: SplicedStarts | undefined;
  #lines: PhysicalLine[] | undefined;
  /** The line break most used in the text; worked out when first asked for, in a spliced text with `\r`. */
  #eol: string | undefined;
  /** The text as one string, once someone asked for it whole (or it came as one). */
  #text: string | undefined;
  /** The text in parts, until it is joined. */
  #source: TextSource | undefined;
  readonly length: number;
  /** Every line break is '\n': the text need not be read to find where a line ends. */
  #lfOnly: boolean;
  /** The text may hold a '\r'. */
  #crs: boolean;

  /**
   * `lineStarts`, when given, are the start offsets of the text's lines, for a text whose line
   * breaks are '\n', or '\r\n' too when `crs` (see spliced()), which is then not read until
   * someone asks for it whole; otherwise the text is read for them.
   */
  constructor(text: TextSource, lineStarts?: Uint32Array, crs = false) {
    this.length = text.length;
    if (lineStarts !== undefined) {
      this.#text = typeof text === 'string' ? text : undefined;
      this.#source = typeof text === 'string' ? undefined : text;
      this.#starts = lineStarts;
      this.#count = lineStarts.length;
      this.#keep = this.#count;
      this.#splice = undefined;
      this.#lines = undefined;
      this.#eol = crs ? undefined : '\n';
      this.#lfOnly = !crs;
      this.#crs = crs;
      return;
    }
    const whole: string = (this.#text = text.toString());
    this.#source = undefined;
    const n = whole.length;
    let starts: Uint32Array;
    let count = 1;
    // How many '\n', '\r\n' and '\r' breaks the text has, and the order in which the kinds first come.
    let lf = 0;
    let crlf = 0;
    let cr = 0;
    const order: number[] = [];
    this.#crs = whole.indexOf('\r') >= 0;
    this.#lfOnly = !this.#crs;
    if (!this.#crs) {
      // No carriage return: every break is a '\n'.
      starts = newlineStarts(whole);
      count = starts.length;
      lf = count - 1;
      if (lf > 0) order.push(0);
    } else {
      starts = new Uint32Array(Math.min(n, 64 + (n >> 5)) + 1);
      for (let i = 0; i < n; i++) {
        const c = whole.charCodeAt(i);
        if (c === 10 /* \n */) {
          if (lf++ === 0) order.push(0);
        } else if (c === 13 /* \r */) {
          if (whole.charCodeAt(i + 1) === 10) {
            if (crlf++ === 0) order.push(1);
            i++;
          } else if (cr++ === 0) order.push(2);
        } else continue;
        if (count === starts.length) starts = grow(starts);
        starts[count++] = i + 1;
      }
    }
    // Give back what the last doubling left unused.
    if (starts.length - count > 64 && starts.length > count + (count >> 3)) starts = starts.slice(0, count);
    this.#starts = starts;
    this.#count = count;
    this.#keep = count;
    this.#splice = undefined;
    this.#lines = undefined;
    // The most used kind; on a tie, the one that came first (as dominantEol() below).
    const counts = [lf, crlf, cr];
    let best = 0;
    let bestCount = 0;
    for (const kind of order) {
      if (counts[kind] > bestCount) {
        best = kind;
        bestCount = counts[kind];
      }
    }
    this.#eol = ['\n', '\r\n', '\r'][best];
  }

  /**
   * The index of `text`, which is `old.text` with `[from, oldEnd)` replaced by `text[from, newEnd)`,
   * made from `old`'s line starts: only the new part is read, and `text` is not joined into one
   * string until someone asks for it whole. Neither text may hold a '\r' but in a '\r\n'.
   */
  static spliced(old: LineIndex, text: TextSource, from: number, oldEnd: number, newEnd: number): LineIndex {
    const delta = newEnd - oldEnd;
    // The old starts are read, not copied: those of an index spliced itself are laid out first.
    const oldStarts = old.#flat();
    const oldCount = old.#count;
    const keep = old.lineOf(from) + 1; // the starts at or before `from`
    const after = old.lineOf(oldEnd) + 1; // the first start past `oldEnd`
    const insertedText = text.slice(from, newEnd);
    const inserted = newlineStarts(insertedText);
    const made = new Uint32Array(inserted.length - 1);
    for (let i = 0; i < made.length; i++) made[i] = from + inserted[i + 1];
    const index = new LineIndex(text, oldStarts.subarray(0, keep), old.#crs || insertedText.includes('\r'));
    index.#count = keep + made.length + (oldCount - after);
    if (index.#count > keep) index.#splice = { made, old: oldStarts, after, delta };
    return index;
  }

  /** The start of line `k`, one past the first `#keep`. */
  #splicedStart(k: number): number {
    const splice = this.#splice as SplicedStarts;
    const i = k - this.#keep;
    return i < splice.made.length ? splice.made[i] : splice.old[splice.after + i - splice.made.length] + splice.delta;
  }

  /** Every line's start in one array, made so once for an index spliced from another. */
  #flat(): Uint32Array {
    if (this.#splice !== undefined) {
      const starts = new Uint32Array(this.#count);
      starts.set(this.#starts.subarray(0, this.#keep));
      for (let k = this.#keep; k < this.#count; k++) starts[k] = this.#splicedStart(k);
      this.#starts = starts;
      this.#keep = this.#count;
      this.#splice = undefined;
    }
    return this.#starts;
  }

  /**
   * The same lines over `text`, which reads as this index's text does, character for character,
   * and is read in parts (see node/compactText.ts).
   */
  over(text: TextSource): LineIndex {
    if (text.length !== this.length) throw new RangeError(`a text of ${text.length} characters read as one of ${this.length}`);
    const index = new LineIndex(text, this.#flat().subarray(0, this.#count), this.#crs);
    index.#eol = this.#eol;
    index.#lfOnly = this.#lfOnly;
    return index;
  }

  /** The whole text, joined into one string the first time it is asked for. */
  get text(): string {
    if (this.#text === undefined) {
      this.#text = (this.#source as TextSource).toString();
      this.#source = undefined;
    }
    return this.#text;
  }

  /** The whole text (a line index is a text read in parts, see textSource.ts). */
  toString(): string {
    return this.text;
  }

  /** Whether the text may hold a '\r' (one that holds none says so). */
  get hasCarriageReturns(): boolean {
    return this.#crs;
  }

  /** The character code at `at`, without joining the text. */
  #codeAt(at: number): number {
    return this.#text !== undefined ? this.#text.charCodeAt(at) : this.slice(at, at + 1).charCodeAt(0);
  }

  /** Whether the text has been joined into one string (see spliced()). */
  get joined(): boolean {
    return this.#text !== undefined;
  }

  /** The characters from `start` up to `end`, without joining the text. */
  slice(start: number, end: number): string {
    return this.#text !== undefined ? this.#text.slice(start, end) : (this.#source as TextSource).slice(start, end);
  }

  /** Every physical line, in order; the last one has no line break. */
  get lines(): PhysicalLine[] {
    if (this.#lines === undefined) {
      const lines: PhysicalLine[] = [];
      for (let k = 0; k < this.#count; k++) lines.push({ start: this.lineStart(k), end: this.lineEnd(k), eol: this.eolOf(k) });
      this.#lines = lines;
    }
    return this.#lines;
  }

  /** How many physical lines the text has (at least one). */
  get lineCount(): number {
    return this.#count;
  }

  /** Start offset of line `k` (0 <= k < lineCount). */
  lineStart(k: number): number {
    return k < this.#keep ? this.#starts[k] : this.#splicedStart(k);
  }

  /** End offset of line `k` (0 <= k < lineCount), before its line break. */
  lineEnd(k: number): number {
    if (k + 1 >= this.#count) return this.length;
    const next = this.lineStart(k + 1);
    if (this.#lfOnly) return next - 1;
    // A '\n' ends either a '\n' or a '\r\n' break; anything else is a lone '\r'.
    if (this.#codeAt(next - 1) === 10) return this.#codeAt(next - 2) === 13 ? next - 2 : next - 1;
    return next - 1;
  }

  private eolOf(k: number): string {
    if (k + 1 >= this.#count) return '';
    if (this.#lfOnly) return '\n';
    const next = this.lineStart(k + 1);
    if (this.#codeAt(next - 1) === 10) return this.#codeAt(next - 2) === 13 ? '\r\n' : '\n';
    return '\r';
  }

  /** The line break most used in the text, '\n' when it has none (a tie goes to the kind seen first). */
  dominantEol(): string {
    // A spliced text with a '\r' is read whole for it, once.
    return (this.#eol ??= new LineIndex(this.text).dominantEol());
  }

  /** The line that holds offset `at` (already a whole number inside the text). */
  lineOf(at: number): number {
    const keep = this.#keep;
    let low = 0;
    let high = this.#count - 1;
    if (keep <= high && this.#splicedStart(keep) <= at) {
      low = keep;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (this.#splicedStart(mid) <= at) low = mid;
        else high = mid - 1;
      }
      return low;
    }
    const starts = this.#starts;
    high = Math.min(high, keep - 1);
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** The position of a string offset; offsets outside the text are clamped to it. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(toInteger(offset), this.length));
    const line = this.lineOf(clamped);
    return { line, character: Math.min(clamped, this.lineEnd(line)) - this.lineStart(line) };
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
    if (lineNumber >= this.#count) return this.length;
    return Math.min(this.lineStart(lineNumber) + Math.max(0, toInteger(position?.character)), this.lineEnd(lineNumber));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  textAt(range: Range): string {
    return this.slice(this.offsetAt(range?.start), this.offsetAt(range?.end));
  }
}

/**
 * The start offset of each line of a text whose only line break is '\n' (0 first): counted, then
 * written, each break found by the engine's own search. It runs once per text, so a loop over
 * every character would never be optimized (10 ms for a 50,000-line unit).
 */
export function newlineStarts(text: string): Uint32Array {
  let count = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  const starts = new Uint32Array(count);
  let k = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts[k++] = at + 1;
  return starts;
}

function grow(starts: Uint32Array): Uint32Array {
  const bigger = new Uint32Array(starts.length * 2);
  bigger.set(starts);
  return bigger;
}

/** Whole numbers pass; fractions are cut, NaN and non-numbers become 0, infinities stay. */
function toInteger(value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return 0;
  return Math.trunc(value);
}

export function splitLines(text: string): PhysicalLine[] {
  return new LineIndex(text).lines;
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
