import { spliceEdits, type OffsetEdit } from '../edits/apply';

/**
 * A text that can be read in parts without being joined into one string first: a string, or an
 * open document kept as the pieces its edits made (the server's PieceText). Joining a large text
 * copies all of it; a keystroke in it needs only the lines around the change.
 */
export interface TextSource {
  readonly length: number;
  /** The characters from `start` up to `end`, as String.slice with offsets inside the text. */
  slice(start: number, end: number): string;
  /** The whole text as one string. */
  toString(): string;
}

/**
 * `base` with edits applied (in its offsets, in text order, not overlapping), read in parts:
 * a fix tried on a large document reads only the lines around it, unless something asks for the
 * whole text, which is then joined once.
 */
export class SplicedText implements TextSource {
  readonly length: number;
  private joined: string | undefined;

  constructor(
    private readonly base: TextSource,
    private readonly edits: readonly OffsetEdit[],
  ) {
    let length = base.length;
    for (const edit of edits) length += edit.text.length - (edit.end - edit.start);
    this.length = length;
  }

  slice(start: number, end: number): string {
    if (this.joined !== undefined) return this.joined.slice(start, end);
    start = Math.max(0, Math.min(start, this.length));
    end = Math.max(start, Math.min(end, this.length));
    const parts: string[] = [];
    // `shift`: how far the new text has moved from the base's offsets so far.
    let shift = 0;
    let at = 0; // in the base
    const take = (from: number, to: number, read: (a: number, b: number) => string): void => {
      // [from, to) in new offsets; keep what falls in [start, end).
      const a = Math.max(from, start);
      const b = Math.min(to, end);
      if (a < b) parts.push(read(a - from, b - from));
    };
    for (const edit of this.edits) {
      const kept = at;
      take(kept + shift, edit.start + shift, (a, b) => this.base.slice(kept + a, kept + b));
      const newStart = edit.start + shift;
      take(newStart, newStart + edit.text.length, (a, b) => edit.text.slice(a, b));
      shift += edit.text.length - (edit.end - edit.start);
      at = edit.end;
      if (newStart >= end) break;
    }
    const rest = at;
    take(rest + shift, this.base.length + shift, (a, b) => this.base.slice(rest + a, rest + b));
    return parts.length === 1 ? parts[0] : parts.join('');
  }

  toString(): string {
    return (this.joined ??= spliceEdits(this.base.toString(), this.edits));
  }
}
