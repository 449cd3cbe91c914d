import type { Diagnostic } from '../types';
import { LineIndex } from './lineIndex';
import { LISTED_PER_KIND, LONG_LINE_MAX, parseProblems, withUnlisted, type ParseProblemCode } from './parseProblems';
import { CommentListBuilder, type CommentList } from './commentList';
import { ParsedTree } from './parsedTree';
import type { Entry, Section, SyntaxTree } from './syntaxTree';
import { EntryNode, SectionNode } from './treeNodes';
import { ChunkedList } from './chunkedList';
import { knownWord } from './knownWords';
import { groupedDigits } from '../digits';

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

/**
 * The UTF-8 bytes that the characters of `text[start, end)` take beyond what they count as in the
 * text parsed: for a text in which characters stand for others (see node/compactText.ts).
 */
export type BytesBeyond = (start: number, end: number) => number;

/**
 * Parses a text in which some characters stand for others that the parser reads alike (characters
 * that are no blank, mark, bracket or line break), whose lines are as long in UTF-8 as `beyond`
 * says more. Keys, section names and problems are read from the text: the caller makes sure that
 * none of them holds a stand-in.
 */
export function parseStandIn(text: string, beyond: BytesBeyond): SyntaxTree {
  return new Parser(text, beyond).run();
}

/** What the lines of one stretch of a document hold, read by parseLines(). */
export interface ParsedLines {
  sections: Section[];
  orphans: Entry[];
  comments: CommentList;
  diagnostics: Diagnostic[];
  /** The last line is continued: what follows the stretch belongs to it. */
  open: boolean;
}

/**
 * Reads lines `[fromLine, toLine)` of a text as parse() would if the text began there, with
 * positions in the whole text (`index` is the text's line index). Only for a text that parse()
 * reads line by line as the editor splits it: no NUL, not binary, no `\r` but in a `\r\n` that
 * ends a line. Only those lines are read from the text: a large one need not be joined into one
 * string. The problems found are given with lines counted from `fromLine` (see reparse.ts).
 */
export function parseLines(index: LineIndex, fromLine: number, toLine: number): ParsedLines {
  const start = index.lineStart(fromLine);
  const end = toLine < index.lineCount ? index.lineStart(toLine) : index.length;
  const parser = new Parser(index.slice(start, end));
  parser.readLines(0, toLine - fromLine);
  const read = parser.span();
  // Read as a text of its own, the lines are then moved to where they are in the whole text.
  return {
    sections: read.sections.map((section) => (section as SectionNode).shifted(index, start, true)),
    orphans: read.orphans.map((entry) => (entry instanceof EntryNode ? entry.shifted(index, undefined, start) : entry)),
    comments: read.comments.moved(index, start),
    diagnostics: read.diagnostics,
    open: read.open,
  };
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

/**
 * A logical line made of several physical lines (continued with a
 * backslash). A logical line of one physical line needs none of this: it is
 * read in place, in document offsets.
 */
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

/** Size of Parser.recent for a large text, a power of two. */
const RECENT_SLOTS = 256;

/**
 * The characters that can make a line invalid UTF-8 for systemd (surrogates,
 * noncharacters of the first plane, U+FFFD): a line without any of them needs
 * no closer look.
 */
const SUSPECT = /[\ud800-\udfff\ufdd0-\ufdef\ufffd-\uffff]/g;

class Parser {
  private readonly index: LineIndex;
  private readonly sections: Section[] = [];
  private readonly orphans: Entry[] = [];
  private readonly comments = new CommentListBuilder();
  private readonly diagnostics: Diagnostic[] = [];
  /** How many problems of each code were found (only the first ones are reported). */
  private counts: Map<string, number> | undefined;
  /** Where the first problem of each kind that was not listed is. */
  private firstUnlisted: Map<ParseProblemCode, { start: number; end: number }> | undefined;
  private current: SectionNode | undefined;
  /** The assignments of the current section, given to it when it is closed. */
  private readonly currentEntries = new ChunkedList<Entry>();
  /** End offset of the last non-blank line, for section ranges. */
  private lastContentEnd = 0;
  /** The logical line that a continuation keeps open. */
  private pending: LogicalLine | undefined;
  private bomSeen = false;
  /** Strings read lately, for sliceShared; a small table for a small text. */
  private readonly recent: string[];
  /** Offset of the next character that SUSPECT matches at or after the last place looked at. */
  private nextSuspect = -1;
  /** Where reading stops: the text's end, or the end of the lines readLines() was given. */
  private end: number;

  constructor(
    private readonly text: string,
    private readonly beyond?: BytesBeyond,
  ) {
    this.index = new LineIndex(text);
    this.end = text.length;
    this.recent = new Array<string>(text.length < 16384 ? RECENT_SLOTS >> 2 : RECENT_SLOTS).fill('');
  }

  run(): SyntaxTree {
    const text = this.text;
    if (looksBinary(text)) {
      this.report('binary-content', 0, 0, 'This looks like binary data, not a unit file; nothing in it was read.');
      return this.tree();
    }
    const hasNul = this.reportNulBytes();

    // Lines as systemd's read_line() splits them: a line ends at `\n`, `\r`
    // or NUL; following break characters belong to the same line break as
    // long as each kind appears once and no NUL came before. So `\r\n` and
    // `\n\r` are one break, `\n\n` two, and `\0\n` two. No empty line comes
    // after a final line break. Without `\r` and NUL these are the editor's
    // lines, whose starts the line index already knows.
    const n = text.length;
    if (!hasNul && text.indexOf('\r') < 0) {
      this.readLines(0, this.index.lineCount);
    } else {
      let i = 0;
      while (i < n) {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === 10 || c === 13 || c === 0) break;
          i++;
        }
        this.readLine(start, i);
        let seen = 0;
        while (i < n) {
          const c = text.charCodeAt(i);
          const kind = c === 0 ? 1 : c === 10 ? 2 : c === 13 ? 4 : 0;
          if (kind === 0 || (seen & 1) !== 0 || (seen & kind) !== 0) break;
          seen |= kind;
          i++;
        }
      }
    }

    const pending = this.pending;
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

  /** Reads lines `[from, to)` as the line index splits them (a text without NUL, whose every `\r` is in a `\r\n`). */
  readLines(from: number, to: number): void {
    const index = this.index;
    const n = this.text.length;
    const count = index.lineCount;
    if (from > 0) this.lastContentEnd = index.lineStart(from);
    if (to < count) this.end = index.lineStart(to);
    for (let k = from; k < to; k++) {
      const start = index.lineStart(k);
      if (k + 1 < count) this.readLine(start, index.lineEnd(k));
      else if (start < n) this.readLine(start, n);
    }
  }

  /** What readLines() found, its last section closed. */
  span(): ParsedLines {
    const open = this.pending !== undefined;
    if (!open) this.closeSection(this.lastContentEnd);
    return { sections: this.sections, orphans: this.orphans, comments: this.comments.build(this.index), diagnostics: this.diagnostics, open };
  }

  /** Reads the line `[start, end)` of the document, which holds no line break and no NUL. */
  private readLine(lineStart: number, end: number): void {
    const text = this.text;
    let start = lineStart;
    // A line of fewer than a third of the limit in UTF-16 units is below it in UTF-8 bytes.
    if ((end - start) * 3 >= LONG_LINE_MAX) {
      const rawBytes = utf8Length(text, start, end) + (this.beyond?.(start, end) ?? 0);
      if (rawBytes >= LONG_LINE_MAX) {
        if (this.pending) this.handleLogicalLine(this.pending);
        this.pending = undefined;
        this.report(
          'line-too-long',
          start,
          end,
          `This line is ${rawBytes} bytes long; systemd refuses to load a file with a line of ${LONG_LINE_MAX} bytes or more.`,
        );
        this.lastContentEnd = end;
        return;
      }
    }

    let first = skipBlanks(text, start, end);
    if (first < end && isCommentMark(text.charCodeAt(first))) {
      let last = end;
      while (last > first && isBlank(text.charCodeAt(last - 1))) last--;
      this.comments.add(first, last);
      this.lastContentEnd = last;
      return;
    }

    let afterBom = false;
    if (text.charCodeAt(start) === 0xfeff) {
      if (!this.bomSeen) {
        this.bomSeen = true;
        afterBom = true;
        start++;
        first = skipBlanks(text, Math.max(first, start), end);
      } else {
        this.report(
          'stray-bom',
          start,
          start + 1,
          'A byte order mark at the start of this line: systemd drops only the first one and reads this one as part of the line.',
        );
      }
    }
    let logical = this.pending;
    if (first === end && !logical) return;

    const continued = endsWithEscape(text, start, end);
    if (!logical && !continued) {
      // A logical line of one physical line, read in place. It has a non-blank character.
      let last = end;
      while (last > first && isBlank(text.charCodeAt(last - 1))) last--;
      const contentEndBefore = this.lastContentEnd;
      this.lastContentEnd = last;
      this.handleContent(undefined, text, first, last, afterBom, contentEndBefore);
      return;
    }

    const rawBytes = utf8Length(text, lineStart, end) + (this.beyond?.(lineStart, end) ?? 0);
    const bytes = afterBom ? rawBytes - 3 : rawBytes;
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
      // Such a line is not read: what was gathered of it goes, and nothing more is.
      logical.text = '';
      logical.pieces = [];
    }
    this.pending = undefined;
    logical.bytes += bytes;

    const textEnd = continued ? end - 1 : end;
    if (!logical.tooLong) {
      logical.pieces.push({ at: logical.text.length, offset: start, length: textEnd - start, joint: false });
      logical.text += text.slice(start, textEnd);
    }
    if (first < end) {
      let last = end;
      while (last > first && isBlank(text.charCodeAt(last - 1))) last--;
      this.lastContentEnd = last;
    }

    if (continued) {
      if (!logical.tooLong) {
        logical.pieces.push({ at: logical.text.length, offset: end - 1, length: 1, joint: true });
        logical.text += ' ';
      }
      logical.lastJoint = end - 1;
      this.pending = logical;
      return;
    }
    this.handleLogicalLine(logical);
  }

  private tree(): SyntaxTree {
    const index = this.index;
    // One more problem of each kind with more than were listed, where the first left out is, says how many.
    for (const [code, at] of this.firstUnlisted ?? []) {
      const left = (this.counts?.get(code) ?? 0) - LISTED_PER_KIND;
      const message = `${groupedDigits(left)} more ${left === 1 ? 'line has' : 'lines have'} this problem (${code}), from this one on; only the first ${LISTED_PER_KIND} of a kind are listed.`;
      this.diagnostics.push(withUnlisted({ range: index.range(at.start, at.end), severity: parseProblems[code].severity, code, message }, left - 1));
    }
    return new ParsedTree(index, this.sections, this.orphans, this.comments.build(index), this.diagnostics, this.text.charCodeAt(0) === 0xfeff, index.dominantEol());
  }

  private handleLogicalLine(line: LogicalLine): void {
    if (line.tooLong) return;
    const s = line.text;
    let a = 0;
    let b = s.length;
    while (a < b && isBlank(s.charCodeAt(a))) a++;
    while (b > a && isBlank(s.charCodeAt(b - 1))) b--;
    if (a === b) return;
    this.handleContent(line, s, a, b, line.afterBom, line.contentEndBefore);
  }

  /**
   * Reads `s[a, b)`, a logical line without its surrounding blanks. `s` is
   * the joined text of `line` when the line is continued; otherwise `line` is
   * undefined and `s` is the document, so that indexes are document offsets.
   */
  private handleContent(line: LogicalLine | undefined, s: string, a: number, b: number, afterBom: boolean, contentEndBefore: number): void {
    const startOffset = this.docOffset(line, a);
    const endOffset = this.docOffset(line, b - 1) + 1;
    if (line !== undefined || this.suspectFrom(a) < b) {
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
    }

    if (s.charCodeAt(a) === 91 /* [ */) {
      this.handleHeader(line, s, a, b, contentEndBefore);
      return;
    }

    const eq = indexOfCode(s, 61 /* = */, a, b);
    const hasEquals = eq >= 0;
    if (!this.current) {
      this.report(
        'assignment-outside-section',
        startOffset,
        endOffset,
        afterBom && (s.charCodeAt(a) === 35 || s.charCodeAt(a) === 59)
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
    while (ke > a && isBlank(s.charCodeAt(ke - 1))) ke--;
    if (ke === a) {
      if (this.current) {
        this.report('missing-key', startOffset, this.docOffset(line, eq) + 1, 'The assignment has no key before "="; systemd ignores it.');
      }
      return;
    }
    let vs = eq + 1;
    while (vs < b && isBlank(s.charCodeAt(vs))) vs++;

    const entry = line === undefined ? this.makeEntryInPlace(a, ke, eq, vs, b) : this.makeEntry(line, a, ke, eq, vs, b);
    if (this.current) this.currentEntries.push(entry);
    else this.orphans.push(entry);
  }

  /** An assignment on one physical line: indexes are document offsets. */
  private makeEntryInPlace(ks: number, ke: number, eq: number, vs: number, ve: number): Entry {
    const hasValue = vs < ve;
    return new EntryNode(
      this.index,
      this.current,
      this.sliceShared(ks, ke),
      ks,
      ke,
      eq,
      // The value is read from the text when asked for: the node keeps no string for it.
      undefined,
      hasValue ? vs : eq + 1,
      hasValue ? ve : eq + 1,
      false,
      undefined,
    );
  }

  private makeEntry(line: LogicalLine, ks: number, ke: number, eq: number, vs: number, ve: number): Entry {
    const keyStart = this.docOffset(line, ks);
    const keyEnd = this.docOffset(line, ke - 1) + 1;
    const eqOffset = this.docOffset(line, eq);
    if (this.pieceAt(line, ks) !== this.pieceAt(line, ke - 1)) {
      this.report('continuation-in-key', keyStart, keyEnd, 'A line continuation splits this key; systemd joins the parts with a space.');
    }

    const pieces: number[] = [];
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
        pieces.push(piece.offset + (from - piece.at), to - from);
      }
    }

    const key = line.text.slice(ks, ke);
    return new EntryNode(
      this.index,
      this.current,
      knownWord(key) ?? key,
      keyStart,
      keyEnd,
      eqOffset,
      // Read from the text when asked for, in one piece or joined from several (see EntryNode.value).
      undefined,
      valueStart,
      valueEnd,
      this.pieceAt(line, ks) !== this.pieceAt(line, Math.max(ke, ve) - 1),
      // The node keeps the pieces: a copy of their exact length, not the room pushing grew.
      pieces.slice(),
    );
  }

  /**
   * `text[start, end)` (not empty), as the string last read with the same
   * length and first and last characters when it is the same text: keys and
   * section names come back often, and are then kept once (values are not
   * kept at all: a node reads its value from the text). A setting or section name systemd knows is
   * the knowledge base's own string (see knownWords.ts).
   */
  private sliceShared(start: number, end: number): string {
    const text = this.text;
    const length = end - start;
    // Names that differ in one digit or letter near the end (Unknown10=, Unknown20=) fall apart.
    const nearEnd = length > 1 ? text.charCodeAt(end - 2) * 131 : 0;
    const slot = (length * 31 + text.charCodeAt(start) * 7 + text.charCodeAt(start + (length >> 1)) * 17 + nearEnd + text.charCodeAt(end - 1)) & (this.recent.length - 1);
    const known = this.recent[slot];
    if (known.length === length && text.startsWith(known, start)) return known;
    const cut = text.slice(start, end);
    const fresh = knownWord(cut) ?? cut;
    this.recent[slot] = fresh;
    return fresh;
  }

  private handleHeader(line: LogicalLine | undefined, s: string, a: number, b: number, contentEndBefore: number): void {
    this.closeSection(contentEndBefore);
    const headerStart = this.docOffset(line, a);
    const headerEnd = this.docOffset(line, b - 1) + 1;
    const wellFormed = b - a >= 2 && s.charCodeAt(b - 1) === 93; /* ] */
    const close = indexOfCode(s, 93 /* ] */, a + 1, b);
    const hasClose = close >= 0;
    const nameEnd = wellFormed ? b - 1 : hasClose ? close : b;
    const name = line === undefined ? this.sliceShared(a + 1, nameEnd) : s.slice(a + 1, nameEnd);
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

    this.current = new SectionNode(this.index, name, headerStart, headerEnd, nameStart, nameStop, !wellFormed);
    this.sections.push(this.current);
  }

  private closeSection(contentEnd: number): void {
    this.current?.close(contentEnd, this.currentEntries.take());
  }

  /**
   * Flags each run of NUL bytes: systemd ends the line at a NUL, so the editor
   * and systemd see different lines. Tells whether there was any.
   */
  private reportNulBytes(): boolean {
    const text = this.text;
    const firstNul = text.indexOf('\0');
    for (let at = firstNul; at >= 0; ) {
      let end = at + 1;
      while (text.charCodeAt(end) === 0) end++;
      this.report('nul-byte', at, end, 'A NUL byte: systemd ends the line here and reads what follows as a new line.');
      at = text.indexOf('\0', end);
    }
    return firstNul >= 0;
  }

  /** Offset of the first character at or after `from` that SUSPECT matches, or where reading stops. */
  private suspectFrom(from: number): number {
    if (this.nextSuspect < from && this.end < this.text.length) {
      const at = this.text.slice(from, this.end).search(SUSPECT);
      this.nextSuspect = at < 0 ? this.end : from + at;
    } else if (this.nextSuspect < from) {
      SUSPECT.lastIndex = from;
      this.nextSuspect = SUSPECT.test(this.text) ? SUSPECT.lastIndex - 1 : this.text.length;
    }
    return this.nextSuspect;
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

  /** The document offset of index `at` of a logical line; for a line read in place, `at` itself. */
  private docOffset(line: LogicalLine | undefined, at: number): number {
    if (line === undefined) return at;
    const piece = this.pieceAt(line, at);
    return piece.offset + Math.min(at - piece.at, Math.max(0, piece.length - 1));
  }

  private report(code: ParseProblemCode, start: number, end: number, message: string): void {
    const counts = (this.counts ??= new Map());
    const count = (counts.get(code) ?? 0) + 1;
    counts.set(code, count);
    if (count > LISTED_PER_KIND) {
      if (count === LISTED_PER_KIND + 1) (this.firstUnlisted ??= new Map()).set(code, { start, end });
      return;
    }
    this.diagnostics.push({ range: this.index.range(start, end), severity: parseProblems[code].severity, code, message });
  }
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** The first character of `text[start, end)` that is not a blank (space or tab), or `end`. */
function skipBlanks(text: string, start: number, end: number): number {
  let at = start;
  while (at < end && isBlank(text.charCodeAt(at))) at++;
  return at;
}

/** `#` and `;` start a comment when they are the first character of a line after its blanks. */
function isCommentMark(c: number): boolean {
  return c === 35 /* # */ || c === 59 /* ; */;
}

/** Whether `text[start, end)` is a comment line, as the parser reads one: blanks, then `#` or `;`. */
export function isCommentLine(text: string, start: number, end: number): boolean {
  const first = skipBlanks(text, start, end);
  return first < end && isCommentMark(text.charCodeAt(first));
}

/** Index of the first character code `code` in `s[from, to)`, or -1. */
function indexOfCode(s: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === code) return i;
  return -1;
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

/** The characters looksBinary() counts: NUL and the control characters other than tab, line breaks and form feed. */
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f]/;

/** Mostly NUL bytes or control characters in the first 64 KiB: not a text file. */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 65536);
  // Most texts have none of them: then a quick search says so.
  if (!CONTROL.test(n < text.length ? text.slice(0, n) : text)) return false;
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nul++;
    else if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return nul >= 16 || (nul + control > 8 && (nul + control) * 10 > n);
}

/** Whether `text[start, end)` ends in a backslash that is not itself escaped. */
export function endsWithEscape(text: string, start: number, end: number): boolean {
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
