/** Which settings a fix touches: what it writes, and the lines its edits change or remove. */
import type { Entry, SyntaxTree } from '../syntax/syntaxTree';
import type { Fix, Position, Range, TextEdit } from '../types';

/** The settings a fix writes: whole `Key=value` lines, or a key name alone (a corrected name). */
export function settingsWritten(fix: Fix): string[] {
  const names = new Set<string>();
  for (const edit of fix.edits) {
    const bare = edit.newText.trim();
    if (/^[A-Z][A-Za-z0-9]*$/.test(bare)) names.add(bare);
    for (const match of edit.newText.matchAll(/(?:^|[\r\n])\s*([A-Za-z][A-Za-z0-9]*)\s*=/g)) names.add(match[1]);
  }
  return [...names];
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Whether an edit changes the text of a line: it overlaps it, or inserts inside or right after it. */
function touches(edit: Range, line: Range): boolean {
  if (before(edit.end, line.start) || before(line.end, edit.start)) return false;
  // An insertion where the line starts puts text before it, not in it.
  const insertion = edit.start.line === edit.end.line && edit.start.character === edit.end.character;
  return !(insertion && edit.start.line === line.start.line && edit.start.character === line.start.character && line.start.character === 0);
}

/** The first of `nodes` (in document order) that does not end before `line`. */
function firstEndingFrom(nodes: readonly { readonly range: Range }[], line: number): number {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (nodes[mid].range.end.line < line) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Appends to `into` the entries of a list in document order that reach into the lines from `first` to `last`. */
function collectOnLines(entries: readonly Entry[], first: number, last: number, into: Entry[]): void {
  for (let i = firstEndingFrom(entries, first); i < entries.length && entries[i].range.start.line <= last; i++) into.push(entries[i]);
}

/**
 * The entries of a tree that reach into the lines from `first` to `last`, in document order: those
 * before the first section, then those of the sections that reach there (sections follow each
 * other and hold their entries). Found by halving, with no list of every entry: a long unit has
 * hundreds of thousands, and only the ranges read on the way are built.
 */
function entriesOnLines(tree: SyntaxTree, first: number, last: number): Entry[] {
  const found: Entry[] = [];
  collectOnLines(tree.orphans, first, last, found);
  const sections = tree.sections;
  for (let i = firstEndingFrom(sections, first); i < sections.length && sections[i].range.start.line <= last; i++) {
    collectOnLines(sections[i].entries, first, last, found);
  }
  return found;
}

/**
 * Whether an edit only starts new lines right after the entry: an insertion at the end of its
 * value that begins with a line break (the way fixes add a setting after the last one of a
 * section). The entry reads the same; its range never ends in a continuing backslash.
 */
function addsLinesAfter(edit: TextEdit, entry: Entry): boolean {
  const { start, end } = edit.range;
  if (start.line !== end.line || start.character !== end.character) return false;
  if (start.line !== entry.range.end.line || start.character !== entry.range.end.character) return false;
  return edit.newText.startsWith('\n') || edit.newText.startsWith('\r\n');
}

/** Every setting whose lines a fix may change on `tree`: the ones it writes and the ones on lines it edits. */
export function settingsChanged(fix: Fix, tree: SyntaxTree): Set<string> {
  const names = new Set(settingsWritten(fix));
  for (const edit of fix.edits) {
    for (const entry of entriesOnLines(tree, edit.range.start.line, edit.range.end.line)) {
      if (touches(edit.range, entry.range) && !addsLinesAfter(edit, entry)) names.add(entry.key);
    }
  }
  return names;
}
