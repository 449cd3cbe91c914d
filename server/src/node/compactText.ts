import type { TextSource } from '../core/syntax/textSource';
import type { SyntaxTree } from '../core/syntax/syntaxTree';
import { ParsedTree } from '../core/syntax/parsedTree';
import { readableInParts } from '../core/syntax/reparse';

/**
 * A long text held at one byte a character where it can be. The engine keeps a string at two
 * bytes a character as soon as one of them is past U+00FF: a unit of 100 MB with one `—` in each
 * service's description held 200 MB for its text alone. Here the text is kept in parts of one byte
 * a character, each of those characters written there as a stand-in and kept aside, at its place,
 * to be put back in whatever is read. Read in parts only (see textSource.ts): joined into one string,
 * it would be at two bytes a character again.
 */

/** Characters a part holds: parts are small enough to be ordinary strings of the engine's heap. */
const PART_BITS = 16;
const PART = 1 << PART_BITS;

/** The first character past the one-byte range. */
const WIDE = /[^\x00-\xff]/g;

export class CompactText implements TextSource {
  readonly length: number;
  /** The text at one byte a character, in parts of `PART` characters (the last may be shorter). */
  readonly #parts: readonly string[];
  /** Where the characters past U+00FF are, in order, and what they are (UTF-16 code units). */
  readonly #wideAt: Uint32Array;
  readonly #wide: Uint16Array;

  private constructor(length: number, parts: readonly string[], wideAt: Uint32Array, wide: Uint16Array) {
    this.length = length;
    this.#parts = parts;
    this.#wideAt = wideAt;
    this.#wide = wide;
  }

  /**
   * `text` held compactly, when it has a character past U+00FF (otherwise the engine keeps it at
   * one byte a character already, and it is undefined). The parts are made one after the other:
   * meanwhile, what they take is added to what `text` takes, never twice that.
   */
  static of(text: string): CompactText | undefined {
    WIDE.lastIndex = 0;
    let count = 0;
    while (WIDE.test(text)) count++;
    if (count === 0) return undefined;
    const wideAt = new Uint32Array(count);
    const wide = new Uint16Array(count);
    WIDE.lastIndex = 0;
    for (let i = 0; i < count; i++) {
      WIDE.test(text);
      const at = WIDE.lastIndex - 1;
      wideAt[i] = at;
      wide[i] = text.charCodeAt(at);
    }
    const parts = new Array<string>(Math.ceil(text.length / PART));
    // A character's low byte stands in for it: whatever is read there is put back from `wide`.
    for (let p = 0; p < parts.length; p++) parts[p] = Buffer.from(text.slice(p * PART, (p + 1) * PART), 'latin1').toString('latin1');
    return new CompactText(text.length, parts, wideAt, wide);
  }

  /** How many characters are past U+00FF. */
  get wideCount(): number {
    return this.#wide.length;
  }

  /** The characters from `start` up to `end` (clamped to the text, as String.slice with offsets that are not negative). */
  slice(start: number, end: number): string {
    start = Math.max(0, Math.min(start, this.length));
    end = Math.max(start, Math.min(end, this.length));
    const narrow = this.#narrow(start, end);
    // The first character past U+00FF at or after `start`.
    const wideAt = this.#wideAt;
    let low = 0;
    let high = wideAt.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (wideAt[mid] < start) low = mid + 1;
      else high = mid;
    }
    if (low === wideAt.length || wideAt[low] >= end) return narrow;
    let value = '';
    let from = start;
    for (let i = low; i < wideAt.length && wideAt[i] < end; i++) {
      value += narrow.slice(from - start, wideAt[i] - start) + String.fromCharCode(this.#wide[i]);
      from = wideAt[i] + 1;
    }
    return value + narrow.slice(from - start);
  }

  /** The text as one string: at two bytes a character again (see above). */
  toString(): string {
    return this.slice(0, this.length);
  }

  /** `[start, end)` from the parts, with the stand-ins. */
  #narrow(start: number, end: number): string {
    const parts = this.#parts;
    const first = start >>> PART_BITS;
    const last = end === start ? first : (end - 1) >>> PART_BITS;
    if (first === last) return parts[first]?.slice(start - first * PART, end - first * PART) ?? '';
    let value = parts[first].slice(start - first * PART);
    for (let p = first + 1; p < last; p++) value += parts[p];
    return value + parts[last].slice(0, end - last * PART);
  }
}

const ANYWHERE = /(?:)/;

/** Texts from this many characters on are held compactly once parsed (see `holdCompactly`). */
export const COMPACT_FROM = 1 << 20;

/**
 * Holds a parsed text of at least `from` characters compactly when it has a character past
 * U+00FF: its tree then reads it through a CompactText, and the string it was parsed from is let
 * go by the tree (the caller lets go of its own). Whatever reads the whole text later joins it into
 * one string again; a check reads it in parts. Returns whether the text is now held compactly.
 */
export function holdCompactly(tree: SyntaxTree, from = COMPACT_FROM): boolean {
  if (!(tree instanceof ParsedTree) || tree.lines.length < from || !tree.lines.joined) return false;
  const compact = CompactText.of(tree.lines.text);
  if (compact === undefined) return false;
  // What a fix's trial asks of the whole text, worked out while it is one string.
  readableInParts(tree);
  tree.rehome(tree.lines.over(compact));
  // The engine keeps the text of the last match of a regular expression (RegExp.input): a match
  // on an empty one lets go of the long text.
  ANYWHERE.test('');
  return true;
}
