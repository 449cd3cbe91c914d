import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex, allEntries, parse, type Position } from '../../server/src/core';
import { dominantEol, type PhysicalLine } from '../../server/src/core/syntax/lineIndex';

/*
 * The tree builds ranges, value segments and the line list when they are
 * first read. These tests pin down that this is invisible: same values as
 * plain fields, same object on every read, assignable, and plain-looking JSON.
 */

const SAMPLE = [
  '# a comment',
  '[Unit]',
  'Description=A service — «quoted»',
  'After=a.target \\',
  '  # skipped',
  '  b.target',
  'Empty=',
  '',
  '[Service]',
  'ExecStart=/bin/x \\',
  '\\',
  '   --flag',
  '',
].join('\n');

/** Lines split the plain way, as the reference for the line index. */
function referenceLines(text: string): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      const eol = c === '\r' && text[i + 1] === '\n' ? '\r\n' : c;
      lines.push({ start, end: i, eol });
      i += eol.length - 1;
      start = i + 1;
    }
  }
  lines.push({ start, end: text.length, eol: '' });
  return lines;
}

function referencePosition(lines: PhysicalLine[], offset: number): Position {
  let line = 0;
  while (line + 1 < lines.length && lines[line + 1].start <= offset) line++;
  return { line, character: Math.min(offset, lines[line].end) - lines[line].start };
}

describe('ranges built on first read', () => {
  test('reading a range twice gives the same object', () => {
    const tree = parse(SAMPLE);
    for (const entry of allEntries(tree)) {
      assert.equal(entry.keyRange, entry.keyRange);
      assert.equal(entry.equalsRange, entry.equalsRange);
      assert.equal(entry.valueRange, entry.valueRange);
      assert.equal(entry.range, entry.range);
      assert.equal(entry.segments, entry.segments);
    }
    for (const section of tree.sections) {
      assert.equal(section.headerRange, section.headerRange);
      assert.equal(section.nameRange, section.nameRange);
      assert.equal(section.range, section.range);
    }
    for (const comment of tree.comments) assert.equal(comment.range, comment.range);
    assert.equal(tree.lines.lines, tree.lines.lines);
  });

  test('the ranges are those of the offsets', () => {
    const tree = parse(SAMPLE);
    const index = tree.lines;
    const [description, after, empty, execStart] = allEntries(tree);
    assert.deepStrictEqual(description.keyRange, { start: { line: 2, character: 0 }, end: { line: 2, character: 11 } });
    assert.deepStrictEqual(description.equalsRange, { start: { line: 2, character: 11 }, end: { line: 2, character: 12 } });
    assert.deepStrictEqual(description.valueRange, { start: { line: 2, character: 12 }, end: { line: 2, character: 32 } });
    assert.deepStrictEqual(description.segments, [
      { text: 'A service — «quoted»', offset: description.valueOffset, range: description.valueRange },
    ]);
    assert.equal(after.value, 'a.target    b.target');
    assert.deepStrictEqual(after.range, { start: { line: 3, character: 0 }, end: { line: 5, character: 10 } });
    assert.deepStrictEqual(
      after.segments.map((s) => [s.text, s.range]),
      [
        ['a.target ', { start: { line: 3, character: 6 }, end: { line: 3, character: 15 } }],
        ['  b.target', { start: { line: 5, character: 0 }, end: { line: 5, character: 10 } }],
      ],
    );
    assert.equal(empty.isEmpty, true);
    assert.deepStrictEqual(empty.segments, []);
    assert.deepStrictEqual(empty.valueRange, index.range(empty.valueOffset, empty.valueOffset));
    assert.deepStrictEqual(execStart.segments.map((s) => s.text), ['/bin/x ', '', '   --flag']);
    assert.deepStrictEqual(tree.sections[0].range, { start: { line: 1, character: 0 }, end: { line: 6, character: 6 } });
    assert.deepStrictEqual(tree.comments[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 11 } });
  });

  test('a range can be replaced, as a plain field', () => {
    const tree = parse(SAMPLE);
    const entry = tree.sections[0].entries[0];
    const range = { start: { line: 9, character: 9 }, end: { line: 9, character: 9 } };
    entry.keyRange = range;
    entry.valueRange = range;
    entry.range = range;
    entry.equalsRange = range;
    entry.segments = [];
    tree.sections[0].range = range;
    tree.comments[0].range = range;
    assert.equal(entry.keyRange, range);
    assert.equal(entry.valueRange, range);
    assert.equal(entry.range, range);
    assert.equal(entry.equalsRange, range);
    assert.deepStrictEqual(entry.segments, []);
    assert.equal(tree.sections[0].range, range);
    assert.equal(tree.comments[0].range, range);
  });

  test('JSON sees every field, in the order of the types, and the section cycle', () => {
    const orphan = parse('A = b\n').orphans[0];
    assert.equal(
      JSON.stringify(orphan),
      '{"key":"A","keyRange":{"start":{"line":0,"character":0},"end":{"line":0,"character":1}},' +
        '"equalsRange":{"start":{"line":0,"character":2},"end":{"line":0,"character":3}},"value":"b",' +
        '"valueRange":{"start":{"line":0,"character":4},"end":{"line":0,"character":5}},' +
        '"segments":[{"text":"b","offset":4,"range":{"start":{"line":0,"character":4},"end":{"line":0,"character":5}}}],' +
        '"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":5}},"startOffset":0,"endOffset":5,' +
        '"valueOffset":4,"isEmpty":false,"isContinued":false}',
    );
    const tree = parse(SAMPLE);
    assert.equal(JSON.stringify(tree.comments[0]), '{"text":"# a comment","range":{"start":{"line":0,"character":0},"end":{"line":0,"character":11}}}');
    assert.throws(() => JSON.stringify(tree.sections[0]), TypeError);
  });
});

describe('the line index', () => {
  const texts = fc
    .array(fc.constantFrom('a', ' ', '\n', '\r', '\r\n', '\n\r', '\0', '😀', '=', '\\', '[S]', '#'), { maxLength: 40 })
    .map((parts) => parts.join(''));

  test('lines, positions and offsets agree with a plain split', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const index = new LineIndex(text);
        const lines = referenceLines(text);
        assert.deepStrictEqual(index.lines, lines);
        assert.equal(index.lineCount, lines.length);
        assert.equal(index.dominantEol(), dominantEol(lines));
        lines.forEach((line, k) => {
          assert.equal(index.lineStart(k), line.start);
          assert.equal(index.lineEnd(k), line.end);
          assert.equal(index.offsetAt({ line: k, character: 1e9 }), line.end);
        });
        for (let offset = 0; offset <= text.length; offset++) {
          assert.deepStrictEqual(index.positionAt(offset), referencePosition(lines, offset));
        }
      }),
      { numRuns: 500 },
    );
  });

  test('a tie between line break kinds goes to the kind seen first', () => {
    assert.equal(new LineIndex('a\r\nb\nc').dominantEol(), '\r\n');
    assert.equal(new LineIndex('a\nb\r\nc').dominantEol(), '\n');
    assert.equal(new LineIndex('a\rb\r\nc\n').dominantEol(), '\r');
    assert.equal(new LineIndex('abc').dominantEol(), '\n');
  });

  test('the tree of a parsed text answers like a fresh index', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const tree = parse(text);
        assert.deepStrictEqual(tree.lines.lines, referenceLines(text));
        assert.equal(tree.eol, dominantEol(referenceLines(text)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('large inputs', () => {
  test('many lines without "=" or "]" are each read on their own', () => {
    const text = `[Unit]\n${'[ junk\nmore junk\n'.repeat(20_000)}A=b\n`;
    const tree = parse(text);
    // 200 of each kind listed, then one that says how many more there are.
    assert.equal(tree.diagnostics.filter((d) => d.code === 'missing-equals').length, 201);
    assert.equal(tree.diagnostics.filter((d) => d.code === 'invalid-section-header').length, 201);
    assert.ok(tree.diagnostics.some((d) => d.message.startsWith('19,800 more lines have this problem (missing-equals)')));
    assert.equal(tree.sections.length, 20_001);
    assert.deepStrictEqual(tree.sections[20_000].entries.map((e) => [e.key, e.value]), [['A', 'b']]);
  });

  test('a key or value used many times reads the same everywhere', () => {
    const text = `[Service]\n${'ProtectSystem=strict\nReadWritePaths=/var/lib/some-long-path\n'.repeat(1000)}`;
    const entries = parse(text).sections[0].entries;
    assert.equal(entries.length, 2000);
    for (let i = 0; i < entries.length; i += 2) {
      assert.equal(entries[i].key, 'ProtectSystem');
      assert.equal(entries[i].value, 'strict');
      assert.equal(entries[i + 1].value, '/var/lib/some-long-path');
      assert.deepStrictEqual(entries[i].keyRange, { start: { line: i + 1, character: 0 }, end: { line: i + 1, character: 13 } });
    }
  });

  test('a value is read from the text, and only a value joined from several lines is kept', () => {
    const text = `[Service]\n${Array.from({ length: 500 }, (_, i) => `Description=a value of its own, number ${i}\n`).join('')}ExecStart=/bin/x \\\n  --flag\nEmpty=\n`;
    const tree = parse(text);
    const entries = tree.sections[0].entries;
    const own = (entry: object): unknown[] => Object.getOwnPropertyNames(entry).map((name) => (entry as Record<string, unknown>)[name]);
    for (let i = 0; i < 500; i++) {
      assert.equal(entries[i].value, `a value of its own, number ${i}`);
      // No field of the node holds its value (a long unit would keep a string for each line).
      assert.ok(!own(entries[i]).includes(entries[i].value), `line ${i + 2} keeps its value`);
    }
    assert.equal(entries[500].value, '/bin/x    --flag');
    assert.equal(entries[500].isContinued, true);
    assert.equal(entries[501].value, '');
    assert.equal(entries[501].isEmpty, true);
    assert.equal(entries[0].isEmpty, false);
    // Assignable, as a plain field.
    entries[0].value = 'replaced';
    assert.equal(entries[0].value, 'replaced');
    assert.equal(entries[1].value, 'a value of its own, number 1');
  });
});
