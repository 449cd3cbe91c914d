import type { Diagnostic } from '../types';
import { LineIndex, dominantEol } from './lineIndex';
import { LONG_LINE_MAX, parseProblems, type ParseProblemCode } from './parseProblems';
import type { Comment, Entry, Section, SyntaxTree, ValueSegment } from './syntaxTree';

/**
 * Parses a unit file the way systemd's config parser reads it, keeping the
 * exact position (0-based line, UTF-16 character) of every header, key,
 * value and comment. Never throws: problems of form come back as diagnostics
 * on the tree.
 *
 * What systemd does, and so do we:
 * - lines end at `\n`, `\r`, `\r\n`, `\n\r` and at a NUL byte (a run of
 *   different line-break characters counts once; a NUL ends the run);
 * - a line of 1 MiB or more, or a continued line that grows past 1 MiB,
 *   makes the whole file fail to load;
 * - a line whose first non-blank character is `#` or `;` is a comment, also
 *   in the middle of a continued assignment (it is skipped there);
 * - the first line that starts with a UTF-8 byte order mark loses it (after
 *   the comment check, so a byte order mark before `#` is not a comment);
 * - a line ending in an unescaped backslash continues on the next line; the
 *   backslash becomes a space;
 * - blanks (space, tab) around keys, `=` and values are dropped, blanks
 *   inside are kept;
 * - a non-comment line that is not valid UTF-8 makes the file fail to load;
 * - a header must be `[Name]` with nothing after the bracket, and the name
 *   must hold no quotes, backslashes or control characters;
 * - lines before the first header are ignored, and so are lines without
 *   `=` and assignments without a key.
 */
export function parse(text: string): SyntaxTree {
  return new Parser(typeof text === 'string' ? text : String(text ?? '')).run();
}

/** A line as systemd reads it: `[start, end)` holds no line break and no NUL. */
interface RawLine {
  start: number;
  end: number;
}

/** A run of the logical line that comes from one stretch of the document. */
interface Piece {
  /** Index in the logical line. */
  at: number;
  /** Offset in the document. */
  offset: number;
  length: number;
  /** The space that stands for a continuation backslash. */
  joint: boolean;
}

interface LogicalLine {
  text: string;
  pieces: Piece[];
  /** Length in UTF-8 bytes, as systemd counts it against its line limit. */
  bytes: number;
  /** End of the last non-blank line before this one. */
  contentEndBefore: number;
  /** Offset of the last continuation backslash, when the line is continued. */
  lastJoint: number;
  /** The line grew past systemd's limit; it is reported and not read. */
  tooLong: boolean;
  /** The line started with the byte order mark systemd dropped. */
  afterBom: boolean;
}

const BLANK = (c: number): boolean => c === 32 || c === 9;
const MAX_DIAGNOSTICS_PER_CODE = 200;

class Parser {
  private readonly index: LineIndex;
  private readonly sections: Section[] = [];
  private readonly orphans: Entry[] = [];
  private readonly comments: Comment[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly counts = new Map<string, number>();
  private current: Section | undefined;
  /** End offset of the last non-blank line, for section ranges. */
  private lastContentEnd = 0;

  constructor(private readonly text: string) {
    this.index = new LineIndex(text);
  }

  run(): SyntaxTree {
    if (looksBinary(this.text)) {
      this.report('binary-content', 0, 0, 'This looks like binary data, not a unit file; nothing in it was read.');
      return this.tree();
    }
    this.reportNulBytes();

    const text = this.text;
    let pending: LogicalLine | undefined;
    let bomSeen = false;
    for (const record of splitRecords(text)) {
      let start = record.start;
      const end = record.end;

      const rawBytes = utf8Length(text, start, end);
      if (rawBytes >= LONG_LINE_MAX) {
        if (pending) this.handleLogicalLine(pending);
        pending = undefined;
        this.report(
          'line-too-long',
          start,
          end,
          `This line is ${rawBytes} bytes long; systemd refuses to load a file with a line of ${LONG_LINE_MAX} bytes or more.`,
        );
        this.lastContentEnd = end;
        continue;
      }

      let first = start;
      while (first < end && BLANK(text.charCodeAt(first))) first++;
      const c = text.charCodeAt(first);
      if (first < end && (c === 35 /* # */ || c === 59 /* ; */)) {
        let last = end;
        while (last > first && BLANK(text.charCodeAt(last - 1))) last--;
        this.comments.push({ text: text.slice(first, last), range: this.index.range(first, last) });
        this.lastContentEnd = last;
        continue;
      }

      let afterBom = false;
      if (text.charCodeAt(start) === 0xfeff) {
        if (!bomSeen) {
          bomSeen = true;
          afterBom = true;
          start++;
          if (first < start) first = start;
          while (first < end && BLANK(text.charCodeAt(first))) first++;
        } else {
          this.report(
            'stray-bom',
            start,
            start + 1,
            'A byte order mark at the start of this line: systemd drops only the first one and reads this one as part of the line.',
          );
        }
      }
      if (first === end && !pending) continue;

      const bytes = afterBom ? rawBytes - 3 : rawBytes;
      let logical = pending;
      if (!logical) {
        logical = {
          text: '',
          pieces: [],
          bytes: 0,
          contentEndBefore: this.lastContentEnd,
          lastJoint: -1,
          tooLong: false,
          afterBom,
        };
      } else if (!logical.tooLong && logical.bytes + bytes > LONG_LINE_MAX) {
        logical.tooLong = true;
        this.report(
          'line-too-long',
          logical.pieces[0].offset,
          end,
          `These continued lines join into ${logical.bytes + bytes} bytes; systemd refuses to load a file with a continued line over ${LONG_LINE_MAX} bytes.`,
        );
      }
      pending = undefined;
      logical.bytes += bytes;

      const continued = endsWithEscape(text, start, end);
      const textEnd = continued ? end - 1 : end;
      logical.pieces.push({ at: logical.text.length, offset: start, length: textEnd - start, joint: false });
      logical.text += text.slice(start, textEnd);
      if (first < end) {
        let last = end;
        while (last > first && BLANK(text.charCodeAt(last - 1))) last--;
        this.lastContentEnd = last;
      }

      if (continued) {
        logical.pieces.push({ at: logical.text.length, offset: end - 1, length: 1, joint: true });
        logical.text += ' ';
        logical.lastJoint = end - 1;
        pending = logical;
        continue;
      }
      this.handleLogicalLine(logical);
    }
    if (pending) {
      this.report(
        'continuation-at-end',
        pending.lastJoint,
        pending.lastJoint + 1,
        'The file ends with a line continuation: the backslash continues onto nothing.',
      );
      this.handleLogicalLine(pending);
    }
    this.closeSection(this.lastContentEnd);
    return this.tree();
  }

  private tree(): SyntaxTree {
    return {
      text: this.text,
      lines: this.index,
      sections: this.sections,
      orphans: this.orphans,
      comments: this.comments,
      diagnostics: this.diagnostics,
      hasBom: this.text.charCodeAt(0) === 0xfeff,
      eol: dominantEol(this.index.lines),
    };
  }

  private handleLogicalLine(line: LogicalLine): void {
    if (line.tooLong) return;
    const s = line.text;
    let a = 0;
    let b = s.length;
    while (a < b && BLANK(s.charCodeAt(a))) a++;
    while (b > a && BLANK(s.charCodeAt(b - 1))) b--;
    if (a === b) return;

    const startOffset = this.docOffset(line, a);
    const endOffset = this.docOffset(line, b - 1) + 1;
    const bad = invalidUnicodeAt(s, a, b);
    if (bad >= 0) {
      const at = this.docOffset(line, bad);
      const what = s.charCodeAt(bad) === 0xfffd ? 'a replacement character U+FFFD' : 'a character systemd does not accept as UTF-8';
      this.report(
        'invalid-utf8',
        at,
        at + (isSurrogatePair(s, bad) ? 2 : 1),
        `This line holds ${what}, so it was not valid UTF-8; systemd refuses to load a file with such a line outside comments.`,
      );
    }

    if (s.charCodeAt(a) === 91 /* [ */) {
      this.handleHeader(line, a, b);
      return;
    }

    const eq = s.indexOf('=', a);
    const hasEquals = eq >= 0 && eq < b;
    if (!this.current) {
      this.report(
        'assignment-outside-section',
        startOffset,
        endOffset,
        line.afterBom && (s.charCodeAt(a) === 35 || s.charCodeAt(a) === 59)
          ? 'systemd does not read this line as a comment because of the byte order mark before it; as it comes before the first [Section] header, systemd ignores it.'
          : 'This line comes before the first [Section] header; systemd ignores it.',
      );
    } else if (!hasEquals) {
      this.report(
        'missing-equals',
        startOffset,
        endOffset,
        'Expected a Key=value assignment, a [Section] header or a comment; systemd ignores this line.',
      );
      return;
    }
    if (!hasEquals) return;

    let ke = eq;
    while (ke > a && BLANK(s.charCodeAt(ke - 1))) ke--;
    if (ke === a) {
      if (this.current) {
        this.report('missing-key', startOffset, this.docOffset(line, eq) + 1, 'The assignment has no key before "="; systemd ignores it.');
      }
      return;
    }
    let vs = eq + 1;
    while (vs < b && BLANK(s.charCodeAt(vs))) vs++;

    const entry = this.makeEntry(line, a, ke, eq, vs, b);
    if (this.current) this.current.entries.push(entry);
    else this.orphans.push(entry);
  }

  private makeEntry(line: LogicalLine, ks: number, ke: number, eq: number, vs: number, ve: number): Entry {
    const keyStart = this.docOffset(line, ks);
    const keyEnd = this.docOffset(line, ke - 1) + 1;
    const eqOffset = this.docOffset(line, eq);
    if (this.pieceAt(line, ks) !== this.pieceAt(line, ke - 1)) {
      this.report('continuation-in-key', keyStart, keyEnd, 'A line continuation splits this key; systemd joins the parts with a space.');
    }

    const segments: ValueSegment[] = [];
    let valueStart = eqOffset + 1;
    let valueEnd = eqOffset + 1;
    if (vs < ve) {
      valueStart = this.docOffset(line, vs);
      valueEnd = this.docOffset(line, ve - 1) + 1;
      // Every piece from the one holding the value's first character to the
      // one holding its last, cut to the value: one per physical line, with
      // exactly one joint between two neighbours (empty lines give '').
      for (const piece of line.pieces) {
        if (piece.joint) continue;
        const pieceEnd = piece.at + piece.length;
        const inside = piece.length > 0 ? piece.at < ve && pieceEnd > vs : piece.at > vs && piece.at < ve;
        if (!inside) continue;
        const from = Math.max(vs, piece.at);
        const to = Math.min(ve, pieceEnd);
        const offset = piece.offset + (from - piece.at);
        segments.push({ text: this.text.slice(offset, offset + (to - from)), offset, range: this.index.range(offset, offset + (to - from)) });
      }
    }

    const endOffset = Math.max(valueEnd, eqOffset + 1);
    return {
      key: line.text.slice(ks, ke),
      keyRange: this.index.range(keyStart, keyEnd),
      equalsRange: this.index.range(eqOffset, eqOffset + 1),
      value: line.text.slice(vs, ve),
      valueRange: this.index.range(valueStart, valueEnd),
      segments,
      range: this.index.range(keyStart, endOffset),
      startOffset: keyStart,
      endOffset,
      valueOffset: valueStart,
      isEmpty: vs >= ve,
      isContinued: this.pieceAt(line, ks) !== this.pieceAt(line, Math.max(ke, ve) - 1),
      section: this.current,
    };
  }

  private handleHeader(line: LogicalLine, a: number, b: number): void {
    this.closeSection(line.contentEndBefore);
    const s = line.text;
    const headerStart = this.docOffset(line, a);
    const headerEnd = this.docOffset(line, b - 1) + 1;
    const wellFormed = b - a >= 2 && s.charCodeAt(b - 1) === 93; /* ] */
    const close = s.indexOf(']', a + 1);
    const hasClose = close >= 0 && close < b;
    const nameEnd = wellFormed ? b - 1 : hasClose ? close : b;
    const name = s.slice(a + 1, nameEnd);
    const nameStart = nameEnd > a + 1 ? this.docOffset(line, a + 1) : headerStart + 1;
    const nameStop = nameEnd > a + 1 ? this.docOffset(line, nameEnd - 1) + 1 : nameStart;

    if (!wellFormed) {
      this.report(
        'invalid-section-header',
        headerStart,
        headerEnd,
        `Invalid section header (${hasClose ? 'text after the closing "]"' : 'no closing "]"'}); systemd refuses to load a file with it.`,
      );
    } else if (!isSafeName(name)) {
      this.report(
        'bad-section-name',
        nameStart,
        nameStop,
        'The section name contains quotes, a backslash or control characters; systemd refuses to load the file.',
      );
    }

    this.current = {
      name,
      headerRange: this.index.range(headerStart, headerEnd),
      nameRange: this.index.range(nameStart, nameStop),
      range: this.index.range(headerStart, headerEnd),
      entries: [],
      malformed: !wellFormed,
    };
    this.sections.push(this.current);
  }

  private closeSection(contentEnd: number): void {
    const section = this.current;
    if (!section) return;
    const start = this.index.offsetAt(section.headerRange.start);
    section.range = this.index.range(start, Math.max(contentEnd, this.index.offsetAt(section.headerRange.end)));
  }

  /** Flags each run of NUL bytes: systemd ends the line at a NUL, so the editor and systemd see different lines. */
  private reportNulBytes(): void {
    const text = this.text;
    for (let at = text.indexOf('\0'); at >= 0; ) {
      let end = at + 1;
      while (text.charCodeAt(end) === 0) end++;
      this.report('nul-byte', at, end, 'A NUL byte: systemd ends the line here and reads what follows as a new line.');
      at = text.indexOf('\0', end);
    }
  }

  private pieceAt(line: LogicalLine, at: number): Piece {
    const pieces = line.pieces;
    let low = 0;
    let high = pieces.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (pieces[mid].at <= at) low = mid;
      else high = mid - 1;
    }
    return pieces[low];
  }

  private docOffset(line: LogicalLine, at: number): number {
    const piece = this.pieceAt(line, at);
    return piece.offset + Math.min(at - piece.at, Math.max(0, piece.length - 1));
  }

  private report(code: ParseProblemCode, start: number, end: number, message: string): void {
    const count = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, count);
    if (count > MAX_DIAGNOSTICS_PER_CODE) return;
    this.diagnostics.push({ range: this.index.range(start, end), severity: parseProblems[code].severity, code, message });
  }
}

/**
 * Splits the text into lines the way systemd's read_line() does: a line ends
 * at `\n`, `\r` or NUL; following break characters belong to the same line
 * break as long as each kind appears once and no NUL came before. So `\r\n`
 * and `\n\r` are one break, `\n\n` two, and `\0\n` two. No empty line is
 * produced after a final line break.
 */
function splitRecords(text: string): RawLine[] {
  const records: RawLine[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13 || c === 0) break;
      i++;
    }
    records.push({ start, end: i });
    let seen = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      const kind = c === 0 ? 1 : c === 10 ? 2 : c === 13 ? 4 : 0;
      if (kind === 0 || (seen & 1) !== 0 || (seen & kind) !== 0) break;
      seen |= kind;
      i++;
    }
  }
  return records;
}

/** Length of `text[start, end)` in UTF-8 bytes (a lone surrogate counts as the 3 bytes of U+FFFD). */
function utf8Length(text: string, start: number, end: number): number {
  let bytes = end - start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/**
 * Index of the first character in `s[start, end)` that shows the line was not
 * valid UTF-8 for systemd, or -1: U+FFFD (what a decoder puts in place of
 * broken bytes), a lone surrogate, or a noncharacter (U+FDD0..U+FDEF and
 * U+xFFFE/U+xFFFF), which systemd's UTF-8 check refuses.
 */
function invalidUnicodeAt(s: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800) continue;
    if (c <= 0xdbff) {
      const d = i + 1 < end ? s.charCodeAt(i + 1) : 0;
      if ((d & 0xfc00) !== 0xdc00) return i;
      const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
      if ((cp & 0xfffe) === 0xfffe) return i;
      i++;
    } else if (c <= 0xdfff) return i;
    else if (c === 0xfffd || c === 0xfffe || c === 0xffff || (c >= 0xfdd0 && c <= 0xfdef)) return i;
  }
  return -1;
}

function isSurrogatePair(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
}

/** Mostly NUL bytes or control characters in the first 64 KiB: not a text file. */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 65536);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nul++;
    else if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return nul >= 16 || (nul + control > 8 && (nul + control) * 10 > n);
}

/** Whether the line ends in a backslash that is not itself escaped. */
function endsWithEscape(text: string, start: number, end: number): boolean {
  let i = end;
  while (i > start && text.charCodeAt(i - 1) === 92 /* \ */) i--;
  return (end - i) % 2 === 1;
}

/** systemd's string_is_safe(): no control characters, quotes or backslashes. */
function isSafeName(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 32 || c === 127 || c === 34 || c === 39 || c === 92) return false;
  }
  return true;
}
