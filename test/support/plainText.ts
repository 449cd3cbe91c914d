/**
 * A plain string model of a document for tests: positions worked out by counting line breaks
 * (`\n`, `\r\n`, a lone `\r`) in the text before an offset. Slow and obviously right.
 */
export interface PlainPosition {
  line: number;
  character: number;
}

const BREAK = /\r\n|\r|\n/g;

/** The position of an offset; an offset between the `\r` and `\n` of a break is moved before the `\r`. */
export function plainPositionAt(text: string, offset: number): PlainPosition {
  let at = Math.max(0, Math.min(offset, text.length));
  if (at > 0 && text[at - 1] === '\r' && text[at] === '\n') at--;
  const before = text.slice(0, at);
  let line = 0;
  let lineStart = 0;
  for (const match of before.matchAll(BREAK)) {
    line++;
    lineStart = (match.index ?? 0) + match[0].length;
  }
  return { line, character: at - lineStart };
}

/** The offset `plainPositionAt` gives the position of (the same offset, moved off a `\r\n`). */
export function plainOffset(text: string, offset: number): number {
  const at = Math.max(0, Math.min(offset, text.length));
  return at > 0 && text[at - 1] === '\r' && text[at] === '\n' ? at - 1 : at;
}
