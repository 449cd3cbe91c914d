/** Every check, a passing and a failing value (and the partial and not-applicable cases), from checks.tsv. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { securityTests } from '../../server/src/core/kb';
import { assess } from '../../server/src/core/security';
import { caseText, checkCases, modelOf } from './support';

const cases = checkCases();

test('the fixture table covers every check with a passing and a failing case', () => {
  for (const t of securityTests) {
    const mine = cases.filter((c) => c.jsonField === t.jsonField);
    assert.ok(mine.some((c) => c.badness === 0), `${t.jsonField}: no passing case`);
    assert.ok(mine.some((c) => c.badness !== undefined && c.badness > 0), `${t.jsonField}: no failing case`);
  }
});

for (const c of cases) {
  test(`${c.jsonField} ${c.name}: badness ${c.badness ?? 'n/a'}`, () => {
    const result = assess(modelOf('fixture.service', caseText(c)), { systemdVersion: 252 });
    assert.ok(result.ok);
    const row = result.tests.find((t) => t.jsonField === c.jsonField);
    assert.ok(row, `no result for ${c.jsonField}`);
    assert.equal(row.badness, c.badness, row.description);
    assert.equal(row.scored, c.badness !== undefined);
    if (c.lines.length > 0 && c.badness !== undefined && !c.name.startsWith('implied')) {
      // the line that decides is among the lines reported
      assert.ok(row.lines.length > 0, 'no lines reported');
    }
  });
}
