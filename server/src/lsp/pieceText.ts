/**
 * A text kept as the pieces edits made of it, joined into one string only when someone reads it
 * whole. Replacing characters in a JavaScript string copies all of it (the engine joins the parts
 * the first time anything reads them): a keystroke in a document of megabytes would cost a copy of
 * megabytes on the server's main thread, before anything asks for the text. Here an edit costs the
 * number of pieces, and reading one character a binary search over them.
 */

/** Past this many pieces, an edit joins them first (reading a character stays quick). */
const MAX_PIECES = 256;

export class PieceText {
  /** The pieces, in order, none empty (an empty text has none), and where each ends. */
  private pieces: readonly string[];
  private ends: readonly number[];

  private constructor(pieces: readonly string[], ends: readonly number[]) {
    this.pieces = pieces;
    this.ends = ends;
  }

  static of(text: string): PieceText {
    return text.length === 0 ? new PieceText([], []) : new PieceText([text], [text.length]);
  }

  get length(): number {
    return this.ends.length === 0 ? 0 : this.ends[this.ends.length - 1];
  }

  /** How many pieces the text is in (1 once it was read whole). */
  get pieceCount(): number {
    return this.pieces.length;
  }

  /** The piece holding `offset` (the number of pieces when past the end). */
  private pieceAt(offset: number): number {
    let low = 0;
    let high = this.ends.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.ends[mid] <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The UTF-16 code unit at `offset`, NaN outside the text, as String.charCodeAt. */
  charCodeAt(offset: number): number {
    if (!(offset >= 0 && offset < this.length)) return NaN;
    const k = this.pieceAt(offset);
    return this.pieces[k].charCodeAt(offset - (k === 0 ? 0 : this.ends[k - 1]));
  }

  /** The characters from `start` up to `end`, as String.slice with offsets inside the text. */
  slice(start: number, end: number): string {
    if (end <= start) return '';
    const first = this.pieceAt(start);
    // Most slices are a line or a value, inside one piece: cut from it, with no list to join.
    if (first < this.pieces.length && end <= this.ends[first]) {
      const from = first === 0 ? 0 : this.ends[first - 1];
      return this.pieces[first].slice(Math.max(0, start - from), end - from);
    }
    const parts: string[] = [];
    for (let k = first; k < this.pieces.length; k++) {
      const from = k === 0 ? 0 : this.ends[k - 1];
      if (from >= end) break;
      parts.push(this.pieces[k].slice(Math.max(0, start - from), end - from));
    }
    return parts.join('');
  }

  /** The text with `[start, end)` replaced by `text`: a new value, this one unchanged. */
  replaced(start: number, end: number, text: string): PieceText {
    const base = this.pieces.length >= MAX_PIECES ? PieceText.of(this.toString()) : this;
    const pieces: string[] = [];
    const ends: number[] = [];
    const add = (piece: string): void => {
      if (piece.length === 0) return;
      pieces.push(piece);
      ends.push((ends.length === 0 ? 0 : ends[ends.length - 1]) + piece.length);
    };
    const first = base.pieceAt(start);
    for (let k = 0; k < first; k++) add(base.pieces[k]);
    if (first < base.pieces.length) {
      const from = first === 0 ? 0 : base.ends[first - 1];
      add(base.pieces[first].slice(0, start - from));
    }
    add(text);
    const last = base.pieceAt(end);
    if (last < base.pieces.length) {
      const from = last === 0 ? 0 : base.ends[last - 1];
      add(base.pieces[last].slice(end - from));
      for (let k = last + 1; k < base.pieces.length; k++) add(base.pieces[k]);
    }
    return new PieceText(pieces, ends);
  }

  /** The whole text, joined once (the pieces are then that one string). */
  toString(): string {
    if (this.pieces.length === 1) return this.pieces[0];
    if (this.pieces.length === 0) return '';
    const whole = this.pieces.join('');
    this.pieces = [whole];
    this.ends = [whole.length];
    return whole;
  }
}
