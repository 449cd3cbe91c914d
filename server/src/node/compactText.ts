import { isUtf8 } from 'node:buffer';
import type { TextSource } from '../core/syntax/textSource';
import type { SyntaxTree } from '../core/syntax/syntaxTree';
import { ParsedTree } from '../core/syntax/parsedTree';
import { readableInParts } from '../core/syntax/reparse';
import { parseStandIn } from '../core/syntax/parser';

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

  /**
   * The UTF-8 bytes that the characters of `[start, end)` past U+00FF take beyond the two of a
   * stand-in (see `standIn`): one for each from U+0800 on.
   */
  bytesBeyond(start: number, end: number): number {
    const wideAt = this.#wideAt;
    let i = firstAtOrAfter(wideAt, start);
    let bytes = 0;
    for (; i < wideAt.length && wideAt[i] < end; i++) if (this.#wide[i] >= 0x800) bytes++;
    return bytes;
  }

  /**
   * The text of a unit file's bytes held compactly, and a string that reads as it does but with
   * `STAND_IN` for each character past U+00FF, at one byte a character: the string the text's
   * parts are views of, which the parser reads in its stead (see `parsedCompactly`). The bytes are
   * decoded here, without the text ever being a string of two bytes a character. Undefined unless
   * the bytes are valid UTF-8 with a character past U+00FF and none that the parser reads otherwise
   * than a letter: a byte order mark, U+FFFD, a noncharacter, or one past U+FFFF (a surrogate pair,
   * which it checks).
   */
  static standIn(bytes: Uint8Array): { text: string; held: CompactText } | undefined {
    if (!isUtf8(bytes)) return undefined;
    const n = bytes.length;
    const out = Buffer.allocUnsafe(n);
    let wideAt = new Uint32Array(1024);
    let wide = new Uint16Array(1024);
    let count = 0;
    let j = 0;
    for (let i = 0; i < n; ) {
      const b = bytes[i];
      if (b < 0x80) {
        out[j++] = b;
        i++;
        continue;
      }
      let code: number;
      if (b < 0xe0) {
        code = ((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
        i += 2;
      } else if (b < 0xf0) {
        code = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
        i += 3;
      } else return undefined;
      if (code <= 0xff) {
        out[j++] = code;
        continue;
      }
      if (code === 0xfeff || code >= 0xfffd || (code >= 0xfdd0 && code <= 0xfdef)) return undefined;
      if (count === wide.length) {
        wideAt = grown(wideAt);
        wide = grown(wide);
      }
      wideAt[count] = j;
      wide[count++] = code;
      out[j++] = STAND_IN_CODE;
    }
    if (count === 0) return undefined;
    const text = out.toString('latin1', 0, j);
    const parts = new Array<string>(Math.ceil(j / PART));
    for (let p = 0; p < parts.length; p++) parts[p] = text.slice(p * PART, (p + 1) * PART);
    return { text, held: new CompactText(j, parts, wideAt.slice(0, count), wide.slice(0, count)) };
  }

  /** The characters from `start` up to `end` (clamped to the text, as String.slice with offsets that are not negative). */
  slice(start: number, end: number): string {
    start = Math.max(0, Math.min(start, this.length));
    end = Math.max(start, Math.min(end, this.length));
    const narrow = this.#narrow(start, end);
    // The first character past U+00FF at or after `start`.
    const wideAt = this.#wideAt;
    const low = firstAtOrAfter(wideAt, start);
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

/** The index of the first of `places` (in order) at or after `at`. */
function firstAtOrAfter(places: Uint32Array, at: number): number {
  let low = 0;
  let high = places.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (places[mid] < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

function grown<T extends Uint32Array | Uint16Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

/**
 * What stands for a character past U+00FF in the string parsed in a text's stead: a letter the
 * parser reads as it reads them (no blank, mark, bracket, control or line break), of two UTF-8
 * bytes, as those up to U+07FF are (see `bytesBeyond` for the rest).
 */
const STAND_IN_CODE = 0xaa;
const STAND_IN = String.fromCharCode(STAND_IN_CODE);

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

/**
 * The tree of a text held compactly, parsed from its stand-in string (see `CompactText.standIn`),
 * and reading the text through it from then on. Undefined when the parser would have read the text
 * itself otherwise: when it found a problem (whose message may quote the text), or a key or a
 * section name with a stand-in; the caller then parses the text itself.
 */
export function parsedCompactly(standIn: { text: string; held: CompactText }): SyntaxTree | undefined {
  const { text, held } = standIn;
  const tree = parseStandIn(text, (start, end) => held.bytesBeyond(start, end));
  if (!(tree instanceof ParsedTree) || tree.diagnostics.length > 0) return undefined;
  for (const entry of tree.orphans) if (entry.key.includes(STAND_IN)) return undefined;
  for (const section of tree.sections) {
    if (section.name.includes(STAND_IN)) return undefined;
    for (const entry of section.entries) if (entry.key.includes(STAND_IN)) return undefined;
  }
  // What a fix's trial asks of the whole text, worked out while it is one string.
  readableInParts(tree);
  tree.rehome(tree.lines.over(held));
  return tree;
}
