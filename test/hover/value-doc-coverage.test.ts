/**
 * Every value hover and completion can show has words: each capability,
 * address family, namespace type, specifier, system call group, signal,
 * well-known unit and enumerated value (legacy spellings excepted: their
 * docs point to the current spelling). And the other way round: the doc
 * tables name nothing the knowledge base does not know, and no setting is
 * documented in two files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addressFamilies,
  addressFamilyKeywords,
  capabilities,
  directiveNames,
  directiveRows,
  enumValues,
  errnos,
  namespaces,
  signals,
  specialUnits,
  specifiers,
  syscallGroupNames,
} from '../../server/src/core/kb';
import {
  addressFamilyDoc,
  capabilityDoc,
  directiveDocSources,
  enumValueDoc,
  namespaceDoc,
  signalDoc,
  specialUnitDoc,
  specifierDoc,
  syscallGroupDoc,
  valueDocSources,
} from '../../server/src/core/kb/docs';
import { enumValueSpelling } from '../../server/src/core/features/docs/valueMarkdown';

const missing = (names: readonly string[], doc: (name: string) => string | undefined) => names.filter((n) => !doc(n));

test('capabilities, address families, namespace types, specifiers and groups all have words', () => {
  assert.deepStrictEqual(missing(capabilities.map((c) => c.name), capabilityDoc), []);
  assert.deepStrictEqual(missing([...addressFamilies.map((f) => f.name), ...addressFamilyKeywords], addressFamilyDoc), []);
  assert.deepStrictEqual(missing(namespaces.map((n) => n.name), namespaceDoc), []);
  assert.deepStrictEqual(missing(specifiers.map((s) => s.letter), specifierDoc), []);
  assert.deepStrictEqual(missing(syscallGroupNames, syscallGroupDoc), []);
  assert.deepStrictEqual(missing(signals.filter((s) => !s.aliasOf).map((s) => s.name), signalDoc), []);
  assert.deepStrictEqual(missing(specialUnits, specialUnitDoc), []);
});

test('value doc tables name only what the knowledge base knows', () => {
  const known: Record<string, readonly string[]> = {
    syscallGroups: syscallGroupNames,
    capabilities: capabilities.map((c) => c.name),
    addressFamilies: [...addressFamilies.map((f) => f.name), ...addressFamilyKeywords],
    namespaces: namespaces.map((n) => n.name),
    specifiers: specifiers.map((s) => `%${s.letter}`),
    signals: signals.map((s) => s.name),
    errnos: errnos.map((e) => e.name),
    specialUnits,
  };
  assert.deepStrictEqual(Object.keys(valueDocSources).sort(), Object.keys(known).sort());
  for (const [table, docs] of Object.entries(valueDocSources)) {
    const strays = Object.keys(docs).filter((key) => !known[table].includes(key));
    assert.deepStrictEqual(strays, [], table);
  }
});

test('each documented setting exists and is documented in one file only', () => {
  const seen = new Map<string, string>();
  const twice: string[] = [];
  for (const [file, docs] of Object.entries(directiveDocSources)) {
    for (const name of Object.keys(docs)) {
      const other = seen.get(name);
      if (other) twice.push(`${name}= in ${other} and ${file}`);
      seen.set(name, file);
    }
  }
  assert.deepStrictEqual(twice, []);
  assert.deepStrictEqual([...seen.keys()].filter((name) => !directiveNames.includes(name)), []);
  assert.ok(seen.size > 300, `${seen.size} settings documented`);
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
