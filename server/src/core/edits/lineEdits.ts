/**
 * Text edits that quick fixes are made of. They keep the file's own line breaks, put new lines
 * after the last setting of the section they belong to, and create that section in the usual
 * place ([Unit] first, [Install] last, the type's section between) when the file lacks it.
 */
import type { Entry, Section } from '../syntax/syntaxTree';
import type { Position, TextEdit } from '../types';
import type { UnitDocument } from '../unitDocument';
import type { LineSpan } from './lazyFix';

function position(document: UnitDocument, offset: number): Position {
  return document.tree.lines.positionAt(offset);
}

/** The physical line an entry starts on. */
function firstLine(document: UnitDocument, entry: Entry): number {
  return document.tree.lines.lineOf(entry.startOffset);
}

/**
 * The last physical line an entry occupies (its value may be continued over several). An entry
 * that is not continued has one line: no range or segment is built to know it.
 */
function lastLine(document: UnitDocument, entry: Entry): number {
  if (!entry.isContinued) return firstLine(document, entry);
  const segments = entry.segments;
  const last = segments.length > 0 ? segments[segments.length - 1].range.end.line : entry.range.end.line;
  return Math.max(last, entry.range.end.line, entry.equalsRange.end.line);
}

/** The last section of the document with this name whose header systemd accepts. */
function lastSectionNamed(document: UnitDocument, name: string): Section | undefined {
  // From the end: a rule may build a fix for each of thousands of lines of a unit of as many sections.
  const sections = document.tree.sections;
  for (let i = sections.length - 1; i >= 0; i--) if (!sections[i].malformed && sections[i].name === name) return sections[i];
  return undefined;
}

/** Where new lines for a section go: the end of its last setting's last line, or of its header. */
function insertionOffset(document: UnitDocument, section: Section): number {
  const lines = document.tree.lines;
  const entries = section.entries;
  const line = entries.length > 0 ? lastLine(document, entries[entries.length - 1]) : section.headerRange.end.line;
  return lines.lineEnd(Math.min(line, lines.lineCount - 1));
}

/** Inserts whole lines into a section of the document, creating the section when it is missing. */
export function insertLinesEdit(document: UnitDocument, sectionName: string, newLines: readonly string[]): TextEdit {
  const { tree } = document;
  const eol = tree.eol;
  const body = newLines.join(eol);
  const existing = lastSectionNamed(document, sectionName);
  if (existing !== undefined) {
    const offset = insertionOffset(document, existing);
    const at = position(document, offset);
    return { range: { start: at, end: at }, newText: eol + body };
  }
  const block = `[${sectionName}]${eol}${body}`;
  const wellFormed = tree.sections.filter((s) => !s.malformed);
  const start = tree.hasBom ? 1 : 0;
  if (sectionName === 'Unit' && wellFormed.length > 0) {
    // Before the first section; comments at the top of the file stay where they are.
    const first = wellFormed[0];
    const offset = tree.lines.offsetAt(first.headerRange.start);
    const at = position(document, Math.max(offset, start));
    return { range: { start: at, end: at }, newText: `${block}${eol}${eol}` };
  }
  const install = sectionName === 'Install' ? undefined : wellFormed.find((s) => s.name === 'Install');
  if (install) {
    const at = install.headerRange.start;
    return { range: { start: at, end: at }, newText: `${block}${eol}${eol}` };
  }
  // Read from the end only: a rule may insert into a missing section from each of thousands of lines.
  // A character at a time, through the line index: an open document's text is not joined for it.
  const lines = tree.lines;
  const charAt = (offset: number): string => lines.slice(offset, offset + 1);
  const end = lines.length;
  const at = position(document, end);
  let contentEnd = end;
  while (contentEnd > start && (charAt(contentEnd - 1) === ' ' || charAt(contentEnd - 1) === '\t')) contentEnd--;
  if (contentEnd === start) return { range: { start: position(document, start), end: at }, newText: `${block}${eol}` };
  const endsWithBreak = end > 0 && (charAt(end - 1) === '\n' || charAt(end - 1) === '\r');
  return { range: { start: at, end: at }, newText: `${endsWithBreak ? '' : eol}${eol}${block}${eol}` };
}

/** Removes the lines an entry occupies, with their line break. */
export function removeEntryEdit(document: UnitDocument, entry: Entry): TextEdit {
  const lines = document.tree.lines;
  const first = firstLine(document, entry);
  const last = lastLine(document, entry);
  let startOffset = lines.lineStart(first);
  let endOffset: number;
  if (last + 1 < lines.lineCount) endOffset = lines.lineStart(last + 1);
  else {
    // The entry ends the file without a line break: take the break before it instead.
    endOffset = lines.lineEnd(last);
    if (first > 0) startOffset = lines.lineEnd(first - 1);
  }
  return { range: { start: position(document, startOffset), end: position(document, endOffset) }, newText: '' };
}

/** The lines removeEntryEdit() touches: the entry's, and the start of the next line (or the end of the one before, at the end of the file). */
export function removeEntryReach(document: UnitDocument, entry: Entry): LineSpan {
  const first = firstLine(document, entry);
  const last = lastLine(document, entry);
  return last + 1 < document.tree.lines.lineCount ? { first, last: last + 1 } : { first: Math.max(0, first - 1), last };
}

/** The entry's text as written, all its physical lines, without the final line break. */
export function entryText(document: UnitDocument, entry: Entry): string {
  const lines = document.tree.lines;
  return lines.slice(lines.lineStart(firstLine(document, entry)), lines.lineEnd(lastLine(document, entry)));
}

export function renameKeyEdit(entry: Entry, newName: string): TextEdit {
  return { range: entry.keyRange, newText: newName };
}

/** Replaces the whole value (all continued lines of it). */
export function replaceValueEdit(entry: Entry, newValue: string): TextEdit {
  return { range: entry.valueRange, newText: newValue };
}

/** Moves an entry to another section of the same document, creating it when missing. */
export function moveEntryEdits(document: UnitDocument, entry: Entry, targetSection: string): TextEdit[] {
  const text = entryText(document, entry);
  return [removeEntryEdit(document, entry), insertLinesEdit(document, targetSection, [text])];
}
