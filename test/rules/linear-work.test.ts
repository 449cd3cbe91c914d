/**
 * Every rule does work linear in the size of the unit. Timing would be flaky, so the test counts
 * what the rules read from the unit model: how often they ask for a setting's lines and how many
 * lines they get back. Doubling a generated unit must about double both counts; a rule that
 * scans every line of one setting for each line of another (quadratic) makes them four times larger.
 */
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createUnitDocument, diagnose } from '../../server/src/core';
import { UnitModel, type Setting } from '../../server/src/core/model/unitModel';
import { generateOrderingUnit, generateUnit } from '../bench/generate';

interface Work {
  calls: number;
  lines: number;
}

const work: Work = { calls: 0, lines: 0 };
const proto = UnitModel.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
const wrapped = ['named', 'effective', 'assignments', 'get', 'values'] as const;
const originals = new Map(wrapped.map((name) => [name, proto[name]]));
for (const name of wrapped) {
  const original = originals.get(name) as (...args: unknown[]) => unknown;
  proto[name] = function (this: unknown, ...args: unknown[]): unknown {
    const result = original.apply(this, args);
    work.calls++;
    if (Array.isArray(result)) work.lines += result.length;
    else if (result && typeof result === 'object' && 'all' in (result as Setting)) work.lines += (result as Setting).all.length;
    return result;
  };
}

function measure(text: string): Work {
  work.calls = 0;
  work.lines = 0;
  diagnose(createUnitDocument('file:///generated/big.service', text));
  return { ...work };
}

const CASES: Array<{ name: string; make: (lines: number) => string; lines: number }> = [
  { name: 'a hardened service repeated', make: generateUnit, lines: 10_000 },
  { name: 'ordering and dependency settings with many unit names', make: (lines) => generateOrderingUnit(lines), lines: 50_000 },
];

describe('the rules do linear work', () => {
  after(() => {
    for (const [name, original] of originals) proto[name] = original;
  });
  for (const { name, make, lines } of CASES) {
    test(`${name}, ${lines.toLocaleString('en-US')} lines`, (t) => {
      const small = measure(make(lines / 2));
      const large = measure(make(lines));
      const ratio = (a: number, b: number): number => (a === 0 ? 1 : b / a);
      const message = `${(lines / 2).toLocaleString('en-US')} lines: ${JSON.stringify(small)}; ${lines.toLocaleString('en-US')} lines: ${JSON.stringify(large)}`;
      t.diagnostic(message);
      assert.ok(small.calls > 0, message);
      assert.ok(ratio(small.calls, large.calls) < 2.5, `setting lookups grow faster than the unit: ${message}`);
      assert.ok(ratio(small.lines, large.lines) < 2.5, `lines read grow faster than the unit: ${message}`);
    });
  }
});
