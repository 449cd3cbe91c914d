import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseProblems } from '../../server/src/core';
import { LONG_LINE_MAX } from '../../server/src/core/syntax/parseProblems';
import { readUnitFile } from '../../server/src/node/readUnitFile';
import { expectedSnapshot, formatRange, snapshotTree, type ParserCase } from './treeSnapshot';
import { treeViolations } from './treeInvariants';

const repoRoot = path.resolve(__dirname, '../../..');
const fixtureDir = path.join(repoRoot, 'test/fixtures/parser');

function loadCases(): { file: string; cases: ParserCase[] }[] {
  return readdirSync(fixtureDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => ({ file, cases: JSON.parse(readFileSync(path.join(fixtureDir, file), 'utf8')) as ParserCase[] }));
}

function caseText(testCase: ParserCase): string {
  if (testCase.file !== undefined) return readUnitFile(path.join(fixtureDir, testCase.file));
  assert.equal(typeof testCase.text, 'string', `case "${testCase.name}" needs "text" or "file"`);
  return testCase.text as string;
}

const fixtureFiles = loadCases();

test('the parser fixtures are there', () => {
  const count = fixtureFiles.reduce((n, f) => n + f.cases.length, 0);
  assert.ok(fixtureFiles.length >= 5 && count >= 40, `found ${fixtureFiles.length} files with ${count} cases`);
});

for (const { file, cases } of fixtureFiles) {
  describe(`parser fixtures: ${file}`, () => {
    for (const testCase of cases) {
      test(testCase.name, () => {
        const tree = parse(caseText(testCase));
        assert.deepStrictEqual(snapshotTree(tree), expectedSnapshot(testCase));
        assert.deepStrictEqual(treeViolations(tree), []);
        for (const d of tree.diagnostics) {
          assert.equal(d.severity, parseProblems[d.code as keyof typeof parseProblems].severity, `severity of ${d.code}`);
          assert.ok(d.message.length > 0);
        }
      });
    }
  });
}

describe('line length limit (systemd refuses lines of 1 MiB or more)', () => {
  const only = (text: string) => {
    const tree = parse(text);
    assert.deepStrictEqual(treeViolations(tree), []);
    return tree;
  };

  test('a 10 MB line is reported and not read; the lines around it are', () => {
    const length = 10 * 1024 * 1024;
    const tree = only(`[Service]\nExecStart=${'x'.repeat(length)}\nUser=nobody\n`);
    assert.deepStrictEqual(
      tree.diagnostics.map((d) => [d.code, d.severity, formatRange(d.range)]),
      [['line-too-long', 'error', `1:0-1:${length + 10}`]],
    );
    assert.deepStrictEqual(
      tree.sections.map((s) => [s.name, s.entries.map((e) => `${e.key}=${e.value}`)]),
      [['Service', ['User=nobody']]],
    );
  });

  test('the limit counts UTF-8 bytes, not UTF-16 code units', () => {
    // "X-A=" is 4 bytes; each é is 2 bytes but 1 code unit.
    const atLimit = `[Service]\nX-A=${'é'.repeat((LONG_LINE_MAX - 4) / 2)}\n`;
    const below = `[Service]\nX-A=${'é'.repeat((LONG_LINE_MAX - 4) / 2 - 1)}a\n`;
    assert.deepStrictEqual(
      only(atLimit).diagnostics.map((d) => [d.code, formatRange(d.range)]),
      [['line-too-long', `1:0-1:${4 + (LONG_LINE_MAX - 4) / 2}`]],
    );
    const ok = only(below);
    assert.deepStrictEqual(ok.diagnostics, []);
    assert.equal(ok.sections[0].entries[0].value.length, (LONG_LINE_MAX - 4) / 2);
  });

  test('a line of LONG_LINE_MAX - 1 bytes is read; one of LONG_LINE_MAX bytes is not', () => {
    const line = (bytes: number) => `[Service]\nX-A=${'v'.repeat(bytes - 4)}\n`;
    assert.deepStrictEqual(only(line(LONG_LINE_MAX - 1)).diagnostics, []);
    assert.deepStrictEqual(only(line(LONG_LINE_MAX)).diagnostics.map((d) => d.code), ['line-too-long']);
    assert.equal(only(line(LONG_LINE_MAX)).sections[0].entries.length, 0);
  });

  test('continued lines may join into exactly LONG_LINE_MAX bytes, not more', () => {
    // The first line counts with its backslash turned into a space.
    const first = `X-A=${'a'.repeat(600000)}\\`;
    const joined = (total: number) => `[Service]\n${first}\n${'b'.repeat(total - first.length)}\nUser=x\n`;
    const ok = only(joined(LONG_LINE_MAX));
    assert.deepStrictEqual(ok.diagnostics, []);
    assert.equal(ok.sections[0].entries[0].value.length, LONG_LINE_MAX - 4);

    const tooLong = only(joined(LONG_LINE_MAX + 1));
    const secondLength = LONG_LINE_MAX + 1 - first.length;
    assert.deepStrictEqual(
      tooLong.diagnostics.map((d) => [d.code, d.severity, formatRange(d.range)]),
      [['line-too-long', 'error', `1:0-2:${secondLength}`]],
    );
    assert.deepStrictEqual(tooLong.sections[0].entries.map((e) => e.key), ['User']);
  });

  test('a comment line over the limit also fails the file', () => {
    const tree = only(`[Unit]\n# ${'c'.repeat(LONG_LINE_MAX)}\nDescription=x\n`);
    assert.deepStrictEqual(
      tree.diagnostics.map((d) => [d.code, formatRange(d.range)]),
      [['line-too-long', `1:0-1:${LONG_LINE_MAX + 2}`]],
    );
    assert.deepStrictEqual(tree.comments, []);
    assert.deepStrictEqual(tree.sections[0].entries.map((e) => e.key), ['Description']);
  });
});

describe('parse never throws', () => {
  test('on values that are not strings (a malformed request)', () => {
    for (const input of [undefined, null, 42, {}, ['[Unit]']]) {
      const tree = parse(input as unknown as string);
      assert.deepStrictEqual(treeViolations(tree), []);
    }
  });

  test('on many diagnostics of one kind: they are capped', () => {
    const tree = parse(`[Unit]\n${'junk\n'.repeat(5000)}`);
    const count = tree.diagnostics.filter((d) => d.code === 'missing-equals').length;
    assert.ok(count > 0 && count < 5000, `got ${count}`);
  });

  test('on deep continuations of backslash-only lines', () => {
    const tree = parse(`[Service]\nExecStart=a\\\n${'\\\n'.repeat(100000)}b\n`);
    assert.deepStrictEqual(treeViolations(tree), []);
    const entry = tree.sections[0].entries[0];
    assert.equal(entry.segments.length, 100002);
    assert.equal(entry.value, `a ${' '.repeat(100000)}b`);
  });
});
