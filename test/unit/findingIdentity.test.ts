import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingIdentity } from '../../server/src/core/rules/findingIdentity';
import type { Diagnostic } from '../../server/src/core/types';

const at = (line: number): Diagnostic['range'] => ({ start: { line, character: 0 }, end: { line, character: 5 } });

function finding(code: string, message: string, line = 0, pairing?: string): Diagnostic {
  return { range: at(line), severity: 'warning', code, message, ...(pairing ? { pairing } : {}) };
}

const same: Array<[string, Diagnostic, Diagnostic]> = [
  ['the same finding moved down by a fix', finding('duplicate-directive', 'Type= takes one value and is set again on line 9.', 2), finding('duplicate-directive', 'Type= takes one value and is set again on line 10.', 3)],
  ['a list of lines', finding('conflicts-with', 'Conflicts with lines 3, 4, 12.'), finding('conflicts-with', 'Conflicts with lines 5, 6, 14.')],
  ['one line and several', finding('x', 'see line 3'), finding('x', 'see lines 4, 5')],
];

const different: Array<[string, Diagnostic, Diagnostic]> = [
  ['another rule', finding('duplicate-directive', 'A message.'), finding('deprecated-directive', 'A message.')],
  ['another pair', finding('recommends', 'Add it.', 0, 'pair-a'), finding('recommends', 'Add it.', 0, 'pair-b')],
  ['a pair and none', finding('recommends', 'Add it.', 0, 'pair-a'), finding('recommends', 'Add it.')],
  ['another setting', finding('duplicate-directive', 'Type= is set again on line 9.'), finding('duplicate-directive', 'User= is set again on line 9.')],
  ['a number that is not a line', finding('invalid-value', 'Nice=30 is out of range.'), finding('invalid-value', 'Nice=31 is out of range.')],
];

for (const [name, a, b] of same) {
  test(`findingIdentity: the same for ${name}`, () => assert.equal(findingIdentity(a), findingIdentity(b)));
}

for (const [name, a, b] of different) {
  test(`findingIdentity: different for ${name}`, () => assert.notEqual(findingIdentity(a), findingIdentity(b)));
}

test('findingIdentity: the same finding asked twice gives the same text', () => {
  const d = finding('duplicate-directive', 'Type= is set again on line 9.');
  assert.equal(findingIdentity(d), findingIdentity(d));
  assert.equal(findingIdentity(d), findingIdentity({ ...d }));
});
