/**
 * The unified diff walks over the lines both texts start and end with in place, and splits only
 * the changed middle into lines. It must write exactly what the plain way writes: both whole texts
 * split into lines with their breaks, given to the same comparison of lines (which strips the
 * common ones at either end) and the same writer of hunks. Both are run on texts of short lines
 * with every kind of line break (a `\r` that a change turns into `\r\n` and back among them),
 * changed in a few places.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { unifiedDiff } from '../../server/src/core';
import { diffLines, splitKeepingBreaks, writeHunks } from '../../server/src/core/features/fixes/diff';

/** The plain way: both whole texts split into lines, then compared and written as before. */
function referenceDiff(before: string, after: string, path: string, context = 3): string {
  return before === after ? '' : writeHunks(diffLines(splitKeepingBreaks(before), splitKeepingBreaks(after)), 0, path, context);
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
