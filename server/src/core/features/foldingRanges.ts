import { commentLines } from '../syntax/commentList';
import type { SyntaxTree } from '../syntax/syntaxTree';

export interface UnitFoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

/** Folds each section, each run of two or more comment lines, and each continued assignment. */
export function foldingRanges(tree: SyntaxTree): UnitFoldingRange[] {
  const ranges: UnitFoldingRange[] = [];
  for (const section of tree.sections) {
    if (section.range.end.line > section.range.start.line) {
      ranges.push({ startLine: section.range.start.line, endLine: section.range.end.line, kind: 'region' });
    }
    for (const entry of section.entries) {
      if (entry.range.end.line > entry.range.start.line) {
        ranges.push({ startLine: entry.range.start.line, endLine: entry.range.end.line });
      }
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
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
