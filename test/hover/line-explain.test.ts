/**
 * Hover says what its line switches on in the unit, and asks only that line's rows for it: for
 * every line of every rule fixture, what `explain` says for that line alone must be exactly what
 * it says for the whole unit on that line.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { allEntries, explain } from '../../server/src/core';
import { caseSettings, listCases, loadDocument } from '../rules/fixtureSupport';

describe('explain for one line', () => {
  test('is the whole unit’s explain on that line, for every line of every rule fixture', () => {
    let notes = 0;
    for (const c of listCases()) {
      const document = loadDocument(c, c.spec.check);
      const companions = (c.spec.with ?? []).map((f) => loadDocument(c, f));
      const unit = companions.find((d) => !d.file.isDropIn);
      const files = { ...(unit ? { unit } : {}), dropIns: companions.filter((d) => d.file.isDropIn) };
      const settings = caseSettings(c);
      const whole = explain(document, settings, files);
      notes += whole.length;
      for (const entry of allEntries(document.tree)) {
        const line = entry.range.start.line;
        assert.deepEqual(
          explain(document, settings, files, entry),
          whole.filter((n) => n.range.start.line === line),
          `${c.name}, line ${line + 1}`,
        );
      }
    }
    assert.ok(notes > 20, `the fixtures hold too few implications (${notes}) for this to prove anything`);
  });
});
