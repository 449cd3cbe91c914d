import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, createUnitDocument, diagnose } from '../../server/src/core';
import { caseSettings, explainCase, listCases, normalize, runCase, updateCase } from './fixtureSupport';

/**
 * Every rule fixture: the diagnostics of the checked file are exactly those listed (code,
 * pair, severity, range, message, related lines), each fix gives the listed text, and after a
 * fix its diagnostic is gone.
 */
const updating = process.env.UNITGUARD_UPDATE_FIXTURES;
/** `1` rewrites every case; any other value rewrites the cases whose name starts with it. */
const update = (name: string): boolean => updating === '1' || (updating !== undefined && updating !== '' && name.startsWith(updating));

describe('rule fixtures', () => {
  const cases = listCases();
  it('has fixtures', () => assert.ok(cases.length > 0));
  for (const c of cases) {
    it(c.name, () => {
      const { document, diagnostics } = runCase(c);
      const actual = diagnostics.map((d) => normalize(d, document.tree.text));
      const notes = explainCase(c);
      if (update(c.name)) updateCase(c, actual, notes);
      else {
        assert.deepEqual(actual, c.spec.diagnostics);
        assert.deepEqual(notes, c.spec.explain ?? []);
      }

      for (const d of diagnostics) {
        for (const fix of d.fixes ?? []) {
          const after = applyEdits(document.tree.text, fix.edits);
          const { companions } = runCase(c);
          const unit = companions.find((x) => !x.file.isDropIn);
          const again = diagnose(createUnitDocument(document.uri, after), caseSettings(c), { ...(unit ? { unit } : {}), dropIns: companions.filter((x) => x.file.isDropIn) });
          const same = again.filter((x) => x.code === d.code && x.pairing === d.pairing && x.message === d.message);
          assert.deepEqual(same.map((x) => x.message), [], `${c.name}: "${fix.title}" leaves its diagnostic`);
        }
      }
    });
  }
});
