import type { Entry, Section, SyntaxTree } from '../syntax/syntaxTree';
import type { LineIndex } from '../syntax/lineIndex';
import type { Position, Range } from '../types';

/** Where the cursor is, as far as completion and hover care. */
export type CursorContext =
  | { kind: 'comment' }
  | { kind: 'section-header'; prefix: string; replace: Range }
  | {
      kind: 'key';
      section: Section | undefined;
      prefix: string;
      replace: Range;
      lineIsEmpty: boolean;
      /** The line already has `=` after the key. */
      hasEquals: boolean;
    }
  | {
      kind: 'value';
      section: Section | undefined;
      key: string;
      /** The parsed entry holding the cursor, when the line is complete enough to parse. */
      entry: Entry | undefined;
      /** The value's text from its start up to the cursor (on continued lines: this line's part). */
      before: string;
      /** The blank-separated word under the cursor, up to the cursor. */
      word: string;
      /** The range of the whole word under the cursor (for replacing it). */
      wordRange: Range;
      /** The whole word under the cursor, also the part after it. */
      fullWord: string;
      /**
       * The value before the word under the cursor, over all its lines: continuation
       * backslashes become blanks and comment lines in between are dropped.
       */
      valueBeforeWord: string;
    };

/** Space or tab, by character code (faster than a regular expression on very long lines). */
export function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/**
 * Some characters of the document, read by their offsets in it: the cursor's line (and the lines
 * of the value it continues), without joining a large text into one string.
 */
class Window {
  private readonly text: string;

  constructor(
    index: LineIndex,
    private readonly start: number,
    end: number,
  ) {
    this.text = index.slice(start, end);
  }

  charCodeAt(offset: number): number {
    return this.text.charCodeAt(offset - this.start);
  }

  slice(from: number, to: number): string {
    return this.text.slice(from - this.start, to - this.start);
  }
}

/** Classifies the cursor position from the text of its line and the lines above it. */
export function cursorContext(tree: SyntaxTree, position: Position): CursorContext {
  const index = tree.lines;
  const lineNumber = Math.max(0, Math.min(whole(position?.line), index.lineCount - 1));
  const physical = { start: index.lineStart(lineNumber), end: index.lineEnd(lineNumber) };
  let lineStart = physical.start;
  if (lineNumber === 0 && index.slice(0, 1) === '\ufeff') lineStart++;
  const cursor = Math.max(lineStart, Math.min(physical.start + Math.max(0, whole(position?.character)), physical.end));
  const lineText = index.slice(lineStart, physical.end);
  const beforeCursor = lineText.slice(0, cursor - lineStart);
  const trimmed = beforeCursor.replace(/^[ \t]+/, '');
  const section = sectionAt(tree, lineNumber);

  if (/^[#;]/.test(lineText.replace(/^[ \t]+/, ''))) return { kind: 'comment' };

  const continued = continuedEntryAt(tree, lineNumber);
  if (continued) {
    const text = new Window(index, Math.min(lineStart, continued.startOffset), physical.end);
    return valueContext(tree, text, section, continued.key, continued, lineStart, cursor, physical.end, lineStart);
  }
  const text = new Window(index, lineStart, physical.end);

  const lineTrimmed = lineText.replace(/^[ \t]+/, '');
  if (trimmed.startsWith('[') || (trimmed === '' && lineTrimmed.startsWith('['))) {
    const open = lineStart + (lineText.length - lineTrimmed.length);
    const close = lineText.indexOf(']', open - lineStart);
    const end = close >= 0 ? lineStart + close + 1 : physical.end;
    return { kind: 'section-header', prefix: text.slice(open + 1, Math.max(open + 1, cursor)), replace: index.range(open, Math.max(end, cursor)) };
  }

  const eq = beforeCursor.indexOf('=');
  if (eq < 0) {
    const keyStart = lineStart + (beforeCursor.length - trimmed.length);
    const eqAfter = lineText.indexOf('=');
    let keyEnd = eqAfter >= 0 ? lineStart + eqAfter : physical.end;
    while (keyEnd > cursor && isBlank(text.charCodeAt(keyEnd - 1))) keyEnd--;
    return {
      kind: 'key',
      section,
      prefix: trimmed,
      replace: index.range(keyStart, Math.max(keyEnd, cursor)),
      lineIsEmpty: lineText.trim().length === 0,
      hasEquals: eqAfter >= 0,
    };
  }

  const key = beforeCursor.slice(0, eq).trim();
  // By where each key starts: reading the lines' key ranges would keep one for each line before this one.
  const onLine = (e: Entry): boolean => index.lineOf(e.startOffset) === lineNumber;
  const entry = section?.entries.find(onLine) ?? tree.orphans.find(onLine);
  let valueStart = lineStart + eq + 1;
  while (valueStart < cursor && isBlank(text.charCodeAt(valueStart))) valueStart++;
  return valueContext(tree, text, section, key, entry, valueStart, cursor, physical.end, lineStart);
}

function valueContext(
  tree: SyntaxTree,
  text: Window,
  section: Section | undefined,
  key: string,
  entry: Entry | undefined,
  valueStart: number,
  cursor: number,
  lineEnd: number,
  lineStart: number,
): CursorContext {
  let wordStart = cursor;
  while (wordStart > valueStart && wordStart > lineStart && !isBlank(text.charCodeAt(wordStart - 1))) wordStart--;
  let wordEnd = cursor;
  while (wordEnd < lineEnd && !isBlank(text.charCodeAt(wordEnd)) && !(text.charCodeAt(wordEnd) === 92 /* \\ */ && wordEnd === lineEnd - 1)) wordEnd++;
  const valueFrom = entry && entry.valueOffset <= wordStart ? entry.valueOffset : valueStart;
  return {
    kind: 'value',
    section,
    key,
    entry,
    before: text.slice(valueStart, cursor),
    word: text.slice(wordStart, cursor),
    wordRange: tree.lines.range(wordStart, wordEnd),
    fullWord: text.slice(wordStart, wordEnd),
    valueBeforeWord: joinValueLines(text.slice(valueFrom, wordStart)),
  };
}

/** Joins a value's physical lines as systemd reads them: backslash-newline becomes a blank, comment lines go. */
function joinValueLines(raw: string): string {
  const lines = raw.split(/\r\n|\r|\n/);
  if (lines.length === 1) return raw;
  return lines
    .filter((line, i) => i === 0 || !/^[ \t]*[#;]/.test(line))
    .map((line, i, all) => (i < all.length - 1 ? line.replace(/\\$/, ' ') : line))
    .join('');
}

/** A whole number from whatever a caller passed: fractions are cut, NaN and non-numbers become 0. */
function whole(value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return 0;
  return Math.trunc(Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, value)));
}

/** The section whose header is at or above the line. */
export function sectionAt(tree: SyntaxTree, line: number): Section | undefined {
  let found: Section | undefined;
  for (const section of tree.sections) {
    if (section.headerRange.start.line <= line) found = section;
    else break;
  }
  return found;
}

/** The entry whose value continues onto this line from a line above, if any. */
function continuedEntryAt(tree: SyntaxTree, line: number): Entry | undefined {
  const section = sectionAt(tree, line);
  const entries = section ? section.entries : tree.orphans;
  for (const entry of entries) {
    if (entry.range.start.line < line && entry.range.end.line >= line) return entry;
  }
  // A continuation still being typed: the line above ends with a backslash.
  const index = tree.lines;
  for (let n = line - 1; n >= 0; n--) {
    const above = index.slice(index.lineStart(n), index.lineEnd(n));
    if (/^[ \t]*[#;]/.test(above)) continue;
    if (!/(^|[^\\])(\\\\)*\\$/.test(above)) return undefined;
    const owner = entries.find((e) => e.range.start.line <= n && e.range.end.line >= n);
    return owner;
  }
  return undefined;
}
