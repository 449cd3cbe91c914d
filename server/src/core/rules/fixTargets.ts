/** Which settings a fix touches: what it writes, and the lines its edits change or remove. */
import { allEntries, type Entry, type SyntaxTree } from '../syntax/syntaxTree';
import { attached } from '../memo/attached';
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

/**
 * The entries of a tree in document order, listed once per tree. The parser gives them in that
 * order (the lines before the first section, then each section's), so nothing is sorted: that
 * would build the range of every entry of the file.
 */
const ORDERED = attached<SyntaxTree, Entry[]>('entries in order');

function orderedEntries(tree: SyntaxTree): Entry[] {
  let list = ORDERED.get(tree);
  if (!list) ORDERED.set(tree, (list = allEntries(tree)));
  return list;
}

/** The first entry that does not end before `line`. */
function firstEndingFrom(entries: readonly Entry[], line: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (entries[mid].range.end.line < line) low = mid + 1;
    else high = mid;
  }
  return low;
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
  const entries = orderedEntries(tree);
  for (const edit of fix.edits) {
    for (let i = firstEndingFrom(entries, edit.range.start.line); i < entries.length && entries[i].range.start.line <= edit.range.end.line; i++) {
      const entry = entries[i];
      if (touches(edit.range, entry.range) && !addsLinesAfter(edit, entry)) names.add(entry.key);
    }
  }
  return names;
}
