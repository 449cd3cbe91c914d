import type { Diagnostic, Range } from '../types';
import type { LineIndex } from './lineIndex';
import { SectionNode } from './treeNodes';

// The parser's comments, sections and entries (treeNodes.ts) build their
// ranges and segments when first read; to a reader they are plain fields.

/** A comment line: `#` or `;` as the first non-blank character of a line. */
export interface Comment {
  text: string;
  range: Range;
}

/** The part of a value that sits on one physical line. */
export interface ValueSegment {
  text: string;
  range: Range;
  /** Offset of `text` in the document. */
  offset: number;
}

/** One `Key=value` assignment, possibly continued over several lines. */
export interface Entry {
  /** The key as systemd reads it (surrounding blanks removed). */
  key: string;
  keyRange: Range;
  /** The `=` sign. */
  equalsRange: Range;
  /**
   * The value as systemd reads it: continued lines are joined with the
   * trailing backslash replaced by a space, comment lines in between are
   * dropped, and surrounding blanks are removed.
   */
  value: string;
  /** From the first to the last character of the value (the `=` end when empty). */
  valueRange: Range;
  /** The value's pieces, one per physical line; joined with ' ' they give `value`. */
  segments: ValueSegment[];
  /** From the key's first character to the value's last (or the `=`). */
  range: Range;
  /** Document offsets of the key's start and of the value's end, for quick slicing. */
  startOffset: number;
  readonly endOffset: number;
  /** Offset of the value's first character in the document (of `=`'s end when empty). */
  readonly valueOffset: number;
  /** An empty assignment (`Key=`), which resets list settings. */
  readonly isEmpty: boolean;
  /** The assignment spans several lines. */
  readonly isContinued: boolean;
  /** The section that holds the entry; undefined before the first header. */
  section: Section | undefined;
}

export interface Section {
  /** The name between the brackets, exactly as written (`Service`). */
  name: string;
  /** The whole header line's text, from `[` on. */
  headerRange: Range;
  /** The name between the brackets. */
  nameRange: Range;
  /** From the header to the last non-blank line before the next header. */
  range: Range;
  entries: Entry[];
  /** The header is malformed (systemd refuses the file); the name is a best guess. */
  malformed: boolean;
}

export interface SyntaxTree {
  text: string;
  lines: LineIndex;
  sections: Section[];
  /** Assignments before the first section header (systemd ignores them). */
  orphans: Entry[];
  comments: Comment[];
  /** Problems of form: each has a stable `code` (see parseProblems.ts). */
  diagnostics: Diagnostic[];
  /** The text starts with a byte order mark. */
  hasBom: boolean;
  /** The line break most used in the text. */
  readonly eol: string;
}

/** How many assignments a section has (a section moved by an edit copies them only when read). */
export function entryCount(section: Section): number {
  return section instanceof SectionNode ? section.entryCount : section.entries.length;
}

/** The assignment at `i` in a section (of a section moved by an edit, only that one is copied). */
export function entryAt(section: Section, i: number): Entry | undefined {
  return section instanceof SectionNode ? section.entryAt(i) : section.entries[i];
}

/** The key of the assignment at `i` in a section, without copying the assignment of a moved section. */
export function keyAt(section: Section, i: number): string | undefined {
  return section instanceof SectionNode ? section.keyAt(i) : section.entries[i]?.key;
}

/** Whether the assignment at `i` in a section spans several lines (of a moved section, without copying it). */
export function continuedAt(section: Section, i: number): boolean {
  return section instanceof SectionNode ? section.continuedAt(i) : section.entries[i]?.isContinued === true;
}

/** Every assignment in document order, including those outside a section. */
export function allEntries(tree: SyntaxTree): Entry[] {
  // One array of the final size: a long unit has tens of thousands of entries.
  let count = tree.orphans.length;
  for (const section of tree.sections) count += section.entries.length;
  const all = new Array<Entry>(count);
  let at = 0;
  for (const entry of tree.orphans) all[at++] = entry;
  for (const section of tree.sections) for (const entry of section.entries) all[at++] = entry;
  return all;
}
