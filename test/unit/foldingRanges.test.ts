/**
 * The folding ranges of a unit: each section, each run of comment lines and each continued setting,
 * by where they start, and no more than the client takes (editors ask after every change).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createUnitDocument, foldingRanges, reparse } from '../../server/src/core';

describe('the folding ranges of a unit', () => {
  const text = ['[Unit]', 'Description=x', '# one', '# two', '[Service]', 'ExecStart=/bin/a \\', '  --flag', 'Type=simple', ''].join('\n');
  const tree = createUnitDocument('file:///f.service', text).tree;
  const whole = ['0-3 region', '2-3 comment', '4-7 region', '5-6 -'];
  const shown = (limit?: number): string[] => foldingRanges(tree, limit).map((r) => `${r.startLine}-${r.endLine} ${r.kind ?? '-'}`);

  const cases: Array<[string, number | undefined, string[]]> = [
    ['no limit: every section, comment run and continued setting, by where they start', undefined, whole],
    ['a limit above their number: every one', 10, whole],
    ['a limit below: the first', 2, whole.slice(0, 2)],
  ];
  for (const [name, limit, expected] of cases) test(name, () => assert.deepEqual(shown(limit), expected));
});

test('a unit whose sections an edit moved folds as the same text read anew', () => {
  const text = Array.from({ length: 40 }, (_, i) => `[Service]\nExecStart=/bin/a ${i} \\\n  --flag\n# note\n# more\nType=simple\n`).join('');
  const tree = createUnitDocument('file:///moved.service', text).tree;
  // Read once, so that the sections the edit moves copy their settings only when read again.
  foldingRanges(tree);
  const moved = reparse(tree, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# top\n' }]);
  const fresh = createUnitDocument('file:///moved.service', `# top\n${text}`).tree;
  assert.deepEqual(foldingRanges(moved), foldingRanges(fresh));
  assert.equal(foldingRanges(fresh).length, 40 * 3);
});
