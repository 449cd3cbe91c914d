/** How the cursor is classified, table-driven: `|` marks the cursor. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createUnitDocument, cursorContext } from '../../server/src/core';

const CASES: [text: string, expected: Record<string, unknown>][] = [
  ['|', { kind: 'key', prefix: '', lineIsEmpty: true, hasEquals: false }],
  ['[Serv|', { kind: 'section-header', prefix: 'Serv' }],
  ['  [Unit|]', { kind: 'section-header', prefix: 'Unit' }],
  ['|[Unit]', { kind: 'section-header', prefix: '' }],
  ['[Service]\n# Private|Tmp=yes', { kind: 'comment' }],
  ['[Service]\n  ; x|', { kind: 'comment' }],
  ['[Service]\nPriv|', { kind: 'key', prefix: 'Priv', hasEquals: false, lineIsEmpty: false }],
  ['[Service]\nPriv|ateTmp=yes', { kind: 'key', prefix: 'Priv', hasEquals: true }],
  ['[Service]\nPrivateTmp=|', { kind: 'value', key: 'PrivateTmp', word: '', before: '', valueBeforeWord: '' }],
  ['[Service]\nPrivateTmp = dis|', { kind: 'value', key: 'PrivateTmp', word: 'dis', before: 'dis', fullWord: 'dis' }],
  ['[Service]\nSystemCallFilter=~@mount @cl|ock @swap', { kind: 'value', word: '@cl', fullWord: '@clock', valueBeforeWord: '~@mount ' }],
  ['[Service]\nSystemCallFilter=~@mount \\\n  @cl|', { kind: 'value', key: 'SystemCallFilter', word: '@cl', valueBeforeWord: '~@mount    ' }],
  ['[Service]\nSystemCallFilter=~@mount \\\n# note\n  @raw-io |', { kind: 'value', key: 'SystemCallFilter', word: '', valueBeforeWord: '~@mount    @raw-io ' }],
  ['[Service]\nExecStart=/bin/echo a=b |', { kind: 'value', key: 'ExecStart', word: '' }],
  ['\ufeff[Uni|', { kind: 'section-header', prefix: 'Uni' }],
  ['[Service]\r\nKillSignal=SIG|\r\n', { kind: 'value', key: 'KillSignal', word: 'SIG' }],
];

test('cursor contexts', () => {
  for (const [marked, expected] of CASES) {
    const at = marked.indexOf('|');
    const lines = marked.slice(0, at).split(/\r\n|\n/);
    const text = marked.slice(0, at) + marked.slice(at + 1);
    const context = cursorContext(createUnitDocument('file:///x.service', text).tree, { line: lines.length - 1, character: lines[lines.length - 1].length }) as unknown as Record<string, unknown>;
    const picked = Object.fromEntries(Object.keys(expected).map((k) => [k, context[k]]));
    assert.deepStrictEqual(picked, expected, JSON.stringify(marked));
  }
});
