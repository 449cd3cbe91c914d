/** Applying text edits to a string, as an editor applies a workspace edit to one document. */
import { LineIndex } from '../syntax/lineIndex';
import type { TextEdit } from '../types';

/**
 * Applies edits that do not overlap (ranges in the original text). An insertion at the same
 * place as the start of a deletion lands before the text that follows the deletion.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const resolved = edits.map((edit, order) => ({
    start: index.offsetAt(edit.range.start),
    end: index.offsetAt(edit.range.end),
    text: edit.newText,
    order,
  }));
  resolved.sort((a, b) => b.start - a.start || b.end - a.end || b.order - a.order);
  let result = text;
  let limit = Infinity;
  for (const edit of resolved) {
    if (edit.end > limit) throw new Error('overlapping edits');
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
    limit = edit.start;
  }
  return result;
}

/** One edit that turns `before` into `after`: the changed middle, common start and end kept. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // Do not split a \r\n pair or a surrogate pair.
  while (start > 0 && isPairTail(before, start)) start--;
  while (endBefore < before.length && isPairTail(before, endBefore)) {
    endBefore++;
    endAfter++;
  }
  const index = new LineIndex(before);
  return { range: { start: index.positionAt(start), end: index.positionAt(endBefore) }, newText: after.slice(start, endAfter) };
}

function isPairTail(text: string, offset: number): boolean {
  const c = text.charCodeAt(offset);
  const p = text.charCodeAt(offset - 1);
  return (c === 10 && p === 13) || (c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff);
}
