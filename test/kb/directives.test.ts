import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UNIT_TYPES } from '../../server/src/core/unitFile';
import { directiveNames, directiveRow, directiveRows, directivesFor, getDirective, sectionNames, sectionsFor } from '../../server/src/core/kb';
import { PARSER_UNIT_TYPES } from '../../server/src/core/kb/parserUnitTypes';
import { readTable } from './support';

const facts = readTable('facts/v262-directives.tsv', { header: true, columns: 3 });
const key = (name: string, section: string): string => `${name}[${section}]`;

describe('directive table against the v262 facts list', () => {
  it('the facts list itself has the documented size', () => {
    assert.equal(facts.length, 1468);
    assert.equal(new Set(facts.map(([n]) => n)).size, 531);
  });

  it('every (setting, section) of the facts list is in the table, with its unit types (less those its parser ignores it in)', () => {
    const missing: string[] = [];
    const wrongTypes: string[] = [];
    let limited = 0;
    for (const [name, section, types] of facts) {
      const row = directiveRow(name, section);
      if (!row) {
        missing.push(key(name, section));
        continue;
      }
      const only = PARSER_UNIT_TYPES[row.parser];
      const expected = types.split(',').filter((t) => only === undefined || (only as readonly string[]).includes(t));
      if (expected.length < types.split(',').length) limited++;
      if (row.unitTypes.join(',') !== expected.join(',')) wrongTypes.push(`${key(name, section)}: ${row.unitTypes.join(',')} != ${expected.join(',')}`);
    }
    assert.deepEqual(missing, []);
    assert.deepEqual(wrongTypes, []);
    // Delegate=, DelegateSubgroup= in four sections; the five systemd-oomd settings in three.
    assert.equal(limited, 2 * 4 + 5 * 3);
  });

  it('every parser limited to some unit types reads a setting of the table', () => {
    const parsers = new Set(directiveRows.map((r) => r.parser));
    assert.deepEqual(Object.keys(PARSER_UNIT_TYPES).filter((p) => !parsers.has(p)), []);
  });

  it('the table has nothing the facts list lacks', () => {
    const known = new Set(facts.map(([n, s]) => key(n, s)));
    assert.deepEqual(directiveRows.map((r) => key(r.name, r.section)).filter((k) => !known.has(k)), []);
  });

  it('has 531 names and 1468 rows, no row twice', () => {
    assert.equal(directiveNames.length, 531);
    assert.equal(directiveRows.length, 1468);
    assert.equal(new Set(directiveRows.map((r) => key(r.name, r.section))).size, 1468);
  });

  it('has the per-section counts of the reference', () => {
    const expected: Record<string, number> = {
      Unit: 126, Install: 6, Service: 303, Socket: 320, Mount: 260, Swap: 254, Scope: 88, Slice: 80, Timer: 17, Path: 10, Automount: 4,
    };
    const counts: Record<string, number> = {};
    for (const r of directiveRows) counts[r.section] = (counts[r.section] ?? 0) + 1;
    assert.deepEqual(counts, expected);
  });
});

describe('sections and unit types', () => {
  it('every unit type gets [Unit], its own section and [Install]', () => {
    for (const type of UNIT_TYPES) {
      const sections = sectionsFor(type);
      assert.equal(sections.length, 3, type);
      assert.equal(sections[0], 'Unit');
      assert.equal(sections[2], 'Install');
      assert.equal(sections[1].toLowerCase(), type);
    }
    assert.equal(sectionNames.length, 13);
  });

  it('[Target] and [Device] are accepted but hold no settings', () => {
    assert.deepEqual(directivesFor('Target', 'target'), []);
    assert.deepEqual(directivesFor('Device', 'device'), []);
  });

  const cases: Array<[string, (typeof UNIT_TYPES)[number], number]> = [
    ['Unit', 'service', 126],
    ['Unit', 'target', 126],
    ['Install', 'scope', 6],
    ['Service', 'service', 303],
    ['Service', 'socket', 0],
    ['Socket', 'socket', 313],
    ['Automount', 'automount', 4],
    ['Timer', 'timer', 17],
    ['Bogus', 'service', 0],
  ];
  for (const [section, type, count] of cases)
    it(`directivesFor(${section}, ${type}) has ${count} settings`, () => assert.equal(directivesFor(section, type).length, count));

  it('exec, kill and resource-control settings follow their shared groups', () => {
    const execSections = getDirective('ProtectSystem')!.rows.map((r) => r.section);
    assert.deepEqual(execSections, ['Service', 'Socket', 'Mount', 'Swap']);
    assert.deepEqual(getDirective('KillMode')!.rows.map((r) => r.section), ['Service', 'Socket', 'Mount', 'Swap', 'Scope']);
    assert.deepEqual(getDirective('MemoryMax')!.rows.map((r) => r.section), ['Service', 'Socket', 'Mount', 'Swap', 'Slice', 'Scope']);
    assert.equal(directiveRow('ProtectSystem', 'Socket')!.context, 'exec');
    assert.equal(directiveRow('MemoryMax', 'Slice')!.context, 'cgroup');
  });

  it('lookups are case-sensitive and unknown names give undefined', () => {
    assert.equal(getDirective('protectsystem'), undefined);
    assert.equal(getDirective('NoSuchSetting'), undefined);
    assert.equal(directiveRow('ProtectSystem', 'Unit'), undefined);
  });
});

describe('value kinds', () => {
  const cases: Array<[string, string, string, unknown]> = [
    ['ProtectSystem', 'Service', 'enum:no|yes|full|strict', [{ type: 'enum' }]],
    ['MemoryMax', 'Service', 'bytes|percent|infinity', [{ type: 'bytes' }, { type: 'percent' }, { type: 'keyword', word: 'infinity' }]],
    ['Nice', 'Service', 'int(-20..19)', [{ type: 'integer', min: -20, max: 19 }]],
    ['CPUWeight', 'Service', 'weight(1-10000)|idle', [{ type: 'integer', min: 1, max: 10000 }, { type: 'keyword', word: 'idle' }]],
    ['ReadWritePaths', 'Service', 'path-list', [{ type: 'path', list: true }]],
    ['StateDirectory', 'Service', 'relative-path-list', [{ type: 'path', relative: true, list: true }]],
    ['Slice', 'Service', 'unit(slice)', [{ type: 'unit', qualifier: 'slice' }]],
    ['LoadCredential', 'Service', 'credential-id[:path]', [{ type: 'credential', optionalSuffix: ':path' }]],
    ['SetCredential', 'Service', 'credential-id:value', [{ type: 'credential', requiredSuffix: ':value' }]],
    ['ConditionPathExists', 'Unit', 'condition:path', [{ type: 'condition', operand: 'path' }]],
    ['RefreshOnReload', 'Service', 'boolean|flag-list:extensions|credentials', [{ type: 'boolean' }, { type: 'flag', list: true, words: ['extensions', 'credentials'] }]],
    ['MemoryLimit', 'Service', 'ignored', [{ type: 'ignored' }]],
    ['RestrictNamespaces', 'Service', 'namespace-list|boolean', [{ type: 'namespace', list: true }, { type: 'boolean' }]],
    ['TimeoutStartSec', 'Service', 'timespan|infinity', [{ type: 'timespan' }, { type: 'keyword', word: 'infinity' }]],
  ];
  for (const [name, section, label, forms] of cases)
    it(`${name}= in [${section}] is ${label}`, () => {
      const kind = directiveRow(name, section)!.valueKind;
      assert.equal(kind.label, label);
      assert.deepEqual(kind.forms, forms);
    });

  it('every row has at least one value form', () => {
    assert.deepEqual(directiveRows.filter((r) => r.valueKind.forms.length === 0).map((r) => r.name), []);
  });
});
