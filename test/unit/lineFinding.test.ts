/**
 * Findings on a key keep where they are as numbers (LineFinding): a unit with a finding on most of
 * its lines held a range and two positions for each, more than the finding itself. What reads
 * them (copies, JSON, sorting, fix-all's picking) must see the same finding as before.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createUnitDocument, DEFAULT_SETTINGS, diagnose, diagnoseWithFixes, fixAll } from '../../server/src/core';
import { diagnostic } from '../../server/src/core/rules/context';
import { copyFinding, withoutFixField } from '../../server/src/core/rules/fixesWhenRead';
import { findingCopy, LineFinding, sortByStart } from '../../server/src/core/rules/lineFinding';
import { EntryNode } from '../../server/src/core/syntax/treeNodes';
import type { Diagnostic, Range } from '../../server/src/core/types';

const RANGE: Range = { start: { line: 3, character: 0 }, end: { line: 3, character: 11 } };
const RELATED = [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 20 } }, message: 'The assignment that counts' }];

function both(extra: Record<string, unknown>): [Diagnostic, LineFinding] {
  const plain = diagnostic('duplicate-directive', RANGE, 'ProtectHome= takes one value.', extra);
  return [plain, new LineFinding(RANGE, plain.severity, plain.code, plain.message, extra)];
}

const EXTRAS: Array<[string, Record<string, unknown>]> = [
  ['no extra fields', {}],
  ['unnecessary and related', { unnecessary: true, related: RELATED }],
  ['fixes', { fixes: [{ title: 'Remove this line', edits: [{ range: RANGE, newText: '' }], isPreferred: true }] }],
  ['deprecated, unnecessary, related and fixes', { deprecated: true, unnecessary: true, related: RELATED, fixes: [] }],
];

describe('LineFinding', () => {
  for (const [name, extra] of EXTRAS) {
    it(`reads, copies and prints as the plain finding, with ${name}`, () => {
      const [plain, line] = both(extra);
      assert.deepEqual(line.range, plain.range);
      assert.equal(JSON.stringify(line), JSON.stringify(plain));
      assert.equal(JSON.stringify(findingCopy(line)), JSON.stringify(plain));
      assert.deepEqual(findingCopy(line), line);
      assert.ok(findingCopy(line) instanceof LineFinding);
      assert.equal(JSON.stringify(withoutFixField(line)), JSON.stringify(withoutFixField(plain)));
      assert.equal(JSON.stringify(copyFinding(line, { severity: 'error' })), JSON.stringify(copyFinding(plain, { severity: 'error' })));
      // The range is not a field of its own: it is built when read.
      assert.ok(!Object.keys(line).includes('range'));
      assert.notEqual(line.range, line.range);
    });
  }

  it('differs, to a deep comparison, from one elsewhere', () => {
    const [, line] = both({});
    const other = findingCopy(line);
    assert.deepEqual(other, line);
    other.range = { start: { line: 3, character: 1 }, end: { line: 3, character: 11 } };
    assert.notDeepEqual(other, line);
  });

  it('takes a new range when one is assigned', () => {
    const [, line] = both({});
    const moved: Range = { start: { line: 5, character: 2 }, end: { line: 6, character: 1 } };
    line.range = moved;
    assert.deepEqual(line.range, moved);
  });
});

describe('sortByStart', () => {
  it('sorts by where each range starts, keeps the order of equal starts, and reads each range once', () => {
    let reads = 0;
    const at = (line: number, character: number, id: string) => ({ id, get range(): Range {
      reads++;
      return { start: { line, character }, end: { line, character: character + 1 } };
    } });
    const list = [at(4, 0, 'a'), at(1, 5, 'b'), at(1, 2, 'c'), at(4, 0, 'd'), at(0, 9, 'e'), at(1, 2, 'f')];
    sortByStart(list, (item) => item.range);
    assert.deepEqual(list.map((item) => item.id), ['e', 'c', 'f', 'b', 'a', 'd']);
    assert.equal(reads, 6);
  });

  it('gives the order of a stable sort by line and character, long lines too', () => {
    let seed = 7;
    const next = (n: number): number => (seed = (seed * 48271) % 2147483647) % n;
    for (let run = 0; run < 300; run++) {
      const long = run % 3 === 0;
      const list = Array.from({ length: next(60) }, (_, id) => {
        const line = next(8);
        const character = long && next(4) === 0 ? 2 ** 22 + next(3) : next(5);
        return { id, range: { start: { line, character }, end: { line, character } } };
      });
      const expected = [...list].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character).map((item) => item.id);
      assert.deepEqual(sortByStart(list, (item) => item.range).map((item) => item.id), expected, `run ${run}`);
    }
  });
});

describe('findings on a key', () => {
  const text = ['[Unit]', 'Description=one', 'Description=two', 'Frobnicate=yes', '[Service]', 'ExecStart=/usr/bin/app', 'StartLimitBurst=3', 'WantedBy=multi-user.target', ''].join('\n');

  it('keep their ranges as numbers, and the line keeps none', () => {
    const document = createUnitDocument('file:///t/key.service', text);
    const found = diagnose(document).filter((d) => ['duplicate-directive', 'unknown-directive', 'deprecated-directive', 'wrong-section'].includes(d.code));
    assert.deepEqual(found.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]), [
      ['duplicate-directive', 1, 0, 11],
      ['unknown-directive', 3, 0, 10],
      ['deprecated-directive', 6, 0, 15],
      ['wrong-section', 7, 0, 8],
    ]);
    for (const d of found) assert.ok(d instanceof LineFinding, d.code);
    // A line whose key range was never read gives a new one each time it is asked without keeping it.
    const entry = document.tree.sections[0].entries[0];
    assert.ok(entry instanceof EntryNode);
    assert.notEqual(entry.keyRangeOnce(), entry.keyRangeOnce());
    const kept = entry.keyRange;
    assert.equal(entry.keyRangeOnce(), kept);
  });

  it('are fixed by fix-all, which picks copies of them by range, code and message', () => {
    const withFixes = diagnoseWithFixes(createUnitDocument('file:///t/key.service', text));
    const duplicate = withFixes.find((d) => d.code === 'duplicate-directive');
    assert.ok(duplicate?.fixes?.length, 'the duplicate has its fix');
    const fixed = fixAll('file:///t/key.service', text, DEFAULT_SETTINGS);
    assert.ok(fixed.applied.some((title) => title.includes('Remove this Description= line')), fixed.applied.join('; '));
    assert.ok(fixed.applied.some((title) => title.includes('StartLimitBurst')), fixed.applied.join('; '));
    assert.ok(!fixed.text.includes('Description=one'));
  });
});
