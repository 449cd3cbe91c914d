/**
 * Hover checked against the knowledge base and the docs as a whole: every
 * setting, every value table entry gets its words and its facts.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createUnitDocument, hover } from '../../server/src/core';
import {
  addressFamilies,
  capabilities,
  directiveRows,
  enumValues,
  namespaces,
  pairingsFor,
  securityTests,
  specifiers,
  syscallGroup,
  syscallGroupNames,
} from '../../server/src/core/kb';
import { addressFamilyDoc, atRelease, capabilityDoc, directiveDoc, enumValueDoc, namespaceDoc, specifierDoc, syscallGroupDoc } from '../../server/src/core/kb/docs';

/** Hover over `text` at the first `|`. */
function hoverAt(uri: string, marked: string, version = 262) {
  const at = marked.indexOf('|');
  const before = marked.slice(0, at).split('\n');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  return hover(createUnitDocument(uri, text, 1), { line: before.length - 1, character: before[before.length - 1].length }, { systemdVersion: version });
}

describe('docs speak of the target release', () => {
  test('a part marked {since N:...} or {before N:...} shows only where it holds', () => {
    assert.equal(atRelease('a{since 257: b}{before 257: c}.', 257), 'a b.');
    assert.equal(atRelease('a{since 257: b}{before 257: c}.', 252), 'a c.');
    assert.equal(atRelease('a{since 257: b}{before 257: c}.', undefined), 'a b.', 'no target: the newest release');
  });

  test('DefaultDependencies=no: the PrivateTmp=yes conversion is told from 257 on, and not to a unit for 252', () => {
    const at262 = hoverAt('file:///etc/systemd/system/x.service', '[Unit]\n|DefaultDependencies=no', 262)?.contents ?? '';
    const at252 = hoverAt('file:///etc/systemd/system/x.service', '[Unit]\n|DefaultDependencies=no', 252)?.contents ?? '';
    assert.match(at262, /PrivateTmp=yes silently becomes a disconnected tmpfs/);
    assert.doesNotMatch(at252, /disconnected/);
    assert.match(at252, /before \/tmp and \/var\/tmp are mounted/);
  });

  test('hover on a setting says what it implies in this unit, at the target release', () => {
    const text = '[Service]\nExecStart=/usr/bin/app\n|DynamicUser=yes\n';
    assert.match(hoverAt('file:///etc/systemd/system/x.service', text, 262)?.contents ?? '', /\*\*In this unit:\*\* DynamicUser=yes implies RemoveIPC=yes\. .*DynamicUser=yes implies PrivateTmp=disconnected\./);
    assert.match(hoverAt('file:///etc/systemd/system/x.service', text, 252)?.contents ?? '', /DynamicUser=yes implies PrivateTmp=yes\./);
  });

  test('what the unit makes of a line follows the docs, which an editor shows below its problem hover', () => {
    const cases: Array<[string, string, string]> = [
      ['DynamicUser', '[Service]\nExecStart=/usr/bin/app\n|DynamicUser=yes\n', '**In this unit:**'],
      ['PrivateTmp', '[Unit]\nPrivate|Tmp=yes\n[Service]\nExecStart=/usr/bin/app\n', '**Not accepted here:**'],
    ];
    for (const [name, text, note] of cases) {
      const contents = hoverAt('file:///etc/systemd/system/x.service', text)?.contents ?? '';
      assert.ok(contents.startsWith(`**${name}=**`), `the hover does not start with the docs of ${name}=:\n${contents.slice(0, 200)}`);
      const man = contents.indexOf('https://www.freedesktop.org/');
      assert.ok(man > 0 && contents.indexOf(note) > man, `${note} is not after the docs and their man page link:\n${contents}`);
    }
  });
});

describe('every setting', () => {
  const rows = directiveRows.filter((r) => r.unitTypes.length > 0);
  test(`hover on each of the ${rows.length} setting rows shows its words and facts`, () => {
    for (const row of rows) {
      const result = hoverAt(`file:///etc/systemd/system/x.${row.unitTypes[0]}`, `[${row.section}]\n|${row.name}=`);
      assert.ok(result, `${row.section}/${row.name}: no hover`);
      const md = result.contents;
      assert.ok(md.includes(`**${row.name}=** · [${row.section}]`), `${row.name}: heading`);
      const doc = directiveDoc(row.name);
      if (doc) {
        // Parts that hold only from or before a release are shown as they hold for the target (262 here).
        assert.ok(md.includes(atRelease(doc.summary, 262)), `${row.name}: summary`);
        if (doc.protects) assert.ok(md.includes(atRelease(doc.protects, 262)), `${row.name}: protects`);
        if (doc.breaks) assert.ok(md.includes(atRelease(doc.breaks, 262)), `${row.name}: breaks`);
        assert.ok(!/\{(since|before) [0-9]+:/.test(md), `${row.name}: a release marker is left in the text`);
      }
      if (row.url) assert.ok(md.includes(row.url), `${row.name}: link`);
      if (row.since !== undefined) assert.ok(md.includes(`systemd ${row.since}+`), `${row.name}: version`);
      if (row.deprecation) assert.ok(/\*\*(Deprecated|Removed)\*\*/.test(md), `${row.name}: deprecation`);
      for (const t of securityTests.filter((s) => s.directives.includes(row.name)).sort((a, b) => b.weight - a.weight).slice(0, 8))
        assert.ok(md.includes(`\`${t.id}\` (weight ${t.weight}`), `${row.name}: security test ${t.id}`);
      if (pairingsFor(row.name).length > 0) assert.ok(md.includes('**Works with other settings:**'), `${row.name}: pairings`);
      assert.ok(md.includes('**Value:**'), `${row.name}: value kind`);
    }
  });

  test('a setting newer than the target says which version it needs', () => {
    const newer = directiveRows.filter((r) => r.since !== undefined && r.since > 250 && r.unitTypes.length > 0);
    assert.ok(newer.length > 20);
    for (const row of newer) {
      const md = hoverAt(`file:///x.${row.unitTypes[0]}`, `[${row.section}]\n|${row.name}=`, 250)?.contents ?? '';
      assert.ok(md.includes(`**Needs systemd ${row.since}+**`), row.name);
    }
  });
});

describe('every value', () => {
  test('enumerated values with words show them', () => {
    let checked = 0;
    for (const row of directiveRows.filter((r) => enumValues(r.name) && r.unitTypes.length > 0)) {
      for (const value of enumValues(row.name)!.values.filter((v) => !v.form)) {
        const doc = enumValueDoc(row.name, value.value);
        if (!doc) continue;
        const md = hoverAt(`file:///x.${row.unitTypes[0]}`, `[${row.section}]\n${row.name}=|${value.value}`)?.contents ?? '';
        assert.ok(md.includes(doc), `${row.name}=${value.value}`);
        checked++;
      }
    }
    assert.ok(checked > 300, `checked ${checked}`);
  });

  test('every system call group: words, nested groups, size', () => {
    for (const name of syscallGroupNames) {
      const group = syscallGroup(name)!;
      const md = hoverAt('file:///x.service', `[Service]\nSystemCallFilter=|${name}`)?.contents ?? '';
      assert.ok(md.includes(`**${name}** · system call group · ${group.members.length} calls`), name);
      const doc = syscallGroupDoc(name);
      if (doc) assert.ok(md.includes(doc), `${name}: words`);
      for (const nested of group.nested) assert.ok(md.includes(`\`${nested}\``), `${name}: includes ${nested}`);
      assert.ok(md.length < 6000, `${name}: ${md.length} characters`);
    }
  });

  test('every capability, address family, namespace type and specifier', () => {
    for (const cap of capabilities) {
      const md = hoverAt('file:///x.service', `[Service]\nCapabilityBoundingSet=|${cap.name}`)?.contents ?? '';
      assert.ok(md.includes(`**${cap.name}** · capability ${cap.number}`), cap.name);
      const doc = capabilityDoc(cap.name);
      if (doc) assert.ok(md.includes(doc), `${cap.name}: words`);
    }
    for (const family of addressFamilies) {
      const md = hoverAt('file:///x.service', `[Service]\nRestrictAddressFamilies=|${family.name}`)?.contents ?? '';
      assert.ok(md.includes(`**${family.name}** · address family ${family.number}`), family.name);
      const doc = addressFamilyDoc(family.name);
      if (doc) assert.ok(md.includes(doc), `${family.name}: words`);
    }
    for (const ns of namespaces) {
      const md = hoverAt('file:///x.service', `[Service]\nRestrictNamespaces=|${ns.name}`)?.contents ?? '';
      assert.ok(md.includes(ns.cloneFlag) && md.includes(namespaceDoc(ns.name) ?? ns.name), ns.name);
    }
    for (const spec of specifiers) {
      const md = hoverAt('file:///x.service', `[Service]\nExecStart=/bin/echo |%${spec.letter}`)?.contents ?? '';
      assert.ok(md.includes(spec.meaning), `%${spec.letter}: meaning`);
      const doc = specifierDoc(spec.letter);
      if (doc) assert.ok(md.includes(doc), `%${spec.letter}: words`);
    }
  });
});
