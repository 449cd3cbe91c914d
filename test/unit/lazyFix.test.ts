import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { declaredReach, lazyFix } from '../../server/src/core/edits/lazyFix';
import { createUnitDocument, DEFAULT_SETTINGS, type TextEdit } from '../../server/src/core';
import { runRules } from '../../server/src/core/rules';
import { ruleFixtureUnits } from '../support/breakageUnits';

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

  it('says where its edits go, when its maker said: every edit of every lazy fix of the fixtures lies in its lines', () => {
    let checked = 0;
    // With and without a line break at the end: removing the last line takes the break before it.
    const units = ruleFixtureUnits('structure').flatMap((u) => [u, { ...u, name: `${u.name} (no final break)`, text: u.text.replace(/\n+$/, '') }]);
    for (const unit of units) {
      // The rules' findings, with the fixes they offer.
      for (const d of runRules(createUnitDocument(unit.uri, unit.text), DEFAULT_SETTINGS)) {
        for (const fix of d.fixes ?? []) {
          const reach = declaredReach(fix);
          if (!reach) continue;
          checked++;
          for (const e of fix.edits) {
            assert.ok(e.range.start.line >= reach.first && e.range.end.line <= reach.last, `${unit.name}: ${fix.title} edits lines ${e.range.start.line}-${e.range.end.line}, said ${reach.first}-${reach.last}`);
          }
        }
      }
    }
    assert.ok(checked >= 5, `lazy fixes checked: ${checked}`);
  });
});
