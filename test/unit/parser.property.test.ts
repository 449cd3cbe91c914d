import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse, parseProblems, type SyntaxTree } from '../../server/src/core';
import { treeViolations } from './treeInvariants';
import { readLikeSystemd } from './systemdReader';

/** Any UTF-16 code unit, lone surrogates, NUL and line breaks included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Pieces of unit files and of the things that break them. */
const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(
    '[Unit]', '[Service]', '[Install]', '[X-😀]', '[', ']', '[]', '[Service] junk', '[Ser"vice]',
    'Description', 'ExecStart', 'Environment', 'K', 'A B',
    '=', '==', ' = ', 'value', '/usr/bin/foo --bar', 'a=b', '😀', 'é', '\u00a0',
    ' ', '\t', '  ', '\\', '\\\\', '\\\n', '\\\r\n', '\\\r', '\\ \n',
    '\n', '\n', '\n', '\r\n', '\r', '\n\r', '#', ';', '# comment', '; note',
    '\ufeff', '\0', '\ufffd', '\ud800', '\udc00', '\ufdd0', '\uffff',
  ) },
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 4 }) },
);
const unitLike = fc.array(fragment, { maxLength: 80 }).map((parts) => parts.join(''));
/** Mostly well-formed lines, so that valid files (which systemd loads) come up often. */
const line = fc.oneof(
  fc.constantFrom('[Unit]', '[Service]', '[Install]', '', '# c', '  ; c'),
  fc.tuple(fc.constantFrom('Description', 'ExecStart', 'X-K', 'A B'), fc.constantFrom('=', ' = ', '\t='), fc.constantFrom('', 'v', 'a b', '😀', '/bin/x \\', 'y\\\\', 'z \\')).map((p) => p.join('')),
  fc.constantFrom('junk', '=x', '  continued', '\ufeffK=v'),
);
const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', '\n\r', '\0');
const lineBased = fc.array(fc.tuple(line, eol), { maxLength: 25 }).map((lines) => lines.map(([l, e]) => l + e).join(''));

const RUNS = { numRuns: 1000 };

function assertWellFormed(text: string): SyntaxTree {
  const tree = parse(text);
  assert.deepStrictEqual(treeViolations(tree), [], `for ${JSON.stringify(text)}`);
  for (const d of tree.diagnostics) {
    const problem = parseProblems[d.code as keyof typeof parseProblems];
    assert.ok(problem, `unknown code ${d.code}`);
    assert.equal(d.severity, problem.severity);
  }
  return tree;
}

test('any string of code points parses into a consistent tree', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => void assertWellFormed(text)), RUNS);
});

test('any string of UTF-16 code units (lone surrogates, NUL, CR) parses into a consistent tree', () => {
  fc.assert(fc.property(fc.string({ unit: codeUnit, maxLength: 300 }), (text) => void assertWellFormed(text)), RUNS);
});

test('unit-file-like text parses into a consistent tree', () => {
  fc.assert(fc.property(unitLike, (text) => void assertWellFormed(text)), RUNS);
});

/** What the parser says systemd makes of the file. */
function parserReading(tree: SyntaxTree) {
  return {
    refused: tree.diagnostics.some((d) => d.severity === 'error'),
    assignments: tree.sections.flatMap((s) => s.entries.map((e) => ({ section: s.name, key: e.key, value: e.value }))),
  };
}

for (const [name, arbitrary] of [
  ['unit-file-like fragments', unitLike],
  ['lines with mixed line breaks', lineBased],
] as const) {
  test(`on ${name}, the parser reads what systemd reads, and reports an error exactly when systemd refuses the file`, () => {
    let loaded = 0;
    fc.assert(
      fc.property(arbitrary, (text) => {
        const tree = assertWellFormed(text);
        if (tree.diagnostics.some((d) => d.code === 'binary-content')) return;
        const expected = readLikeSystemd(text);
        const actual = parserReading(tree);
        assert.equal(actual.refused, expected.refused, `refused? for ${JSON.stringify(text)}: ${JSON.stringify(tree.diagnostics)}`);
        if (!expected.refused) {
          loaded++;
          assert.deepStrictEqual(actual.assignments, expected.assignments, `for ${JSON.stringify(text)}`);
        }
      }),
      RUNS,
    );
    // The comparison of assignments must not be vacuous.
    assert.ok(loaded >= 50, `only ${loaded} generated files would load`);
  });
}

test('the invariant checker catches a broken tree', () => {
  const tree = parse('[Unit]\nDescription=hello\n');
  const entry = tree.sections[0].entries[0];
  entry.valueRange = { start: { line: 1, character: 12 }, end: { line: 1, character: 99 } };
  entry.segments[0].text = 'hell';
  assert.ok(treeViolations(tree).length >= 2, JSON.stringify(treeViolations(tree)));
});

test('the systemd model refuses what systemd refuses', () => {
  assert.equal(readLikeSystemd('[Unit]\nA=b\n').refused, false);
  assert.equal(readLikeSystemd('[Unit] x\n').refused, true);
  assert.equal(readLikeSystemd('[Un"it]\n').refused, true);
  assert.equal(readLikeSystemd('[Unit]\nA=\ufffd\n').refused, true);
  assert.equal(readLikeSystemd('[Unit]\n# \ufffd\n').refused, false);
  assert.deepStrictEqual(readLikeSystemd('[Unit]\nA=b\\\n# c\n c\n').assignments, [{ section: 'Unit', key: 'A', value: 'b  c' }]);
});
