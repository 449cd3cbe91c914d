/**
 * The outline lists every section and setting of a unit, up to a limit: past it, one symbol says
 * how many were left out and spans the rest of the unit, so that an editor asking after every
 * keystroke gets an answer of bounded size.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createUnitDocument, reparse } from '../../server/src/core';
import { documentSymbols, MAX_OUTLINE_SYMBOLS, type UnitSymbol } from '../../server/src/core/features/documentSymbols';

const UNIT = ['Orphan=1', '[Unit]', 'Description=x', 'After=a.target', '', '[Service]', 'Type=simple', 'ExecStart=/bin/true', 'User=nobody', '[Install]', 'WantedBy=multi-user.target', ''].join('\n');

/** Each symbol as `name@line`, its children indented. */
function shape(symbols: readonly UnitSymbol[]): string[] {
  return symbols.flatMap((s) => [`${s.name}@${s.range.start.line}`, ...s.children.map((c) => `  ${c.name}@${c.range.start.line}`)]);
}

describe('the outline of a unit', () => {
  const tree = createUnitDocument('file:///u.service', UNIT).tree;
  const whole = ['Orphan@0', '[Unit]@1', '  Description@2', '  After@3', '[Service]@5', '  Type@6', '  ExecStart@7', '  User@8', '[Install]@9', '  WantedBy@10'];

  const cases: Array<[string, number, string[], number | undefined]> = [
    ['within the limit: everything', 100, whole, undefined],
    ['exactly at the limit: everything, no note', 10, whole, undefined],
    ['cut within a section: the note starts at the first setting left out', 6, ['Orphan@0', '[Unit]@1', '  Description@2', '  After@3', '[Service]@5', '  Type@6', '… 4 more not listed@7'], 4],
    ['cut after a section: the note starts at the next header', 4, ['Orphan@0', '[Unit]@1', '  Description@2', '  After@3', '… 6 more not listed@5'], 6],
    ['cut among the lines before any section', 0, ['… 10 more not listed@0'], 10],
  ];
  for (const [name, max, expected, unlisted] of cases) {
    test(name, () => {
      const symbols = documentSymbols(tree, max);
      assert.deepEqual(shape(symbols), expected);
      const listed = symbols.reduce((n, s) => n + 1 + s.children.length, 0);
      if (unlisted === undefined) return;
      assert.equal(listed - 1, max, 'as many listed as the limit, besides the note');
      const note = symbols[symbols.length - 1];
      // It spans the rest of the unit, to the end of its last section.
      assert.deepEqual(note.range.end, { line: 10, character: 'WantedBy=multi-user.target'.length });
      assert.deepEqual(note.selectionRange, { start: note.range.start, end: note.range.start });
      assert.match(note.detail, new RegExp(`first ${max} sections and settings`));
    });
  }

  test('a long unit, moved by an edit, lists the limit and says how much more there is', () => {
    const sections = 3_000;
    const text = Array.from({ length: sections }, (_, i) => `[Service]\nExecStartPre=/bin/step ${i}\nNice=${i % 19}\n`).join('');
    const document = createUnitDocument('file:///long.service', text);
    // Moved by an edit at the top, the sections copy their settings only when read.
    const moved = reparse(document.tree, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# top\n' }]);
    const symbols = documentSymbols(moved);
    const listed = symbols.reduce((n, s) => n + 1 + s.children.length, 0);
    assert.equal(listed, MAX_OUTLINE_SYMBOLS + 1);
    assert.equal(symbols[symbols.length - 1].name, `… ${(sections * 3 - MAX_OUTLINE_SYMBOLS).toLocaleString('en-US')} more not listed`);
    assert.equal(symbols[0].range.start.line, 1);
  });
});
