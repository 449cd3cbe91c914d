/**
 * language-configuration.json: comment toggling, brackets and auto-closing
 * pairs, the word definition (double-click, word-based filtering), and
 * folding, which the language server provides per section.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './textmate';

interface LanguageConfiguration {
  comments?: { lineComment?: string; blockComment?: [string, string] };
  brackets?: [string, string][];
  autoClosingPairs?: { open: string; close: string; notIn?: string[] }[];
  surroundingPairs?: [string, string][];
  folding?: { markers?: { start: string; end: string }; offSide?: boolean };
  wordPattern?: string;
}

const file = path.join(repoRoot, 'language-configuration.json');
const config = JSON.parse(readFileSync(file, 'utf8')) as LanguageConfiguration;

test('package.json points the language at this file', () => {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const language = (pkg.contributes.languages as { id: string; configuration?: string }[]).find((l) => l.id === 'systemd-unit');
  assert.equal(path.resolve(repoRoot, language?.configuration ?? ''), file);
});

test('toggling a comment writes #, and there are no block comments', () => {
  assert.equal(config.comments?.lineComment, '#');
  assert.equal(config.comments?.blockComment, undefined);
});

test('brackets and pairs', () => {
  assert.ok(config.brackets?.some(([a, b]) => a === '[' && b === ']'), 'section header brackets');
  for (const pair of config.autoClosingPairs ?? []) {
    assert.equal(pair.open.length, 1);
    assert.equal(pair.close.length, 1);
    for (const where of pair.notIn ?? []) assert.ok(['string', 'comment'].includes(where), `notIn ${where}`);
  }
  assert.ok(config.autoClosingPairs?.some((p) => p.open === '"' && p.notIn?.includes('string')));
  // An apostrophe in prose (Description=Bob's unit) must not get a partner.
  assert.ok(!config.autoClosingPairs?.some((p) => p.open === "'"));
});

test('folding is left to the language server', () => {
  // VS Code's marker folding runs from a start line through the end-marker
  // line inclusive, and a header cannot be both; so markers would either fold
  // nothing or hide the next [Section] header. The server's folding ranges
  // fold each section from its header to the line before the next one.
  assert.equal(config.folding?.markers, undefined);
  assert.notEqual(config.folding?.offSide, true);
});

/** [line, column inside the word, expected word]. */
const WORDS: [string, number, string][] = [
  ['ProtectSystem=strict', 3, 'ProtectSystem'],
  ['ProtectSystem=strict', 16, 'strict'],
  ['[Service]', 3, 'Service'],
  ['After=network-online.target', 10, 'network-online.target'],
  ['SystemCallFilter=@system-service', 20, '@system-service'],
  ['SystemCallFilter=~@mount @swap', 20, '@mount'],
  ['CapabilityBoundingSet=~CAP_SYS_ADMIN', 30, 'CAP_SYS_ADMIN'],
  ['ConditionPathExists=!/etc/x', 22, '/etc/x'],
  ['ConditionPathExists=|!/etc/x', 24, '/etc/x'],
  ['ExecStart=+/usr/bin/foo', 14, '/usr/bin/foo'],
  ['ExecStart=/usr/bin/foo --flag', 26, '--flag'],
  ['Description=%n on %H', 13, '%n'],
  ['RestartSec=1.5', 12, '1.5'],
  ['Environment="LANG=C.UTF-8"', 14, 'LANG'],
  ['# a comment', 5, 'comment'],
];

test('the word pattern picks the words completion and double-click need', () => {
  assert.ok(config.wordPattern, 'wordPattern is missing');
  const pattern = new RegExp(config.wordPattern, 'g');
  for (const [line, column, expected] of WORDS) {
    const word = [...line.matchAll(pattern)].find((m) => m.index <= column && column < m.index + m[0].length)?.[0];
    assert.equal(word, expected, `${line} at column ${column}`);
  }
});
