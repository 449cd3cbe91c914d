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

/** The text after the changes, applied in order as LSP says. */
export function applyContentChanges(text: string, changes: readonly ContentChange[]): string {
  let current = text;
  for (const change of changes) {
    if (!change.range) {
      current = change.text;
      continue;
    }
    const starts = lineStarts(current);
    let start = offsetAt(current, starts, change.range.start);
    let end = offsetAt(current, starts, change.range.end);
    if (end < start) [start, end] = [end, start];
    current = current.slice(0, start) + change.text + current.slice(end);
  }
  return current;
}

/** An open document: its text and the version the client gave it. */
export class OpenText {
  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    private readonly text: string,
  ) {}

  getText(): string {
    return this.text;
  }

  /** The document after a didChange: a new value, this one unchanged. */
  update(changes: readonly ContentChange[], version: number): OpenText {
    return new OpenText(this.uri, this.languageId, version, applyContentChanges(this.text, changes));
  }
}
