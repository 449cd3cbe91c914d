import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { directiveRow, directiveRows, enumValues, getDirective, valueSince } from '../../server/src/core/kb';
import { DIRECTIVE_VERSIONS_FROM_NEWS, VALUE_VERSIONS_FROM_NEWS } from '../../server/src/core/kb/versionsFromNews';
import { LEGACY_VALUES } from '../../server/src/core/kb/legacyValues';
import { orNone, readTable } from './support';

describe('deprecations', () => {
  for (const [name, section, kind, replacement, replacementSection, replacementValue, since] of readTable('fixtures/deprecations.tsv', { columns: 7 })) {
    it(`${name}= in [${section}] is ${kind}${replacement !== '-' ? ` in favour of ${replacement}=` : ''}`, () => {
      const dep = directiveRow(name, section)!.deprecation!;
      assert.ok(dep, `${name} should be deprecated`);
      assert.equal(dep.kind, kind);
      assert.equal(dep.replacement?.directive, orNone(replacement));
      assert.equal(dep.replacement?.section, orNone(replacementSection));
      assert.equal(dep.replacement?.value, orNone(replacementValue));
      assert.equal(dep.since, since === '-' ? undefined : Number(since));
      if (dep.replacement) assert.ok(getDirective(dep.replacement.directive), `replacement ${dep.replacement.directive} exists`);
    });
  }

  it('MemoryLimit= is a removed cgroup v1 setting replaced by MemoryMax=', () => {
    const dep = directiveRow('MemoryLimit', 'Service')!.deprecation!;
    assert.equal(dep.cgroupV1, true);
    assert.equal(dep.replacement?.directive, 'MemoryMax');
    assert.equal(directiveRow('MemoryMax', 'Service')!.deprecation, undefined);
  });

  it('PermissionsStartOnly= points at the command-line prefixes', () => {
    assert.deepEqual(directiveRow('PermissionsStartOnly', 'Service')!.deprecation!.replacement!.commandPrefixes, ['+', '!']);
  });

  it('deprecation differs by section where the reference says so', () => {
    assert.equal(directiveRow('StartLimitBurst', 'Unit')!.deprecation, undefined);
    assert.equal(directiveRow('StartLimitBurst', 'Service')!.deprecation?.kind, 'moved');
  });

  it('every replacement names a real setting', () => {
    const bad = directiveRows.filter((r) => r.deprecation?.replacement && !getDirective(r.deprecation.replacement.directive));
    assert.deepEqual(bad.map((r) => r.name), []);
  });
});

describe('versions', () => {
  for (const [name, where, version, source] of readTable('fixtures/versions.tsv', { columns: 4 })) {
    it(`${name}${where.startsWith('=') ? where : `= in [${where}]`} is from ${version} (${source})`, () => {
      if (where.startsWith('=')) {
        const value = enumValues(name)!.values.find((v) => !v.form && v.value === where.slice(1))!;
        assert.equal(value.since, Number(version));
        assert.equal(value.sinceSource, source);
        assert.equal(valueSince(name, where.slice(1)), Number(version));
      } else {
        const row = directiveRow(name, where)!;
        assert.equal(row.since, Number(version));
        assert.equal(row.sinceSource, source);
      }
    });
  }

  it('flags versions taken from a man entry shared with other settings', () => {
    assert.deepEqual(directiveRow('WantedBy', 'Install')!.sinceSharedWith, ['RequiredBy', 'UpheldBy']);
    assert.equal(directiveRow('UpheldBy', 'Install')!.sinceSharedWith, undefined);
    assert.equal(directiveRow('PrivateBPF', 'Service')!.sinceSharedWith, undefined);
    // 415 rows take their date from a shared man entry; the rows NEWS re-dates (versionsFromNews.ts,
    // each checked with systemd-analyze verify) no longer do.
    assert.equal(directiveRows.filter((r) => r.sinceSharedWith).length, 361);
  });

  it('has no version for settings older than the annotations', () => {
    assert.equal(directiveRow('Type', 'Service')!.since, undefined);
    assert.equal(valueSince('Type', 'exec'), undefined);
    // 1069 rows carry a man-page date; the rows NEWS re-dates are dated by NEWS instead.
    assert.equal(directiveRows.filter((r) => r.since !== undefined && r.sinceSource === 'man').length, 1009);
  });

  it('every hand-kept entry names a real setting, section and value', () => {
    for (const v of VALUE_VERSIONS_FROM_NEWS)
      assert.ok(enumValues(v.directive)?.values.some((x) => x.value === v.value), `${v.directive}=${v.value}`);
    for (const d of DIRECTIVE_VERSIONS_FROM_NEWS) {
      assert.ok(d.section ? directiveRow(d.directive, d.section) : directiveRows.some((r) => r.name === d.directive), `${d.directive}[${d.section ?? 'any'}]`);
    }
    for (const l of LEGACY_VALUES) assert.ok(enumValues(l.directive)?.values.some((x) => x.value === l.canonical), `${l.directive}=${l.canonical}`);
  });
});
