import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pairings } from '../../server/src/core/kb';
import { RULES, isConfigurableId } from '../../server/src/core/rules/registry';
import { implementedPairings } from '../../server/src/core/rules/pairings/engine';
import { SPECS } from '../../server/src/core/rules/pairings/rows';
import { UNDECIDABLE } from '../../server/src/core/rules/pairings/undecidable';
import { listCases } from './fixtureSupport';

/**
 * Every row of the knowledge base's pairing table is either reported (and then named by its id
 * in a fixture's expected diagnostics) or listed as undecidable with a reason.
 */
describe('hardening pairs: coverage', () => {
  const ids = pairings.map((p) => p.id);
  const cases = listCases();
  // A pair is named by a finding (alone, or among the pairs of one cause) or by a note of what the unit implies.
  const named = new Set(
    cases.flatMap((c) => [
      ...c.spec.diagnostics.flatMap((d) => [d.pairing, ...(d.pairings ?? [])]).filter((p): p is string => p !== undefined),
      ...(c.spec.explain ?? []).map((n) => n.pairing),
    ]),
  );

  it('splits every pairing id into reported or undecidable, never both', () => {
    const undecidable = Object.keys(UNDECIDABLE);
    assert.deepEqual(undecidable.filter((id) => !ids.includes(id)), [], 'undecidable ids that are not in the table');
    assert.deepEqual(implementedPairings.filter((id) => undecidable.includes(id)), []);
    assert.equal(implementedPairings.length + undecidable.length, ids.length);
    for (const [id, reason] of Object.entries(UNDECIDABLE)) assert.ok(reason.length > 20, `${id} needs a reason`);
  });

  it('names every reported pair in a fixture with its expected diagnostic or note', () => {
    assert.deepEqual(implementedPairings.filter((id) => !named.has(id)), []);
  });

  it('never reports an undecidable pair in a fixture', () => {
    assert.deepEqual([...named].filter((id) => UNDECIDABLE[id] !== undefined), []);
  });

  it('describes only pairs of the table', () => {
    assert.deepEqual(Object.keys(SPECS).filter((id) => !ids.includes(id)), []);
  });

  it('registers every code the fixtures expect, with a default severity and a description', () => {
    const codes = new Set(cases.flatMap((c) => c.spec.diagnostics.map((d) => d.code)));
    for (const code of codes) assert.ok(RULES.some((r) => r.id === code), code);
    for (const rule of RULES) assert.ok(rule.description.length > 20, rule.id);
    assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
  });

  it('lets users configure every rule, every group and every pair by id, and nothing else', () => {
    for (const id of [...RULES.map((r) => r.id), ...ids]) assert.ok(isConfigurableId(id), id);
    assert.equal(isConfigurableId('no-such-rule'), false);
  });
});
