/** Which settings a fix changes: what it writes, and the lines its edits change. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createUnitDocument, type Fix, type Range } from '../../server/src/core';
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
