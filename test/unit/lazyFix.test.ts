import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lazyFix } from '../../server/src/core/edits/lazyFix';
import type { TextEdit } from '../../server/src/core';

const edit = (line: number): TextEdit => ({ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' });

describe('a fix whose edits are made when read', () => {
  it('makes its edits on the first read only, and gives the same list after', () => {
    let made = 0;
    const fix = lazyFix('Remove this line', () => {
      made++;
      return [edit(3)];
    });
    assert.equal(made, 0);
    const first = fix.edits;
    assert.equal(made, 1);
    assert.equal(fix.edits, first);
    assert.equal(made, 1);
    assert.deepEqual(first, [edit(3)]);
  });

  it('looks like a plain fix: same keys in the same order, equal to one, the same JSON', () => {
    const fix = lazyFix('Remove this Type= line', () => [edit(7)], { isPreferred: true });
    const plain = { title: 'Remove this Type= line', edits: [edit(7)], isPreferred: true };
    assert.deepEqual(Object.keys(fix), ['title', 'edits', 'isPreferred']);
    assert.deepEqual(fix, plain);
    assert.equal(JSON.stringify(fix), JSON.stringify(plain));
    assert.deepEqual({ ...fix }, plain);
  });

  it('takes edits assigned to it, before or after they were made', () => {
    let made = 0;
    const before = lazyFix('a', () => (made++, [edit(1)]));
    before.edits = [edit(2)];
    assert.deepEqual(before.edits, [edit(2)]);
    assert.equal(made, 0);
    const after = lazyFix('b', () => [edit(1)]);
    void after.edits;
    after.edits = [];
    assert.deepEqual(after.edits, []);
  });

  it('keeps the edits of each fix apart', () => {
    const fixes = [1, 2, 3].map((n) => lazyFix(`fix ${n}`, () => [edit(n)]));
    assert.deepEqual(
      fixes.map((f) => f.edits[0].range.start.line),
      [1, 2, 3],
    );
  });
});
