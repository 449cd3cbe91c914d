/** Applying text edits to a string, as an editor applies a workspace edit to one document. */
import { LineIndex } from '../syntax/lineIndex';
import type { TextEdit } from '../types';

/** An edit in document offsets: `[start, end)` of the original text becomes `text`. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies edits that do not overlap (ranges in the original text). An insertion at the same
 * place as the start of a deletion lands before the text that follows the deletion.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return spliceEdits(text, offsetEdits(new LineIndex(text), edits));
}

/**
 * The edits in offsets of the text `index` was built on, in text order; an insertion at the
 * same place as the start of a deletion comes first. Throws when two edits overlap.
 */
export function offsetEdits(index: LineIndex, edits: readonly TextEdit[]): OffsetEdit[] {
  const resolved = edits.map((edit, order) => ({
    start: index.offsetAt(edit.range.start),
    end: index.offsetAt(edit.range.end),
    text: edit.newText,
    order,
  }));
  resolved.sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  for (let i = 1; i < resolved.length; i++) if (resolved[i].start < resolved[i - 1].end) throw new Error('overlapping edits');
  return resolved.map(({ start, end, text }) => ({ start, end, text }));
}

/** The text with edits from offsetEdits() applied. */
export function spliceEdits(text: string, edits: readonly OffsetEdit[]): string {
  if (edits.length === 1) return text.slice(0, edits[0].start) + edits[0].text + text.slice(edits[0].end);
  const parts: string[] = [];
  let at = 0;
  for (const edit of edits) {
    parts.push(text.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let at = 0;
  while (at < max && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n < limit && a.charCodeAt(a.length - n - 1) === b.charCodeAt(b.length - n - 1)) n++;
  return n;
}

/**
 * The one edit that turns `before` into `after`, in offsets of `before`: the changed middle, the
 * common start and end kept. It never splits a \r\n or a surrogate pair. Undefined when the
 * texts are the same.
 */
export function changedSpan(before: string, after: string): OffsetEdit | undefined {
  if (before === after) return undefined;
  let start = commonPrefix(before, after);
  const suffix = commonSuffix(before, after, Math.min(before.length, after.length) - start);
  let endBefore = before.length - suffix;
  let endAfter = after.length - suffix;
  while (start > 0 && isPairTail(before, start)) start--;
  while (endBefore < before.length && isPairTail(before, endBefore)) {
    endBefore++;
    endAfter++;
  }
  return { start, end: endBefore, text: after.slice(start, endAfter) };
}

/** One edit that turns `before` into `after`: the changed middle, common start and end kept. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  const span = changedSpan(before, after);
  if (span === undefined) return undefined;
  const index = new LineIndex(before);
  return { range: { start: index.positionAt(span.start), end: index.positionAt(span.end) }, newText: span.text };
}

function isPairTail(text: string, offset: number): boolean {
  const c = text.charCodeAt(offset);
  const p = text.charCodeAt(offset - 1);
  return (c === 10 && p === 13) || (c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff);
}
