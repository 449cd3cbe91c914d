/**
 * Every value hover and completion can show has words: each capability,
 * address family, namespace type, specifier, system call group and
 * enumerated value (legacy spellings excepted: their docs point to the
 * current spelling).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressFamilies, addressFamilyKeywords, capabilities, directiveRows, enumValues, namespaces, specifiers, syscallGroupNames } from '../../server/src/core/kb';
import { addressFamilyDoc, capabilityDoc, enumValueDoc, namespaceDoc, specifierDoc, syscallGroupDoc } from '../../server/src/core/kb/docs';
import { enumValueSpelling } from '../../server/src/core/features/docs/valueMarkdown';

const missing = (names: readonly string[], doc: (name: string) => string | undefined) => names.filter((n) => !doc(n));

test('capabilities, address families, namespace types, specifiers and groups all have words', () => {
  assert.deepStrictEqual(missing(capabilities.map((c) => c.name), capabilityDoc), []);
  assert.deepStrictEqual(missing([...addressFamilies.map((f) => f.name), ...addressFamilyKeywords], addressFamilyDoc), []);
  assert.deepStrictEqual(missing(namespaces.map((n) => n.name), namespaceDoc), []);
  assert.deepStrictEqual(missing(specifiers.map((s) => s.letter), specifierDoc), []);
  assert.deepStrictEqual(missing(syscallGroupNames, syscallGroupDoc), []);
});

test('every current enumerated value has words', () => {
  const gaps: string[] = [];
  let count = 0;
  for (const name of new Set(directiveRows.map((r) => r.name))) {
    for (const value of enumValues(name)?.values ?? []) {
      if (value.canonical) continue;
      count++;
      if (!enumValueDoc(name, enumValueSpelling(value))) gaps.push(`${name}=${enumValueSpelling(value)}`);
    }
  }
  assert.ok(count > 500, `${count} values`);
  assert.deepStrictEqual(gaps, []);
});
