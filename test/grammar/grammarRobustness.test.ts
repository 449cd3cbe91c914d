/**
 * Bad input never breaks the grammar: huge lines, NUL and other control
 * characters, broken UTF-16, byte order marks and random text all tokenize
 * without throwing, with tokens that cover every line end to end, and the
 * comment rule (first non-blank # or ;) holds on every line.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { INITIAL, type IGrammar, type IToken } from 'vscode-textmate';
import { hasScope, loadGrammar, splitLines, tokenizeLines } from './textmate';

let grammar: IGrammar;
before(async () => {
  grammar = (await loadGrammar()).grammar;
});

/** Tokens of one line start at 0, follow each other without gap or overlap, and reach the line's end. */
function assertCovers(line: string, tokens: readonly IToken[], label: string): void {
  assert.ok(tokens.length > 0, `${label}: no tokens`);
  assert.equal(tokens[0].startIndex, 0, `${label}: first token starts at ${tokens[0].startIndex}`);
  for (let i = 1; i < tokens.length; i++) {
    assert.equal(tokens[i].startIndex, tokens[i - 1].endIndex, `${label}: gap or overlap before token ${i}`);
    assert.ok(tokens[i].startIndex > tokens[i - 1].startIndex, `${label}: empty token ${i - 1}`);
  }
  assert.ok(tokens[tokens.length - 1].endIndex >= line.length, `${label}: tokens stop before the end of the line`);
}

/** Tokenizes a document as the editor does and checks coverage on every line. */
function tokenizeChecked(text: string, label: string): IToken[][] {
  let state = INITIAL;
  return splitLines(text).map((line, i) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    assert.equal(result.stoppedEarly, false);
    assertCovers(line, result.tokens, `${label} line ${i + 1}`);
    return result.tokens;
  });
}

const isCommentLine = (line: string): boolean => /^[ \t]*[#;]/.test(line);

const MB = 1024 * 1024;
/** [name, line]: one line each, shaped to make a regex backtrack or a rule repeat if it could. */
const LONG_LINES: [string, () => string][] = [
  ['10 MB of letters', () => 'a'.repeat(10 * MB)],
  ['10 MB header without closing bracket', () => '[' + 'x'.repeat(10 * MB)],
  ['10 MB key without =', () => 'Key ' + 'x '.repeat(5 * MB)],
  ['10 MB value of blanks', () => 'Description=' + ' '.repeat(10 * MB) + 'x'],
  ['10 MB comment', () => '# ' + 'x'.repeat(10 * MB)],
  ['1 MB of brackets and blanks', () => '[' + '] '.repeat(MB / 2)],
  ['1 MB of specifiers', () => 'Description=' + '%n'.repeat(MB / 2)],
  ['1 MB of backslashes', () => 'Description=' + '\\'.repeat(MB)],
  ['1 MB of digits then a letter', () => 'Foo=' + '1'.repeat(MB) + 'x!'],
  ['1 MB of commands', () => 'ExecStart=/bin/a' + ' ; -/bin/b $X'.repeat(MB / 13)],
  ['1 MB unterminated string', () => 'Environment="' + 'a'.repeat(MB)],
  ['1 MB of path prefixes', () => 'ReadWritePaths=' + '-/a '.repeat(MB / 4)],
];

for (const [name, make] of LONG_LINES) {
  test(name, { timeout: 120_000 }, () => {
    const line = make();
    const result = grammar.tokenizeLine(line, INITIAL);
    assert.equal(result.stoppedEarly, false);
    assertCovers(line, result.tokens, name);
  });
}

/** [name, document, line (1-based), text, scope the text must carry]. */
const ODD_INPUT: [string, string, number, string, string][] = [
  ['NUL inside a value', 'Description=a\0b\nAfter=x', 2, 'After', 'support.type.property-name'],
  ['NUL as a key', '\0=1\n# c', 2, '# c', 'comment'],
  ['lone surrogates', 'Description=\ud800 \udfff x\n[Unit]', 2, 'Unit', 'entity.name.section'],
  ['replacement character', 'Description=\ufffd\n; c', 2, '; c', 'comment'],
  ['byte order mark before a header', '\ufeff[Unit]\nAfter=x', 1, 'Unit', 'entity.name.section'],
  ['byte order mark before a key', '\ufeffDescription=x', 1, 'Description', 'support.type.property-name'],
  ['byte order mark in the middle of a line', 'Description=a\ufeffb\nAfter=x', 2, 'After', 'support.type.property-name'],
  ['control characters', 'Description=\x01\x02\x1b[31m\x7f\nAfter=x', 2, 'After', 'support.type.property-name'],
  ['right-to-left text and emoji', 'Description=\u05e9\u05dc\u05d5\u05dd \u{1f600} %n\nAfter=x', 1, '%n', 'constant.other.placeholder'],
  ['form feed and vertical tab', 'Description=a\fb\vc\nAfter=x', 2, 'After', 'support.type.property-name'],
  ['CR line ends', '[Unit]\rDescription=x\r# c', 3, '# c', 'comment'],
  ['CRLF line ends with a continuation', 'ExecStart=/bin/a \\\r\n  --b\r\nAfter=x', 3, 'After', 'support.type.property-name'],
];

for (const [name, text, line, part, scope] of ODD_INPUT) {
  test(name, () => {
    const tokens = tokenizeLines(grammar, splitLines(text));
    tokenizeChecked(text, name);
    const lineText = splitLines(text)[line - 1];
    const start = lineText.indexOf(part);
    assert.ok(start >= 0);
    for (let c = start; c < start + part.length; c++) {
      const token = tokens[line - 1].find((t) => t.start <= c && c < t.end);
      assert.ok(hasScope(token, scope), `${name}: column ${c} lacks ${scope}`);
    }
  });
}

test('CRLF, CR and LF line ends give the same tokens', () => {
  const lf = '[Service]\nExecStart=/bin/a \\\n# c\n  --b\nPrivateTmp=yes\n';
  const expected = tokenizeLines(grammar, splitLines(lf));
  assert.deepEqual(tokenizeLines(grammar, splitLines(lf.replace(/\n/g, '\r\n'))), expected);
  assert.deepEqual(tokenizeLines(grammar, splitLines(lf.replace(/\n/g, '\r'))), expected);
});

const PIECES = [
  '[', ']', '=', '#', ';', '\\', '"', "'", '%', '%%', '$', '${', '}', '~', '-', '+', '!', '|', '@', ':', ' ', '\t',
  '\n', '\r\n', '\r', '\0', '\ufeff', '\ud800', 'yes', '0', '1min', 'Exec', 'ExecStart=', 'Condition', 'Service', 'x', 'é',
];

test('random text: no throw, full coverage, comments exactly where a line starts with # or ;', { timeout: 120_000 }, () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }), (pieces) => {
      const text = pieces.join('');
      const lines = splitLines(text);
      const tokens = tokenizeChecked(text, JSON.stringify(text));
      lines.forEach((line, i) => {
        const commented = tokens[i].some((t) => t.scopes.some((s) => s.startsWith('comment.')));
        assert.equal(commented, isCommentLine(line), `line ${i + 1} ${JSON.stringify(line)} of ${JSON.stringify(text)}`);
      });
    }),
    { numRuns: 500 },
  );
});
