import { commentLines } from '../syntax/commentList';
import { continuedAt, entryAt, entryCount, type Entry, type SyntaxTree } from '../syntax/syntaxTree';

export interface UnitFoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

/**
 * Folds each section, each run of two or more comment lines, and each continued assignment, by
 * where they start; at most `limit` of them, the first (an editor says how many it shows).
 */
export function foldingRanges(tree: SyntaxTree, limit = Infinity): UnitFoldingRange[] {
  const ranges: UnitFoldingRange[] = [];
  for (const section of tree.sections) {
    if (section.range.end.line > section.range.start.line) {
      ranges.push({ startLine: section.range.start.line, endLine: section.range.end.line, kind: 'region' });
    }
    // Only an assignment continued over lines spans several: the others are not read (a long unit
    // has hundreds of thousands, and those of a section an edit moved would be copied to be read).
    const count = entryCount(section);
    for (let i = 0; i < count; i++) {
      if (!continuedAt(section, i)) continue;
      const entry = entryAt(section, i) as Entry;
      if (entry.range.end.line > entry.range.start.line) ranges.push({ startLine: entry.range.start.line, endLine: entry.range.end.line });
    }
  }
  let runStart = -1;
  let previous = -2;
  const closeRun = (): void => {
    if (runStart >= 0 && previous > runStart) ranges.push({ startLine: runStart, endLine: previous, kind: 'comment' });
  };
  for (const line of commentLines(tree)) {
    if (line !== previous + 1) {
      closeRun();
      runStart = line;
    }
    previous = line;
  }
  closeRun();
  ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  if (ranges.length > limit) ranges.length = Math.max(0, Math.floor(limit));
  return ranges;
}
