/** Which settings a fix changes: what it writes, and the lines its edits change. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allEntries, createUnitDocument, type Fix, type Range } from '../../server/src/core';
import { settingsChanged } from '../../server/src/core/rules/fixTargets';

const at = (line: number, character: number): Range => ({ start: { line, character }, end: { line, character } });

const cases: { name: string; text: string; range: Range; newText: string; changed: string[] }[] = [
  { name: 'a line added after the last setting', text: '[Service]\nUser=a\n', range: at(1, 6), newText: '\nPrivateTmp=yes', changed: ['PrivateTmp'] },
  { name: 'a line added after it, CRLF', text: '[Service]\r\nUser=a\r\n', range: at(1, 6), newText: '\r\nPrivateTmp=yes', changed: ['PrivateTmp'] },
  { name: 'text added to the end of its line', text: '[Service]\nUser=a\n', range: at(1, 6), newText: 'b', changed: ['User'] },
  { name: 'a line added after a value continued on the next line', text: '[Service]\nExecStart=/bin/a \\\n  -b\n', range: at(1, 16), newText: '\nPrivateTmp=yes', changed: ['ExecStart', 'PrivateTmp'] },
  { name: 'its value replaced', text: '[Service]\nUser=a\n', range: { start: { line: 1, character: 5 }, end: { line: 1, character: 6 } }, newText: 'b', changed: ['User'] },
  { name: 'a line added before it', text: '[Service]\nUser=a\n', range: at(1, 0), newText: 'PrivateTmp=yes\n', changed: ['PrivateTmp'] },
];

for (const c of cases) {
  test(`settingsChanged: ${c.name}`, () => {
    const document = createUnitDocument('file:///etc/systemd/system/a.service', c.text, 1);
    const fix: Fix = { title: 't', edits: [{ range: c.range, newText: c.newText }] };
    assert.deepStrictEqual([...settingsChanged(fix, document.tree)].sort(), [...c.changed].sort());
  });
}

/** Every entry whose lines an edit touches, found by going through all of them (what settingsChanged must find). */
function touchedByScan(text: string, range: Range): string[] {
  const tree = createUnitDocument('file:///etc/systemd/system/a.service', text, 1).tree;
  const names = new Set<string>();
  const after = (a: Range['start'], b: Range['start']) => a.line > b.line || (a.line === b.line && a.character > b.character);
  for (const entry of allEntries(tree)) {
    if (after(entry.range.start, range.end) || after(range.start, entry.range.end)) continue;
    const insertion = range.start.line === range.end.line && range.start.character === range.end.character;
    if (insertion && range.start.line === entry.range.start.line && range.start.character === 0 && entry.range.start.character === 0) continue;
    names.add(entry.key);
  }
  return [...names].sort();
}

test('settingsChanged finds the lines an edit touches as a scan of every entry does: sections, lines before the first, continued values, comments and blank lines', () => {
  let seed = 7;
  const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const lines = ['[Service]', '[Unit]', '[Install]', 'User=a', 'ExecStart=/bin/a \\', '  -b', 'Group=b', '# c', '', 'Nice=1', '[Broken', 'NoKey'];
  let compared = 0;
  for (let round = 0; round < 400; round++) {
    const text = Array.from({ length: 1 + next(14) }, () => lines[next(lines.length)]).join('\n') + '\n';
    const count = text.split('\n').length;
    const a = next(count);
    const b = Math.min(count - 1, a + next(3));
    const range: Range = { start: { line: a, character: next(4) }, end: { line: b, character: next(6) } };
    if (range.end.line === range.start.line && range.end.character < range.start.character) range.end.character = range.start.character;
    const fix: Fix = { title: 't', edits: [{ range, newText: 'x' }] };
    const document = createUnitDocument('file:///etc/systemd/system/a.service', text, 1);
    assert.deepStrictEqual([...settingsChanged(fix, document.tree)].sort(), touchedByScan(text, range), `${JSON.stringify(text)} ${JSON.stringify(range)}`);
    compared++;
  }
  assert.equal(compared, 400);
});
