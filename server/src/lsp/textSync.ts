/**
 * The text of an open document, kept in step with the client's edits. LSP sends edits as ranges
 * of (line, UTF-16 character) positions, where a line ends at `\n`, `\r\n` or a lone `\r`. Each
 * edit is placed with the line breaks of the text as it is at that moment, so an edit that joins
 * a `\r` and a `\n` into one break, or splits one, moves every later line as it should.
 * Positions past the end of a line mean its end (before the break), lines past the end of the
 * text mean the end of the text; nothing a client sends can lose text outside the range it names.
 */
import type { Position, Range } from '../core';
import type { OffsetEdit } from '../core/edits/apply';
import { newlineStarts } from '../core/syntax/lineIndex';
import type { TextSource } from '../core/syntax/textSource';
import { PieceText } from './pieceText';

export interface ContentChange {
  /** Absent: `text` is the whole new text. */
  range?: Range;
  text: string;
}

/** The offsets where each line starts, for one text. */
function lineStarts(text: string): Uint32Array {
  if (text.indexOf('\r') < 0) return newlineStarts(text);
  let starts = new Uint32Array(64 + (text.length >> 5));
  let count = 0;
  const add = (offset: number): void => {
    if (count === starts.length) {
      const grown = new Uint32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = offset;
  };
  add(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      add(i + 1);
    } else if (c === 10 /* \n */) add(i + 1);
  }
  return starts.slice(0, count);
}

/**
 * The line starts of the text `old` becomes when `[start, end)` of it is replaced by `inserted`,
 * made from `starts`, those of `old`. Whether a line starts at an offset depends on the characters
 * just before and at it, so the starts before the edit stay, those after it move by the change
 * in length, and only those in the new characters (and just after them) are looked for again:
 * a keystroke in a large document does not count its lines again. The new text is not read (it
 * is read from `old` and `inserted`): joining it into one string is left to whoever reads it.
 */
function startsAfterEdit(old: PieceText, starts: Uint32Array, start: number, end: number, inserted: string): Uint32Array {
  const length = inserted.length;
  const shift = length - (end - start);
  const newLength = old.length + shift;
  /** The character at `offset` of the new text (NaN past its end). */
  const at = (offset: number): number => (offset < start ? old.charCodeAt(offset) : offset < start + length ? inserted.charCodeAt(offset - start) : old.charCodeAt(offset - shift));
  // A line starts after a `\n`, or after a `\r` that no `\n` follows.
  const startsLine = (offset: number): boolean => {
    const before = at(offset - 1);
    return before === 10 || (before === 13 && (offset >= newLength || at(offset) !== 10));
  };
  // The starts before the edit stay (found by binary search), those in the new characters (and
  // just after them) are looked for, those after the edit move.
  let low = 1;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid] < start) low = mid + 1;
    else high = mid;
  }
  const found: number[] = [];
  const last = Math.min(start + length, newLength);
  for (let offset = Math.max(start, 1); offset <= last; offset++) if (startsLine(offset)) found.push(offset);
  let after = low;
  while (after < starts.length && starts[after] <= end) after++;
  const next = new Uint32Array(low + found.length + (starts.length - after));
  next.set(starts.subarray(0, low));
  next.set(found, low);
  let k = low + found.length;
  for (let i = after; i < starts.length; i++) next[k++] = starts[i] + shift;
  return next;
}

/** The end of a line's content: its next line's start less the break, or the end of the text. */
function lineEnd(text: PieceText, starts: Uint32Array, line: number): number {
  if (line + 1 >= starts.length) return text.length;
  let end = starts[line + 1];
  if (text.charCodeAt(end - 1) === 10) end--;
  if (end > starts[line] && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

function offsetAt(text: PieceText, starts: Uint32Array, position: Position): number {
  const line = Math.max(0, position.line);
  if (line >= starts.length) return text.length;
  const start = starts[line];
  return Math.min(start + Math.max(0, position.character), lineEnd(text, starts, line));
}

/** A text and the offsets where its lines start. */
interface Lines {
  text: PieceText;
  starts: Uint32Array;
}

/**
 * What changed, as one span: the old text's [start, oldEnd) became the new text's [start, newEnd).
 * Each edit widens it: an edit of [a, b) of the text as it is, with `length` characters, makes it
 * start at the first of the two, end in the old text as far as b reaches past it, and end in the
 * new text where the edit's text ends or where it ended, moved by the edit.
 */
export interface Span {
  start: number;
  oldEnd: number;
  newEnd: number;
}

function widened(span: Span | undefined, a: number, b: number, length: number): Span {
  if (!span) return { start: a, oldEnd: b, newEnd: a + length };
  return { start: Math.min(span.start, a), oldEnd: span.oldEnd + Math.max(0, b - span.newEnd), newEnd: Math.max(span.newEnd, b) + length - (b - a) };
}

/** One span after another: what both changed, from the text before the first to the text after the second. */
export function thenSpan(first: Span | undefined, then: Span): Span {
  return widened(first, then.start, then.oldEnd, then.newEnd - then.start);
}

/** A span as the edit of the old text that gives `text`, the new one (see revisedTree()). */
export function spanEdit(span: Span, text: TextSource): OffsetEdit {
  return { start: span.start, end: span.oldEnd, text: text.slice(span.start, span.newEnd) };
}

/** The text and its line starts after the changes, applied in order as LSP says, and the span they changed. */
function applyChanges(lines: Lines, changes: readonly ContentChange[]): Lines & { span: Span | undefined } {
  let { text, starts } = lines;
  let span: Span | undefined;
  for (const change of changes) {
    if (!change.range) {
      span = widened(span, 0, text.length, change.text.length);
      text = PieceText.of(change.text);
      starts = lineStarts(change.text);
      continue;
    }
    let start = offsetAt(text, starts, change.range.start);
    let end = offsetAt(text, starts, change.range.end);
    if (end < start) [start, end] = [end, start];
    span = widened(span, start, end, change.text.length);
    starts = startsAfterEdit(text, starts, start, end, change.text);
    text = text.replaced(start, end, change.text);
  }
  return { text, starts, span };
}

/** The text after the changes, applied in order as LSP says. */
export function applyContentChanges(text: string, changes: readonly ContentChange[]): string {
  return applyChanges({ text: PieceText.of(text), starts: lineStarts(text) }, changes).text.toString();
}

/** The lines of a text as LSP counts them (`\n`, `\r\n` and a lone `\r` end a line). */
function countLines(text: string): number {
  let count = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}

/** The changes that made a version of a document from the version `from`. */
export interface TextChanges {
  readonly from: number;
  readonly changes: readonly ContentChange[];
  /** All they changed, as one span (none when there were no changes): the old text's [start, oldEnd) is the new text's [start, newEnd). */
  readonly span?: Span;
}

/**
 * An open document: its text and the version the client gave it. The text is joined into one
 * string only when read (see pieceText.ts): typing in a large document costs what the edits touch
 * until something reads it whole.
 */
export class OpenText {
  private readonly text: PieceText;
  private lines: number | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    text: string | PieceText,
    /** Where the text's lines start, when known (they are counted at the first edit). */
    private readonly starts?: Uint32Array,
    /** The changes that made this version from the one before, when it came from a didChange. */
    readonly changes?: TextChanges,
  ) {
    this.text = typeof text === 'string' ? PieceText.of(text) : text;
  }

  getText(): string {
    return this.text.toString();
  }

  /** The text as it is kept, to be read in parts (see pieceText.ts). */
  get source(): TextSource {
    return this.text;
  }

  /** The length of the text, in UTF-16 code units, without reading it. */
  get length(): number {
    return this.text.length;
  }

  /** The number of lines (a text without a line break has one), counted once, without keeping where they start. */
  get lineCount(): number {
    return (this.lines ??= this.starts?.length ?? countLines(this.text.toString()));
  }

  /** The document after a didChange: a new value, this one unchanged. */
  update(changes: readonly ContentChange[], version: number): OpenText {
    const next = applyChanges({ text: this.text, starts: this.starts ?? lineStarts(this.text.toString()) }, changes);
    return new OpenText(this.uri, this.languageId, version, next.text, next.starts, { from: this.version, changes, ...(next.span ? { span: next.span } : {}) });
  }
}
