import type { Diagnostic } from '../types';
import { LineIndex, dominantEol } from './lineIndex';
import { LONG_LINE_MAX, parseProblems, type ParseProblemCode } from './parseProblems';
import type { Comment, Entry, Section, SyntaxTree, ValueSegment } from './syntaxTree';

/**
 * Parses a unit file the way systemd's config parser reads it, keeping the
 * exact position of every header, key, value and comment. Never throws:
 * problems of form come back as diagnostics on the tree.
 *
 * What systemd does, and so do we:
 * - a line whose first non-blank character is `#` or `;` is a comment, also
 *   in the middle of a continued assignment (it is skipped there);
 * - a line ending in an unescaped backslash continues on the next line; the
 *   backslash becomes a space;
 * - blanks around keys, `=` and values are dropped, blanks inside are kept;
 * - a header must be `[Name]` with nothing after the bracket.
 */
export function parse(text: string): SyntaxTree {
  return new Parser(text).run();
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
  /** End of the last non-blank line before this one. */
  contentEndBefore: number;
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
  private hasBom = false;

  constructor(private readonly text: string) {
    this.index = new LineIndex(text);
  }

  run(): SyntaxTree {
    const lines = this.index.lines;
    let pending: LogicalLine | undefined;
    if (looksBinary(this.text)) {
      this.report('binary-content', 0, 0, 'This looks like binary data, not a unit file; nothing in it was read.');
      return this.tree();
    }
    this.checkCharacters();

    for (let n = 0; n < lines.length; n++) {
      const line = lines[n];
      let start = line.start;
      if (n === 0 && this.text.charCodeAt(0) === 0xfeff) {
        this.hasBom = true;
        start++;
      }
      const end = line.end;

      let first = start;
      while (first < end && BLANK(this.text.charCodeAt(first))) first++;
      if (first === end && !pending) continue;

      const c = this.text.charCodeAt(first);
      if (first < end && (c === 35 /* # */ || c === 59 /* ; */)) {
        let last = end;
        while (last > first && BLANK(this.text.charCodeAt(last - 1))) last--;
        this.comments.push({ text: this.text.slice(first, last), range: this.index.range(first, last) });
        this.lastContentEnd = last;
        continue;
      }

      const logical: LogicalLine = pending ?? { text: '', pieces: [], contentEndBefore: this.lastContentEnd };
      pending = undefined;
      const continued = endsWithEscape(this.text, start, end);
      const textEnd = continued ? end - 1 : end;
      logical.pieces.push({ at: logical.text.length, offset: start, length: textEnd - start, joint: false });
      logical.text += this.text.slice(start, textEnd);
      if (first < end) this.lastContentEnd = end;

      if (continued) {
        logical.pieces.push({ at: logical.text.length, offset: end - 1, length: 1, joint: true });
        logical.text += ' ';
        const atEnd = n === lines.length - 1 || (n === lines.length - 2 && lines[n + 1].start === lines[n + 1].end);
        if (atEnd) {
          this.report('continuation-at-end', end - 1, end, 'The file ends with a line continuation: the backslash continues onto nothing.');
          this.handleLogicalLine(logical);
        } else {
          pending = logical;
        }
        continue;
      }
      this.handleLogicalLine(logical);
    }
    if (pending) this.handleLogicalLine(pending);
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
      hasBom: this.hasBom,
      eol: dominantEol(this.index.lines),
    };
  }

  private handleLogicalLine(line: LogicalLine): void {
    const s = line.text;
    let a = 0;
    let b = s.length;
    while (a < b && BLANK(s.charCodeAt(a))) a++;
    while (b > a && BLANK(s.charCodeAt(b - 1))) b--;
    if (a === b) return;

    const startOffset = this.docOffset(line, a);
    const endOffset = this.docOffset(line, b - 1) + 1;
    if (b - a > LONG_LINE_MAX) {
      this.report(
        'line-too-long',
        startOffset,
        Math.min(endOffset, startOffset + 1),
        `This line is ${b - a} characters long; systemd refuses files with lines over ${LONG_LINE_MAX} bytes.`,
      );
      return;
    }

    if (s.charCodeAt(a) === 91 /* [ */) {
      this.handleHeader(line, a, b);
      return;
    }

    const eq = s.indexOf('=', a);
    if (!this.current) {
      this.report(
        'assignment-outside-section',
        startOffset,
        endOffset,
        'This line comes before the first [Section] header; systemd ignores it.',
      );
      if (eq < 0 || eq >= b) return;
    } else if (eq < 0 || eq >= b) {
      this.report(
        'missing-equals',
        startOffset,
        endOffset,
        `Expected a Key=value assignment, a [Section] header or a comment; systemd ignores this line.`,
      );
      return;
    }

    let ke = eq;
    while (ke > a && BLANK(s.charCodeAt(ke - 1))) ke--;
    if (ke === a) {
      this.report('missing-key', startOffset, this.docOffset(line, eq) + 1, 'The assignment has no key before "="; systemd ignores it.');
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
    const keyPiece = this.pieceAt(line, ks);
    if (keyPiece !== this.pieceAt(line, ke - 1)) {
      this.report('continuation-in-key', keyStart, keyEnd, 'A line continuation splits this key; systemd joins the parts with a space.');
    }

    const segments: ValueSegment[] = [];
    let valueStart = eqOffset + 1;
    let valueEnd = eqOffset + 1;
    if (vs < ve) {
      valueStart = this.docOffset(line, vs);
      valueEnd = this.docOffset(line, ve - 1) + 1;
      for (const piece of line.pieces) {
        if (piece.joint) continue;
        const from = Math.max(vs, piece.at);
        const to = Math.min(ve, piece.at + piece.length);
        if (from > to || piece.at + piece.length < vs || piece.at > ve) continue;
        const offset = piece.offset + (from - piece.at);
        const text = this.text.slice(offset, offset + (to - from));
        segments.push({ text, offset, range: this.index.range(offset, offset + text.length) });
      }
    }

    return {
      key: line.text.slice(ks, ke),
      keyRange: this.index.range(keyStart, keyEnd),
      equalsRange: this.index.range(eqOffset, eqOffset + 1),
      value: line.text.slice(vs, ve),
      valueRange: this.index.range(valueStart, valueEnd),
      segments,
      range: this.index.range(keyStart, Math.max(valueEnd, eqOffset + 1)),
      startOffset: keyStart,
      endOffset: Math.max(valueEnd, eqOffset + 1),
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
    let nameEnd = b - 1;
    if (!wellFormed) {
      const close = s.indexOf(']', a + 1);
      nameEnd = close >= 0 && close < b ? close : b;
    }
    const name = s.slice(a + 1, nameEnd);
    const nameStart = nameEnd > a + 1 ? this.docOffset(line, a + 1) : headerStart + 1;
    const nameStop = nameEnd > a + 1 ? this.docOffset(line, nameEnd - 1) + 1 : nameStart;

    if (!wellFormed) {
      const what = s.indexOf(']', a + 1) >= 0 && s.indexOf(']', a + 1) < b ? 'text after the closing "]"' : 'no closing "]"';
      this.report(
        'invalid-section-header',
        headerStart,
        headerEnd,
        `Invalid section header (${what}); systemd refuses to load a file with it.`,
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

  /** Flags NUL bytes and replacement characters (text that was not valid UTF-8), once per line. */
  private checkCharacters(): void {
    const flag = (char: string, code: ParseProblemCode, message: string): void => {
      let lastLine = -1;
      for (let at = this.text.indexOf(char); at >= 0; at = this.text.indexOf(char, at + 1)) {
        const line = this.index.positionAt(at).line;
        if (line === lastLine) continue;
        lastLine = line;
        this.report(code, at, at + 1, message);
      }
    };
    flag('\0', 'nul-byte', 'A NUL byte: systemd ends the line here and reads the rest as a new line.');
    flag(
      '\ufffd',
      'invalid-utf8',
      'This line is not valid UTF-8 (it holds a replacement character U+FFFD); systemd ignores such lines.',
    );
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
