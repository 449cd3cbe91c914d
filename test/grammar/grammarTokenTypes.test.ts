/**
 * Standard token types, which VS Code derives from scopes and uses for
 * auto-closing pairs (`notIn: ["string"]`), bracket matching and
 * `editor.quickSuggestions` (off inside strings by default). Values are scoped
 * `string.unquoted.value` for colour, so package.json's `tokenTypes` must turn
 * them back into plain text while quoted strings stay strings and comments
 * comments.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadGrammar, repoRoot, SCOPE_NAME, TOKEN_TYPES, tokenizeLinesStyled, type LoadedGrammar, type TokenTypeName } from './textmate';

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const contribution = (pkg.contributes.grammars as { scopeName: string; tokenTypes?: Record<string, string> }[]).find(
  (g) => g.scopeName === SCOPE_NAME,
);

/** [document lines, text to look at (first occurrence), 1-based line, expected type]. */
const CASES: [string[], string, number, TokenTypeName][] = [
  [['ProtectSystem=strict'], 'strict', 1, 'other'],
  [['ProtectSystem=strict'], 'ProtectSystem', 1, 'other'],
  [['[Service]'], 'Service', 1, 'other'],
  [['PrivateTmp=yes'], 'yes', 1, 'other'],
  [['Description=Instance %i'], '%i', 1, 'other'],
  [['SystemCallFilter=~@mount'], '~', 1, 'other'],
  [['ExecStart=-/usr/bin/foo $ARG'], '/usr/bin/foo', 1, 'other'],
  [['ExecStart=-/usr/bin/foo $ARG'], '$ARG', 1, 'other'],
  [['Environment="A=1 B=2"'], 'A=1 B=2', 1, 'string'],
  [["ExecStart=/bin/sh -c 'echo $HOME'"], '$HOME', 1, 'string'],
  [['# a comment'], 'a comment', 1, 'comment'],
  [['; a comment'], 'a comment', 1, 'comment'],
  [['Foo=bar # not a comment'], '# not a comment', 1, 'other'],
  [['ExecStart=/usr/bin/foo \\', '# between', '  --flag'], 'between', 2, 'comment'],
  [['ExecStart=/usr/bin/foo \\', '# between', '  --flag'], '--flag', 3, 'other'],
  [['Environment="A=1 \\', '# between', '  B=2"'], 'between', 2, 'comment'],
  [['Environment="A=1 \\', '# between', '  B=2"'], 'B=2', 3, 'string'],
];

const typeName = (n: number): string => Object.entries(TOKEN_TYPES).find(([, v]) => v === n)?.[0] ?? String(n);

let configured: LoadedGrammar;
before(async () => {
  configured = await loadGrammar({ tokenTypes: contribution?.tokenTypes });
});

test('package.json declares token types for the grammar', () => {
  assert.ok(contribution?.tokenTypes, 'contributes.grammars[source.systemd-unit].tokenTypes is missing');
  for (const value of Object.values(contribution.tokenTypes)) assert.ok(value in TOKEN_TYPES, `unknown token type ${value}`);
});

for (const [lines, text, line, expected] of CASES) {
  test(`${JSON.stringify(text)} in ${JSON.stringify(lines.join('\n'))} is ${expected}`, () => {
    const styled = tokenizeLinesStyled(configured, lines);
    const start = lines[line - 1].indexOf(text);
    assert.ok(start >= 0, `${text} not found on line ${line}`);
    for (let c = start; c < start + text.length; c++) {
      const token = styled[line - 1].find((t) => t.start <= c && c < t.end);
      assert.equal(typeName(token?.tokenType ?? -1), expected, `column ${c} (${JSON.stringify(lines[line - 1][c])})`);
    }
  });
}

test('without the token types, values would count as strings', async () => {
  const plain = await loadGrammar();
  const styled = tokenizeLinesStyled(plain, ['ProtectSystem=strict']);
  const token = styled[0].find((t) => t.start <= 15 && 15 < t.end);
  assert.equal(typeName(token?.tokenType ?? -1), 'string');
});
