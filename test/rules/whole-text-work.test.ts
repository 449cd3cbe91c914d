/**
 * A finding on each of thousands of lines must not read the whole text each time: a fix that
 * inserts into a missing section looked at the end of the text with a regular expression run over
 * all of it, once per misplaced line, and 32,000 such lines took 20 s. Timing would be flaky, so
 * the test counts the string operations that run through (nearly) the whole text while a unit is
 * checked, with its fixes: doubling the unit must not make more of them.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createUnitDocument, diagnoseWithFixes } from '../../server/src/core';
import { generateUnit } from '../bench/generate';

let watched = Infinity;
let wholeTextOps = 0;
const count = (subject: unknown): void => {
  if (typeof subject === 'string' && subject.length >= watched) wholeTextOps++;
};

/** Methods whose cost follows the length of the string they run on (not `slice`: that costs what it takes). */
const stringMethods = ['replace', 'replaceAll', 'match', 'matchAll', 'split', 'search', 'trim', 'trimEnd', 'trimStart'] as const;
const stringProto = String.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
const regexpProto = RegExp.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
const saved = new Map<string, (...args: unknown[]) => unknown>();
for (const name of stringMethods) {
  const original = stringProto[name];
  saved.set(`String.${name}`, original);
  stringProto[name] = function (this: string, ...args: unknown[]): unknown {
    count(String(this));
    return original.apply(this, args);
  };
}
for (const name of ['exec', 'test'] as const) {
  const original = regexpProto[name];
  saved.set(`RegExp.${name}`, original);
  regexpProto[name] = function (this: RegExp, ...args: unknown[]): unknown {
    // A global or sticky expression goes on from where it stopped (a parser reading forward); any
    // other starts again at the beginning.
    if (!this.global && !this.sticky) count(args[0]);
    return original.apply(this, args);
  };
}

function wholeTextWork(text: string): number {
  watched = Math.floor(text.length / 2);
  wholeTextOps = 0;
  try {
    diagnoseWithFixes(createUnitDocument('file:///generated/big.service', text));
  } finally {
    watched = Infinity;
  }
  return wholeTextOps;
}

const CASES: Array<{ name: string; make: (lines: number) => string }> = [
  { name: 'settings of [Service] written under [Unit], no [Service] section', make: (n) => `[Unit]\n${'ProtectHome=yes\n'.repeat(n)}` },
  { name: 'Environment= lines under [Unit]', make: (n) => `[Unit]\n${'Environment=A=1\n'.repeat(n)}` },
  { name: 'the [Service] header commented out', make: (n) => `[Unit]\nDescription=x\n#[Service]\n${'ExecStartPre=/bin/true\nNice=5\n'.repeat(n / 2)}` },
  { name: 'a hardened service repeated', make: generateUnit },
];

describe('a check reads the whole text a fixed number of times, whatever the number of lines', () => {
  after(() => {
    for (const name of stringMethods) stringProto[name] = saved.get(`String.${name}`) as (...args: unknown[]) => unknown;
    for (const name of ['exec', 'test']) regexpProto[name] = saved.get(`RegExp.${name}`) as (...args: unknown[]) => unknown;
  });
  for (const { name, make } of CASES) {
    test(name, (t) => {
      const small = wholeTextWork(make(2_000));
      const large = wholeTextWork(make(4_000));
      t.diagnostic(`2,000 lines: ${small} operations on the whole text; 4,000 lines: ${large}`);
      assert.ok(large <= small + 2, `whole-text operations grow with the lines: ${small} → ${large}`);
    });
  }
});
