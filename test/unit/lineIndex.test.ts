import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { LineIndex, type Position } from '../../server/src/core';
import { dominantEol } from '../../server/src/core/syntax/lineIndex';

interface LineIndexCase {
  name: string;
  text: string;
  /** [start, end, line break] of each line. */
  lines: [number, number, string][];
  eol: string;
  /** [offset, line, character]: positionAt(offset) must give the position. */
  positions: [number, number, number][];
}

const repoRoot = path.resolve(__dirname, '../../..');
const cases = JSON.parse(
  readFileSync(path.join(repoRoot, 'test/fixtures/parser/line-index/cases.json'), 'utf8'),
) as LineIndexCase[];

/** Every position an editor can point at: each line from character 0 to its end. */
function allPositions(index: LineIndex): Position[] {
  return index.lines.flatMap((line, n) =>
    Array.from({ length: line.end - line.start + 1 }, (_, character) => ({ line: n, character })),
  );
}

/** Offsets between the CR and the LF of a CRLF pair: no position points there. */
function insideCrlf(text: string, offset: number): boolean {
  return text[offset - 1] === '\r' && text[offset] === '\n';
}

function checkRoundTrips(text: string): void {
  const index = new LineIndex(text);
  for (const position of allPositions(index)) {
    assert.deepStrictEqual(index.positionAt(index.offsetAt(position)), position, `position ${JSON.stringify(position)} in ${JSON.stringify(text)}`);
  }
  for (let offset = 0; offset <= text.length; offset++) {
    const back = index.offsetAt(index.positionAt(offset));
    assert.equal(back, insideCrlf(text, offset) ? offset - 1 : offset, `offset ${offset} in ${JSON.stringify(text)}`);
  }
}

describe('LineIndex fixtures', () => {
  assert.ok(cases.length >= 8);
  for (const c of cases) {
    test(c.name, () => {
      const index = new LineIndex(c.text);
      assert.deepStrictEqual(
        index.lines.map((l) => [l.start, l.end, l.eol]),
        c.lines,
      );
      assert.equal(dominantEol(index.lines), c.eol);
      for (const [offset, line, character] of c.positions) {
        assert.deepStrictEqual(index.positionAt(offset), { line, character }, `positionAt(${offset})`);
      }
      checkRoundTrips(c.text);
    });
  }
});

describe('LineIndex clamping', () => {
  const index = new LineIndex('ab\r\ncde\nf');

  test('offsets outside the text are clamped to it', () => {
    assert.deepStrictEqual(index.positionAt(-1), { line: 0, character: 0 });
    assert.deepStrictEqual(index.positionAt(-Infinity), { line: 0, character: 0 });
    assert.deepStrictEqual(index.positionAt(1000), { line: 2, character: 1 });
    assert.deepStrictEqual(index.positionAt(Infinity), { line: 2, character: 1 });
  });

  test('malformed offsets (NaN, fractions) do not throw', () => {
    assert.deepStrictEqual(index.positionAt(NaN), { line: 0, character: 0 });
    assert.deepStrictEqual(index.positionAt(5.9), { line: 1, character: 1 });
  });

  test('lines before the first give 0, lines after the last give the end', () => {
    assert.equal(index.offsetAt({ line: -1, character: 5 }), 0);
    assert.equal(index.offsetAt({ line: 3, character: 0 }), 9);
    assert.equal(index.offsetAt({ line: 1e9, character: 0 }), 9);
  });

  test('characters past the end of a line stop at its end, not on the next line', () => {
    assert.equal(index.offsetAt({ line: 0, character: 3 }), 2);
    assert.equal(index.offsetAt({ line: 0, character: 1e9 }), 2);
    assert.equal(index.offsetAt({ line: 1, character: 100 }), 7);
    assert.equal(index.offsetAt({ line: 1, character: -4 }), 4);
  });

  test('malformed positions do not throw', () => {
    assert.equal(index.offsetAt({ line: NaN, character: NaN }), 0);
    assert.equal(index.offsetAt({ line: 1.7, character: 1.2 }), 5);
    assert.equal(index.offsetAt({} as Position), 0);
    assert.equal(index.offsetAt(undefined as unknown as Position), 0);
    assert.equal(index.offsetAt({ line: '1', character: '2' } as unknown as Position), 0);
    assert.equal(index.textAt(undefined as unknown as Parameters<LineIndex['textAt']>[0]), '');
  });

  test('range() and textAt() agree', () => {
    const range = index.range(1, 6);
    assert.deepStrictEqual(range, { start: { line: 0, character: 1 }, end: { line: 1, character: 2 } });
    assert.equal(index.textAt(range), 'b\r\ncd');
    assert.equal(index.textAt({ start: { line: 1, character: 0 }, end: { line: 1, character: 99 } }), 'cde');
  });
});

test('round trips hold for any text of line breaks, NULs, surrogates and letters', () => {
  const unit = fc.constantFrom('\n', '\r', '\r\n', 'a', 'é', '\ud83d\ude00', '\ud800', '\0', ' ');
  fc.assert(fc.property(fc.array(unit, { maxLength: 40 }).map((p) => p.join('')), (text) => checkRoundTrips(text)), { numRuns: 500 });
});
