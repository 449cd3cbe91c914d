import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INSTALL_SEMANTICS, PARSER_SEMANTICS, SHARED_LISTS, directiveNames, directiveRow, directiveRows } from '../../server/src/core/kb';
import { orNone, readTable } from './support';

describe('assignment semantics table', () => {
  it('classifies every parser named in the directive table', () => {
    const unclassified = [...new Set(directiveRows.map((r) => r.parser))].filter(
      (p) => p !== 'NULL' && PARSER_SEMANTICS[p] === undefined,
    );
    assert.deepEqual(unclassified, []);
    const installWithoutEntry = directiveRows.filter((r) => r.parser === 'NULL' && !INSTALL_SEMANTICS[r.name]).map((r) => r.name);
    assert.deepEqual(installWithoutEntry, []);
  });

  it('has no entry for a parser the directive table does not use', () => {
    const used = new Set(directiveRows.map((r) => r.parser));
    assert.deepEqual(Object.keys(PARSER_SEMANTICS).filter((p) => !used.has(p)), []);
    const install = new Set(directiveRows.filter((r) => r.parser === 'NULL').map((r) => r.name));
    assert.deepEqual(Object.keys(INSTALL_SEMANTICS).filter((n) => !install.has(n)), []);
  });

  it('names only real settings in the shared lists, each of them a resettable list', () => {
    for (const group of SHARED_LISTS) {
      const members = 'prefix' in group ? directiveNames.filter((n) => n.startsWith(group.prefix)) : group;
      assert.ok(members.length >= 2, JSON.stringify(group));
      for (const name of members) {
        const row = directiveRows.find((r) => r.name === name);
        assert.ok(row, `${name} is no setting`);
        assert.equal(row.assignment.kind, 'list', name);
        if (row.assignment.kind === 'list') {
          assert.equal(row.assignment.emptyResets, true, name);
          assert.deepEqual([...(row.assignment.resetShares ?? [])].sort(), members.filter((m) => m !== name).sort(), name);
        }
      }
    }
  });

  it('treats removed settings as ignored and only them', () => {
    for (const r of directiveRows) {
      const removed = r.parser === 'config_parse_warn_compat';
      assert.equal(r.assignment.kind === 'ignored', removed, `${r.name}[${r.section}]`);
      if (removed) assert.equal(r.deprecation?.kind, 'removed', r.name);
    }
  });

  for (const [name, section, kind, repeat, emptyResets, shares] of readTable('fixtures/assignment.tsv', { columns: 6 })) {
    it(`${name}= in [${section}]: ${kind} ${repeat}, empty resets ${emptyResets}`, () => {
      const a = directiveRow(name, section)!.assignment;
      assert.equal(a.kind, kind);
      if (a.kind === 'single') assert.equal(a.repeat, repeat);
      if (a.kind === 'list') {
        assert.equal(a.repeat, repeat);
        assert.equal(a.emptyResets, emptyResets === 'yes');
        const other = orNone(shares);
        if (other) assert.ok(a.resetShares?.includes(other), `${name} should share its list with ${other}`);
        else assert.equal(a.resetShares, undefined);
      }
    });
  }
});
