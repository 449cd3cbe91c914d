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

/** Whether a line starts at `offset` (past 0): after a `\n`, or after a `\r` that no `\n` follows. */
function startsLine(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  return before === 10 || (before === 13 && text.charCodeAt(offset) !== 10);
}

/**
 * The line starts of `text`, made from `starts`, those of the text before `[start, end)` of it was
 * replaced by `length` characters. Whether a line starts at an offset depends on the characters
 * just before and at it, so the starts before the edit stay, those after it move by the change
 * in length, and only those in the new characters (and just after them) are looked for again:
 * a keystroke in a large document does not count its lines again.
 */
function startsAfterEdit(text: string, starts: readonly number[], start: number, end: number, length: number): number[] {
  const next = [0];
  let i = 1;
  for (; i < starts.length && starts[i] < start; i++) next.push(starts[i]);
  const last = Math.min(start + length, text.length);
  for (let offset = Math.max(start, 1); offset <= last; offset++) if (startsLine(text, offset)) next.push(offset);
  const shift = length - (end - start);
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
    text = text.slice(0, start) + change.text + text.slice(end);
    starts = startsAfterEdit(text, starts, start, end, change.text.length);
  }
  return { text, starts };
}

/** The text after the changes, applied in order as LSP says. */
export function applyContentChanges(text: string, changes: readonly ContentChange[]): string {
  return applyChanges({ text, starts: lineStarts(text) }, changes).text;
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
  ) {}

  getText(): string {
    return this.text;
  }

  /** The document after a didChange: a new value, this one unchanged. */
  update(changes: readonly ContentChange[], version: number): OpenText {
    const next = applyChanges({ text: this.text, starts: this.starts ?? lineStarts(this.text) }, changes);
    return new OpenText(this.uri, this.languageId, version, next.text, next.starts);
  }
}
