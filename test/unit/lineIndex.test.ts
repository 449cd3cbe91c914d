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

describe('LineIndex.spliced', () => {
  /** Lines of `\n` or `\r\n` breaks, letters and blanks: what a spliced index is made for. */
  const piece = fc.array(fc.constantFrom('a', 'b', ' ', '=', '\n', '\r\n'), { maxLength: 24 }).map((parts) => parts.join(''));

  /** Every line's start and end, every offset's line, and the positions both ways, as an index read from the text says. */
  function assertReadsAs(spliced: LineIndex, text: string): void {
    const fresh = new LineIndex(text);
    assert.equal(spliced.lineCount, fresh.lineCount);
    for (let k = 0; k < fresh.lineCount; k++) {
      assert.equal(spliced.lineStart(k), fresh.lineStart(k), `start of line ${k} of ${JSON.stringify(text)}`);
      assert.equal(spliced.lineEnd(k), fresh.lineEnd(k), `end of line ${k} of ${JSON.stringify(text)}`);
    }
    for (let at = 0; at <= text.length; at++) {
      assert.equal(spliced.lineOf(at), fresh.lineOf(at), `line of ${at} in ${JSON.stringify(text)}`);
      assert.deepStrictEqual(spliced.positionAt(at), fresh.positionAt(at));
    }
    for (let line = -1; line <= fresh.lineCount; line++) {
      for (const character of [0, 1, 3, 1000]) assert.equal(spliced.offsetAt({ line, character }), fresh.offsetAt({ line, character }));
    }
    assert.deepStrictEqual(spliced.lines, fresh.lines);
  }

  test('an index spliced from another, and one spliced from that, read as the index of their text', () => {
    fc.assert(
      fc.property(piece, fc.array(fc.tuple(fc.nat(), fc.nat(), piece), { minLength: 1, maxLength: 4 }), (start, edits) => {
        let text = start;
        let index = new LineIndex(text);
        for (const [a, b, inserted] of edits) {
          let from = Math.min(a, b) % (text.length + 1);
          let to = Math.max(a, b) % (text.length + 1);
          if (to < from) [from, to] = [to, from];
          // Never between the two characters of a `\r\n`: a splice of a text of `\r\n` breaks keeps them whole.
          if (insideCrlf(text, from) || insideCrlf(text, to)) continue;
          const next = text.slice(0, from) + inserted + text.slice(to);
          if (/\r(?!\n)/.test(next)) continue;
          index = LineIndex.spliced(index, next, from, to, from + inserted.length);
          text = next;
          assertReadsAs(index, text);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('a text read again through an index spliced from it keeps its lines', () => {
    const text = 'a=1\nb=2\r\nc=3\n\nd=4';
    const inserted = '=22\nx';
    const edited = text.slice(0, 5) + inserted + text.slice(6);
    const spliced = LineIndex.spliced(new LineIndex(text), edited, 5, 6, 5 + inserted.length);
    assertReadsAs(spliced, edited);
    assertReadsAs(spliced.over(edited), edited);
  });
});
