/**
 * The server applies the client's incremental edits with its own code. The reference is a plain
 * string: each edit replaces the characters between two offsets, and the positions sent are
 * worked out by counting line breaks in the text as it is before that edit.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyContentChanges, OpenText, type ContentChange } from '../../server/src/lsp/textSync';
import { plainOffset, plainPositionAt } from '../support/plainText';

describe('incremental edits as LSP defines them', () => {
  const cases: ReadonlyArray<{ name: string; text: string; changes: ContentChange[]; expected: string }> = [
    {
      name: 'a \\r typed before an existing \\n joins them into one break; the next edit lands on the next line',
      text: '[Service]\nExecStart=/bin/true\n',
      changes: [
        { range: { start: { line: 0, character: 9 }, end: { line: 0, character: 9 } }, text: '\r' },
        { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } }, text: 'ExecStop' },
      ],
      expected: '[Service]\r\nExecStop=/bin/true\n',
    },
    {
      name: 'a lone \\r typed before a \\r\\n adds a line; later positions count it',
      text: 'A=1\r\nB=2',
      changes: [
        { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, text: '\rC=3' },
        { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }, text: 'D' },
      ],
      expected: 'A=1\rC=3\r\nD=2',
    },
    {
      name: 'a lone \\r ends a line',
      text: 'A=1\rB=2\rC=3',
      changes: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }, text: 'X' }],
      expected: 'A=1\rB=2\rX=3',
    },
    {
      name: 'a character past the end of a line means the end of that line, not the next one',
      text: 'A=1\nB=2\n',
      changes: [{ range: { start: { line: 0, character: 99 }, end: { line: 0, character: 120 } }, text: '0' }],
      expected: 'A=10\nB=2\n',
    },
    {
      name: 'a line past the end means the end of the text',
      text: 'A=1\nB=2',
      changes: [{ range: { start: { line: 1, character: 1 }, end: { line: 40, character: 0 } }, text: '=9' }],
      expected: 'A=1\nB=9',
    },
    {
      name: 'UTF-16 characters: an emoji counts two',
      text: 'Description=📦 box\n',
      changes: [{ range: { start: { line: 0, character: 14 }, end: { line: 0, character: 18 } }, text: ' crate' }],
      expected: 'Description=📦 crate\n',
    },
    {
      name: 'a line removed after an empty line: later edits in the same didChange count the lines left',
      text: 'A=1\n\nB=2\nC=3\nD=4\n',
      changes: [
        { range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, text: '' },
        { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } }, text: 'X' },
      ],
      expected: 'A=1\n\nC=3\nX=4\n',
    },
    {
      name: 'a change without a range replaces the whole text',
      text: 'A=1\n',
      changes: [{ text: 'B=2\n' }, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'C' }],
      expected: 'C=2\n',
    },
  ];
  for (const c of cases) test(c.name, () => assert.equal(applyContentChanges(c.text, c.changes), c.expected));

  const piece = fc.constantFrom('\n', '\r\n', '\r', 'A=1', 'ExecStart=/bin/true', '[Service]', '📦', '\ud83d', ' ', '#', '=', 'é', '\\');
  const text = fc.array(piece, { maxLength: 20 }).map((parts) => parts.join(''));
  const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 12 }), text: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')), pastEnd: fc.boolean() });

  test('a didChange without changes changes no span (the next parse reads nothing again)', () => {
    const next = new OpenText('file:///a.service', 'systemd-unit', 1, '[Unit]\nDescription=x\n').update([], 2);
    assert.equal(next.getText(), '[Unit]\nDescription=x\n');
    assert.equal(next.changes?.span, undefined);
  });

  test('the line count, as LSP counts lines, before and after an edit', () => {
    const open = new OpenText('file:///a.service', 'systemd-unit', 1, '[Unit]\r\nA=1\rB=2\n');
    assert.equal(open.lineCount, 4);
    assert.equal(open.update([{ range: { start: { line: 1, character: 0 }, end: { line: 3, character: 0 } }, text: '' }], 2).lineCount, 2);
    assert.equal(new OpenText('file:///a.service', 'systemd-unit', 1, '').lineCount, 1);
  });

  test('any sequence of edits gives the text a plain string model gives', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 10 }), (initial, edits) => {
        let expected = initial;
        let actual = initial;
        for (const e of edits) {
          const start = plainOffset(expected, e.at % (expected.length + 1));
          const end = e.pastEnd ? expected.length : plainOffset(expected, Math.min(expected.length, start + e.length));
          const range = {
            start: plainPositionAt(expected, start),
            end: e.pastEnd ? { line: plainPositionAt(expected, expected.length).line + 2, character: 5 } : plainPositionAt(expected, end),
          };
          expected = expected.slice(0, start) + e.text + expected.slice(Math.max(start, end));
          actual = applyContentChanges(actual, [{ range, text: e.text }]);
          assert.equal(actual, expected);
        }
      }),
      { numRuns: 2000 },
    );
  });

  // Line starts are counted once and then carried from edit to edit: edits sent together in one
  // didChange, and didChanges one after another, must land where a fresh count puts them.
  test('edits in one didChange, and didChanges one after another, give the text a plain string model gives', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 10 }), (initial, edits) => {
        let expected = initial;
        const changes: ContentChange[] = [];
        for (const e of edits) {
          const start = plainOffset(expected, e.at % (expected.length + 1));
          const end = e.pastEnd ? expected.length : plainOffset(expected, Math.min(expected.length, start + e.length));
          const range = {
            start: plainPositionAt(expected, start),
            end: e.pastEnd ? { line: plainPositionAt(expected, expected.length).line + 2, character: 5 } : plainPositionAt(expected, end),
          };
          expected = expected.slice(0, start) + e.text + expected.slice(Math.max(start, end));
          changes.push({ range, text: e.text });
        }
        assert.equal(applyContentChanges(initial, changes), expected);
        let document = new OpenText('file:///a.service', 'systemd-unit', 1, initial);
        for (const change of changes) document = document.update([change], document.version + 1);
        assert.equal(document.getText(), expected);
        // The span all the changes of one didChange cover turns the old text into the new one, and lies in both.
        const all = new OpenText('file:///a.service', 'systemd-unit', 1, initial).update(changes, 2);
        const span = all.changes?.span;
        assert.ok(span && span.start <= span.oldEnd && span.oldEnd <= initial.length && span.start <= span.newEnd && span.newEnd <= expected.length);
        assert.equal(initial.slice(0, span.start) + expected.slice(span.start, span.newEnd) + initial.slice(span.oldEnd), expected);
      }),
      { numRuns: 2000 },
    );
  });
});
