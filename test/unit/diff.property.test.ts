/**
 * The unified diff walks over the lines both texts start and end with in place, and splits only
 * the changed middle into lines. It must write exactly what the plain way writes: both texts split
 * into lines with their breaks, the common lines stripped from either end, the middle compared by
 * longest common subsequence. That plain way is kept here as the reference, and both are run on
 * texts of short lines with every kind of line break (a `\r` that a change turns into `\r\n` and
 * back among them), changed in a few places.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { unifiedDiff } from '../../server/src/core';

type Op = { kind: ' ' | '-' | '+'; line: string };

function splitKeepingBreaks(text: string): string[] {
  return text.match(/[^\r\n]*(\r\n|\n|\r)|[^\r\n]+$/g) ?? [];
}

function referenceOps(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const ops: Op[] = a.slice(0, start).map((line) => ({ kind: ' ', line }));
  const n = midA.length;
  const m = midB.length;
  if (n * m > 4_000_000) {
    for (const line of midA) ops.push({ kind: '-', line });
    for (const line of midB) ops.push({ kind: '+', line });
  } else {
    const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = midA[i] === midB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        ops.push({ kind: ' ', line: midA[i] });
        i++;
        j++;
      } else if (i < n && (j >= m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ kind: '-', line: midA[i++] });
      else ops.push({ kind: '+', line: midB[j++] });
    }
  }
  for (let k = endA; k < a.length; k++) ops.push({ kind: ' ', line: a[k] });
  return ops;
}

function show(line: string): string {
  if (line.endsWith('\n')) return line;
  return line.endsWith('\r') ? `${line}\n` : `${line}\n\\ No newline at end of file\n`;
}

function referenceDiff(before: string, after: string, path: string, context = 3): string {
  if (before === after) return '';
  const ops = referenceOps(splitKeepingBreaks(before), splitKeepingBreaks(after));
  const changed = ops.map((op, i) => (op.kind !== ' ' ? i : -1)).filter((i) => i >= 0);
  let out = `--- a/${path}\n+++ b/${path}\n`;
  let index = 0;
  while (index < changed.length) {
    const first = changed[index];
    let last = first;
    while (index + 1 < changed.length && changed[index + 1] - last <= context * 2) last = changed[++index];
    index++;
    const from = Math.max(0, first - context);
    const to = Math.min(ops.length - 1, last + context);
    let oldStart = 1;
    let newStart = 1;
    for (let k = 0; k < from; k++) {
      if (ops[k].kind !== '+') oldStart++;
      if (ops[k].kind !== '-') newStart++;
    }
    const hunk = ops.slice(from, to + 1);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    out += `@@ -${oldCount === 0 ? oldStart - 1 : oldStart},${oldCount} +${newCount === 0 ? newStart - 1 : newStart},${newCount} @@\n`;
    for (const op of hunk) out += op.kind + show(op.line);
  }
  return out;
}

/** Text in pieces: short words and every kind of line break, so that lines repeat and breaks meet. */
const piece = fc.constantFrom('a', 'b', 'X=1', ' ', '\n', '\r', '\r\n', '\n\n', '\r\r');
const text = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

/** A change: at a place, some characters removed and some inserted. */
const change = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: fc.array(piece, { maxLength: 4 }).map((p) => p.join('')) });

function changed(base: string, changes: ReadonlyArray<{ at: number; remove: number; insert: string }>): string {
  let out = base;
  for (const c of changes) {
    const at = out.length === 0 ? 0 : c.at % (out.length + 1);
    out = out.slice(0, at) + c.insert + out.slice(at + c.remove);
  }
  return out;
}

describe('the unified diff', () => {
  test('takes a whole number of lines of context, and refuses another', () => {
    for (const context of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) assert.throws(() => unifiedDiff('a\n', 'b\n', 'x', context), RangeError, String(context));
    assert.equal(unifiedDiff('a\n', 'b\n', 'x', 0), referenceDiff('a\n', 'b\n', 'x', 0));
    assert.equal(unifiedDiff('a\nb\n', 'a\nc\n', 'x'), '--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n');
  });

  test('writes what splitting both texts into lines writes, for texts changed in a few places', () => {
    fc.assert(
      fc.property(text, fc.array(change, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 3 }), (before, changes, context) => {
        const after = changed(before, changes);
        assert.equal(unifiedDiff(before, after, 'x.service', context), referenceDiff(before, after, 'x.service', context));
        assert.equal(unifiedDiff(after, before, 'x.service', context), referenceDiff(after, before, 'x.service', context));
      }),
      { numRuns: 3000 },
    );
  });

  test('writes what splitting writes for lines repeated around the change, at the ends and across a break that a change turns from \\r into \\r\\n', () => {
    const cases: Array<[string, string]> = [
      ['', 'a\n'],
      ['a', 'a\n'],
      ['a\r', 'a\r\n'],
      ['a\rb', 'a\r\nb'],
      ['x\na\r', 'x\na\rb'],
      ['a\nb\nb\nb\nb\nc\n', 'a\nb\nb\nb\nc\n'],
      ['b\nb\nb\n', 'b\nb\nb\nb\n'],
      ['x\nL', 'y\rL'],
      ['k\nk\nk\nk\nk\nmid\nk\nk\nk\nk\nk\n', 'k\nk\nk\nk\nk\nnew\nk\nk\nk\nk\nk\n'],
      [`${'keep\n'.repeat(50)}old\n${'keep\n'.repeat(50)}`, `${'keep\n'.repeat(50)}new\n${'keep\n'.repeat(50)}`],
    ];
    for (const [before, after] of cases) {
      for (const context of [0, 1, 3]) {
        assert.equal(unifiedDiff(before, after, 'x', context), referenceDiff(before, after, 'x', context), JSON.stringify([before, after, context]));
        assert.equal(unifiedDiff(after, before, 'x', context), referenceDiff(after, before, 'x', context), JSON.stringify([after, before, context]));
      }
    }
  });
});
