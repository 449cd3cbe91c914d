/**
 * The server's text in pieces reads as the plain string it stands for: the reference is a string
 * edited with slice, character by character, after any number of edits (past the number of pieces
 * at which they are joined), and values before an edit do not change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PieceText } from '../../server/src/lsp/pieceText';

const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 12 }), text: fc.string({ maxLength: 6, unit: fc.constantFrom('a', 'b', '\n', '\r', '😀', 'é') }) });

function assertSame(piece: PieceText, plain: string): void {
  assert.equal(piece.length, plain.length);
  for (let i = -1; i <= plain.length; i++) assert.ok(Object.is(piece.charCodeAt(i), plain.charCodeAt(i)), `character ${i}`);
  for (let i = 0; i <= plain.length; i += 3) assert.equal(piece.slice(i, Math.min(plain.length, i + 5)), plain.slice(i, i + 5));
}

test('a text in pieces reads as the string edited the same way, and earlier values stay as they were', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 40 }), fc.array(edit, { maxLength: 30 }), (initial, edits) => {
      let piece = PieceText.of(initial);
      let plain = initial;
      const values: { piece: PieceText; plain: string }[] = [];
      for (const e of edits) {
        const start = e.at % (plain.length + 1);
        const end = Math.min(plain.length, start + e.length);
        piece = piece.replaced(start, end, e.text);
        plain = plain.slice(0, start) + e.text + plain.slice(end);
        values.push({ piece, plain });
        assertSame(piece, plain);
      }
      for (const value of values) assert.equal(value.piece.toString(), value.plain);
      assertSame(piece, plain);
    }),
    { numRuns: 500 },
  );
});

test('many edits are joined now and then, and reading the whole joins the pieces into one', () => {
  let piece = PieceText.of('x'.repeat(1000));
  let plain = 'x'.repeat(1000);
  let most = 0;
  for (let k = 0; k < 2000; k++) {
    const at = (k * 7919) % plain.length;
    piece = piece.replaced(at, at + 1, String(k % 10));
    plain = plain.slice(0, at) + String(k % 10) + plain.slice(at + 1);
    most = Math.max(most, piece.pieceCount);
  }
  assert.ok(most <= 257, `pieces: ${most}`);
  assert.equal(piece.toString(), plain);
  assert.equal(piece.pieceCount, 1);
  assert.equal(PieceText.of('').toString(), '');
  assert.equal(PieceText.of('').replaced(0, 0, 'a').toString(), 'a');
});
