/**
 * The text of an open document, kept in step with the client's edits. LSP sends edits as ranges
 * of (line, UTF-16 character) positions, where a line ends at `\n`, `\r\n` or a lone `\r`. Each
 * edit is placed with the line breaks of the text as it is at that moment, so an edit that joins
 * a `\r` and a `\n` into one break, or splits one, moves every later line as it should.
 * Positions past the end of a line mean its end (before the break), lines past the end of the
 * text mean the end of the text; nothing a client sends can lose text outside the range it names.
 */
import type { Position, Range } from '../core';

export interface ContentChange {
  /** Absent: `text` is the whole new text. */
  range?: Range;
  text: string;
}

/** The offsets where each line starts, for one text. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) starts.push(i + 1);
  }
  return starts;
}

/**
 * The line starts of the text `old` becomes when `[start, end)` of it is replaced by `inserted`,
 * made from `starts`, those of `old`. Whether a line starts at an offset depends on the characters
 * just before and at it, so the starts before the edit stay, those after it move by the change
 * in length, and only those in the new characters (and just after them) are looked for again:
 * a keystroke in a large document does not count its lines again. The new text is not read (it
 * is read from `old` and `inserted`): joining it into one string is left to whoever reads it.
 */
function startsAfterEdit(old: string, starts: readonly number[], start: number, end: number, inserted: string): number[] {
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
  const next = [0];
  let i = 1;
  for (; i < starts.length && starts[i] < start; i++) next.push(starts[i]);
  const last = Math.min(start + length, newLength);
  for (let offset = Math.max(start, 1); offset <= last; offset++) if (startsLine(offset)) next.push(offset);
  while (i < starts.length && starts[i] <= end) i++;
  for (; i < starts.length; i++) next.push(starts[i] + shift);
  return next;
}

/** The end of a line's content: its next line's start less the break, or the end of the text. */
function lineEnd(text: string, starts: readonly number[], line: number): number {
  if (line + 1 >= starts.length) return text.length;
  let end = starts[line + 1];
  if (text.charCodeAt(end - 1) === 10) end--;
  if (end > starts[line] && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

function offsetAt(text: string, starts: readonly number[], position: Position): number {
  const line = Math.max(0, position.line);
  if (line >= starts.length) return text.length;
  const start = starts[line];
  return Math.min(start + Math.max(0, position.character), lineEnd(text, starts, line));
}

/** A text and the offsets where its lines start. */
interface Lines {
  text: string;
  starts: readonly number[];
}

/** The text and its line starts after the changes, applied in order as LSP says. */
function applyChanges(lines: Lines, changes: readonly ContentChange[]): Lines {
  let { text, starts } = lines;
  for (const change of changes) {
    if (!change.range) {
      text = change.text;
      starts = lineStarts(text);
      continue;
    }
    let start = offsetAt(text, starts, change.range.start);
    let end = offsetAt(text, starts, change.range.end);
    if (end < start) [start, end] = [end, start];
    starts = startsAfterEdit(text, starts, start, end, change.text);
    text = text.slice(0, start) + change.text + text.slice(end);
  }
  return { text, starts };
}

/** The text after the changes, applied in order as LSP says. */
export function applyContentChanges(text: string, changes: readonly ContentChange[]): string {
  return applyChanges({ text, starts: lineStarts(text) }, changes).text;
}

/** The changes that made a version of a document from the version `from`. */
export interface TextChanges {
  readonly from: number;
  readonly changes: readonly ContentChange[];
}

/** An open document: its text and the version the client gave it. */
export class OpenText {
  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    private readonly text: string,
    /** Where the text's lines start, when known (they are counted at the first edit). */
    private readonly starts?: readonly number[],
    /** The changes that made this version from the one before, when it came from a didChange. */
    readonly changes?: TextChanges,
  ) {}

  getText(): string {
    return this.text;
  }

  /** The document after a didChange: a new value, this one unchanged. */
  update(changes: readonly ContentChange[], version: number): OpenText {
    const next = applyChanges({ text: this.text, starts: this.starts ?? lineStarts(this.text) }, changes);
    return new OpenText(this.uri, this.languageId, version, next.text, next.starts, { from: this.version, changes });
  }
}
