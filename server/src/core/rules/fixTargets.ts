/** Which settings a fix touches: what it writes, and the lines its edits change or remove. */
import { allEntries, type SyntaxTree } from '../syntax/syntaxTree';
import type { Fix, Position, Range } from '../types';

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

/** Every setting whose lines a fix may change on `tree`: the ones it writes and the ones on lines it edits. */
export function settingsChanged(fix: Fix, tree: SyntaxTree): Set<string> {
  const names = new Set(settingsWritten(fix));
  for (const entry of allEntries(tree)) {
    if (fix.edits.some((edit) => touches(edit.range, entry.range))) names.add(entry.key);
  }
  return names;
}
