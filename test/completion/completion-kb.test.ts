/**
 * Completion checked against the knowledge base as a whole: for every unit
 * type, section and target version the offered settings are exactly the
 * valid ones, and every value table is offered in full (minus newer values).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { complete, createUnitDocument, resolveCompletion, UNIT_TYPES, type UnitCompletionItem } from '../../server/src/core';
import {
  addressFamilies,
  capabilities,
  directiveRows,
  directivesFor,
  enumValues,
  namespaces,
  sectionsFor,
  specifiers,
  syscallGroup,
  syscallGroupNames,
} from '../../server/src/core/kb';
import { directiveDoc } from '../../server/src/core/kb/docs';

const VERSIONS = [219, 245, 256, 262];

function completeAt(uri: string, text: string, version: number): UnitCompletionItem[] {
  const lines = text.split('\n');
  const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
  return complete(createUnitDocument(uri, text, 1), position, { systemdVersion: version });
}

describe('settings offered per unit type, section and version', () => {
  for (const type of UNIT_TYPES) {
    for (const section of sectionsFor(type)) {
      test(`[${section}] of a .${type} unit`, () => {
        for (const version of VERSIONS) {
          const items = completeAt(`file:///etc/systemd/system/x.${type}`, `[${section}]\n`, version).filter((i) => i.kind === 'directive');
          const expected = directivesFor(section, type)
            .filter((r) => (r.since ?? 0) <= version && r.deprecation?.kind !== 'removed')
            .map((r) => r.name)
            .sort();
          assert.deepStrictEqual(items.map((i) => i.label).sort(), expected, `systemd ${version}`);
          for (const item of items) {
            const row = directivesFor(section, type).find((r) => r.name === item.label)!;
            assert.equal(item.deprecated === true, row.deprecation !== undefined, `${item.label}: deprecated flag`);
            const doc = directiveDoc(item.label);
            const resolved = resolveCompletion(item.data, { systemdVersion: version });
            if (doc) assert.ok(resolved?.includes(doc.summary), `${item.label}: the doc carries the summary`);
            if (row.url) assert.ok(resolved?.includes(row.url), `${item.label}: the doc links the man page`);
          }
        }
      });
    }
  }

  test('every current setting is offered somewhere at the newest version', () => {
    const offered = new Set<string>();
    for (const type of UNIT_TYPES)
      for (const section of sectionsFor(type))
        for (const item of completeAt(`file:///x.${type}`, `[${section}]\n`, 999)) offered.add(`${section}/${item.label}`);
    // A section may list a setting that no unit type with that section takes (Delegate= in [Socket]).
    const missing = directiveRows.filter((r) => r.deprecation?.kind !== 'removed' && r.unitTypes.length > 0 && !offered.has(`${r.section}/${r.name}`)).map((r) => `${r.section}/${r.name}`);
    assert.deepStrictEqual(missing, []);
  });
});

describe('value tables offered in full', () => {
  const enumRows = directiveRows.filter((r) => enumValues(r.name) && r.unitTypes.length > 0);
  test(`every enumerated setting (${new Set(enumRows.map((r) => r.name)).size}) offers its values, newer ones left out`, () => {
    let checked = 0;
    for (const row of enumRows) {
      const type = row.unitTypes[0];
      const info = enumValues(row.name)!;
      for (const version of [256, 262]) {
        const labels = new Set(completeAt(`file:///x.${type}`, `[${row.section}]\n${row.name}=`, version).map((i) => i.textEdit.newText));
        for (const value of info.values) {
          const offered = labels.has(value.value);
          const expected = value.since === undefined || value.since <= version;
          assert.equal(offered, expected, `${row.name}=${value.value} (since ${value.since}) at systemd ${version}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 500, `checked ${checked} values`);
  });

  const service = (line: string) => completeAt('file:///x.service', `[Service]\n${line}`, 262).map((i) => i.textEdit.newText);

  test('every capability', () => {
    const offered = service('CapabilityBoundingSet=');
    assert.deepStrictEqual(capabilities.filter((c) => !offered.includes(c.name)).map((c) => c.name), []);
  });
  test('every system call group and every known system call', () => {
    const offered = new Set(service('SystemCallFilter='));
    assert.deepStrictEqual(syscallGroupNames.filter((g) => !offered.has(g)), []);
    assert.deepStrictEqual((syscallGroup('@known')?.members ?? []).filter((s) => !offered.has(s)), []);
  });
  test('every address family and none', () => {
    const offered = service('RestrictAddressFamilies=');
    assert.deepStrictEqual([...addressFamilies.map((f) => f.name), 'none'].filter((f) => !offered.includes(f)), []);
  });
  test('every namespace type', () => {
    const offered = service('RestrictNamespaces=');
    assert.deepStrictEqual(namespaces.filter((n) => !offered.includes(n.name)).map((n) => n.name), []);
  });
  test('every specifier', () => {
    const offered = service('ExecStart=/bin/echo %');
    assert.deepStrictEqual(specifiers.filter((s) => !offered.includes(`%${s.letter}`)).map((s) => s.letter), []);
  });
});

describe('item invariants', () => {
  const texts: [string, string][] = [
    ['x.service', '[Service]\n'],
    ['x.service', '[Service]\nPrivateTmp='],
    ['x.service', '[Service]\nSystemCallFilter=~@privileged '],
    ['x.service', '[Unit]\nAfter='],
    ['x.timer', '[Timer]\nOnBootSec=5'],
    ['x.socket', '['],
  ];
  for (const [name, text] of texts) {
    test(`${JSON.stringify(text)}: each item replaces a range on the cursor line that ends at or after the cursor`, () => {
      const lines = text.split('\n');
      const cursor = { line: lines.length - 1, character: lines[lines.length - 1].length };
      const items = completeAt(`file:///etc/${name}`, text, 262);
      assert.ok(items.length > 0);
      const labels = new Set<string>();
      for (const item of items) {
        const { start, end } = item.textEdit.range;
        assert.equal(start.line, cursor.line, item.label);
        assert.equal(end.line, cursor.line, item.label);
        assert.ok(start.character <= cursor.character && end.character >= cursor.character, `${item.label}: range contains the cursor`);
        assert.equal(item.insertText, item.textEdit.newText, item.label);
        assert.ok(item.sortText.length > 0 && item.filterText.length > 0, item.label);
        assert.ok(!labels.has(item.label), `${item.label} is offered twice`);
        labels.add(item.label);
      }
    });
  }
});
