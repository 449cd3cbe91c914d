/** Levels, rounding, policy overrides, drop-in merging, and units systemd refuses to load. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { securityTests } from '../../server/src/core/kb';
import { assess, checkLines, formatExposure, levelOf, readSecurityPolicy } from '../../server/src/core/security';
import { createUnitDocument } from '../../server/src/core';
import { UnitModel } from '../../server/src/core/model/unitModel';
import { caseText, modelOf, specifierCases, typeCases, versionCases } from './support';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/security');

const BARE = '[Service]\nExecStart=/bin/true\n';

test('level thresholds are the first row the exposure reaches', () => {
  const table: [number, string][] = [
    [100, 'DANGEROUS'], [99, 'UNSAFE'], [90, 'UNSAFE'], [89, 'EXPOSED'], [75, 'EXPOSED'], [74, 'MEDIUM'],
    [50, 'MEDIUM'], [49, 'OK'], [10, 'OK'], [9, 'SAFE'], [1, 'SAFE'], [0, 'PERFECT'],
  ];
  for (const [exposure, level] of table) assert.equal(levelOf(exposure).level, level, String(exposure));
  assert.equal(formatExposure(96), '9.6');
  assert.equal(formatExposure(100), '10.0');
  assert.equal(formatExposure(3), '0.3');
});

test('a bare service scores 9.6 UNSAFE and the rows add up to the weight sum', () => {
  const r = assess(modelOf('a.service', BARE), { systemdVersion: 252 });
  assert.ok(r.ok);
  assert.equal(r.exposure, 96);
  assert.equal(r.level, 'UNSAFE');
  assert.equal(r.tests.length, securityTests.length);
  // root: SupplementaryGroups= and RemoveIPC= do not apply
  assert.deepEqual(r.tests.filter((t) => !t.scored).map((t) => t.jsonField).sort(), ['RemoveIPC', 'SupplementaryGroups']);
});

test('a policy with weight 0 leaves a check out; weight and range overrides change the sum', () => {
  const text = BARE + 'DynamicUser=yes\n';
  const base = assess(modelOf('a.service', text), { systemdVersion: 252 });
  const { policy, problems } = readSecurityPolicy({
    UserOrDynamicUser: { weight: 0 },
    PrivateNetwork: { weight: 5000 },
    ProtectSystem: { range: 20 },
    ProtectHome: { weight: 'heavy' },
  });
  assert.deepEqual(problems, ['ProtectHome.weight: not an unsigned integer, ignored']);
  const r = assess(modelOf('a.service', text), { systemdVersion: 252, policy });
  assert.ok(r.ok && base.ok);
  assert.equal(r.tests.find((t) => t.jsonField === 'UserOrDynamicUser')?.scored, false);
  const net = r.tests.find((t) => t.jsonField === 'PrivateNetwork');
  assert.equal(net?.weight, 5000);
  assert.equal(r.tests.find((t) => t.jsonField === 'ProtectSystem')?.range, 20);
  // the total follows from the rows with the overridden weights and ranges
  let badness = 0;
  let weights = 0;
  for (const t of r.tests.filter((x) => x.scored)) {
    badness += Math.ceil(((t.badness ?? 0) * t.weight) / t.range);
    weights += t.weight;
  }
  assert.equal(r.exposure, Math.ceil((badness * 100) / weights));
  assert.ok(r.exposure > base.exposure, `${r.exposure} should be above ${base.exposure}: a passing check was left out and a failing one weighs more`);
  assert.deepEqual(readSecurityPolicy([1, 2]).problems, ['the policy is not a JSON object']);
});

test('drop-ins are merged in file-name order and empty values reset lists', () => {
  const unit = BARE + 'CapabilityBoundingSet=CAP_NET_ADMIN\n';
  const r = assess(modelOf('b.service', unit, [
    { name: '20-reset.conf', text: '[Service]\nCapabilityBoundingSet=\nPrivateNetwork=yes\n' },
    { name: '10-more.conf', text: '[Service]\nCapabilityBoundingSet=CAP_SYS_ADMIN\nPrivateNetwork=no\n' },
  ]), { systemdVersion: 252 });
  assert.ok(r.ok);
  const row = (f: string) => r.tests.find((t) => t.jsonField === f);
  assert.equal(row('CapabilityBoundingSet_CAP_SYS_ADMIN')?.badness, 0);
  assert.equal(row('CapabilityBoundingSet_CAP_NET_ADMIN')?.badness, 0);
  assert.equal(row('PrivateNetwork')?.badness, 0);
  assert.ok(row('PrivateNetwork')?.lines.some((l) => l.uri.endsWith('20-reset.conf')));
});

test('scored without its lines, a unit gets the same score and verdicts, no check names a line, and checkLines names them', () => {
  const units: Array<[string, string, Array<{ name: string; text: string }>]> = [
    ['bare.service', BARE, []],
    ['b.service', BARE + 'CapabilityBoundingSet=CAP_NET_ADMIN\nProtectSystem=strict\nProtectSystem=full\n', [{ name: '20-reset.conf', text: '[Service]\nCapabilityBoundingSet=\nPrivateNetwork=yes\n' }]],
    ['daemon.service', readFileSync(path.join(FIXTURES, 'daemon.service'), 'utf8'), []],
  ];
  let named = 0;
  for (const [name, text, dropIns] of units) {
    for (const systemdVersion of [247, 252, 262]) {
      const model = modelOf(name, text, dropIns);
      const full = assess(model, { systemdVersion });
      const bare = assess(modelOf(name, text, dropIns), { systemdVersion, withLines: false });
      assert.ok(full.ok && bare.ok, name);
      named += full.tests.filter((t) => t.lines.length > 0).length;
      // What a result scored without them names, check by check.
      for (const t of full.ok ? full.tests : []) assert.deepEqual(checkLines(model, t.id), t.lines, t.id);
      assert.ok(bare.tests.every((t) => t.lines.length === 0));
      assert.deepEqual({ ...bare, tests: bare.tests.map((t) => ({ ...t, lines: undefined })) }, { ...full, tests: full.tests.map((t) => ({ ...t, lines: undefined })) });
    }
  }
  assert.ok(named > 10, `scored with their lines, checks name lines (${named})`);
});

test('a service without ExecStart=, ExecStop= or a known SuccessAction= is refused, as systemd does', () => {
  const text = '[Unit]\nSuccessAction=halt-force\n[Service]\nType=oneshot\n';
  const r252 = assess(modelOf('halt.service', text), { systemdVersion: 252 });
  assert.equal(r252.ok, false);
  const r262 = assess(modelOf('halt.service', text), { systemdVersion: 262 });
  assert.equal(r262.ok, true);
});

for (const c of versionCases()) {
  for (const [version, badness] of c.badness) {
    test(`release ${version}, ${c.manager} manager: ${c.jsonField} ${c.name} gives ${badness ?? 'n/a'}`, () => {
      const r = assess(modelOf('fixture.service', caseText(c)), { systemdVersion: version, manager: c.manager });
      if (badness === 'refused') {
        assert.ok(!r.ok, 'scored a unit systemd refuses');
        return;
      }
      assert.ok(r.ok, r.ok ? '' : r.error);
      const row = r.tests.find((t) => t.jsonField === c.jsonField);
      assert.ok(row, `no result for ${c.jsonField}`);
      assert.equal(row.scored ? row.badness : undefined, badness, row.description);
    });
  }
}

test('a drop-in of -.slice read on its own scores the root slice, which has no default dependencies (systemd-analyze 252: 9.7)', () => {
  const dropIn = createUnitDocument('file:///usr/lib/systemd/system/-.slice.d/10-oomd-root-slice-defaults.conf', '[Slice]\nManagedOOMSwap=kill\n');
  const r = assess(UnitModel.fromDropIns([dropIn]), { systemdVersion: 252 });
  assert.ok(r.ok, r.ok ? '' : r.error);
  assert.equal(formatExposure(r.exposure), '9.7');
});

test('a target whose OnFailure= names two units with OnFailureJobMode=isolate is refused: systemd does not load it (verify says so), though the offline analysis, which loads no other unit, scores it', () => {
  const r = assess(modelOf('rescue-all.target', '[Unit]\nOnFailure=a.service b.service\nOnFailureJobMode=isolate\n'), { systemdVersion: 262 });
  assert.ok(!r.ok);
  assert.match(r.error, /^systemd refuses to load the target: OnFailure= names 2 units/);
});

for (const c of typeCases()) {
  test(`a ${c.unit} of the ${c.manager} manager (${c.text.trim().split('\n').slice(1).join(' ') || 'no settings'}) scores as systemd-analyze of each release`, () => {
    for (const [version, expected] of c.expected) {
      const r = assess(modelOf(c.unit, c.text), { systemdVersion: version, manager: c.manager });
      assert.equal(r.ok ? formatExposure(r.exposure) : 'refused', expected, `release ${version}${r.ok ? '' : `: ${r.error}`}`);
    }
  });
}

for (const c of specifierCases()) {
  for (const [version, expected] of c.expected) {
    test(`release ${version}, ${c.manager} manager: ${c.unit} with ${c.lines.join(' ')}`, () => {
      const r = assess(modelOf(c.unit, caseText(c)), { systemdVersion: version, manager: c.manager });
      if (expected.user === 'refused') {
        assert.ok(!r.ok, 'scored a unit systemd refuses');
        return;
      }
      assert.ok(r.ok, r.ok ? '' : r.error);
      const badness = (field: string) => {
        const row = r.tests.find((t) => t.jsonField === field);
        return row?.scored ? row.badness : undefined;
      };
      assert.deepEqual({ user: badness('UserOrDynamicUser'), groups: badness('SupplementaryGroups') }, expected);
    });
  }
}

test('bad input never throws', () => {
  const inputs = ['', '\u0000\u0001', '\ufeff[Service]\r\nUser=\u00ff\r\n', '[Service]\nSystemCallFilter=' + 'x'.repeat(1_000_000) + '\n',
    '[Service]\nCapabilityBoundingSet=~\nRestrictNamespaces=~\nRestrictAddressFamilies=~\nIPAddressDeny=::1/999 300.1.1.1 ::::\n'];
  for (const text of inputs) {
    const r = assess(modelOf('d.service', text), { systemdVersion: 252 });
    assert.ok(r.ok ? r.exposure >= 0 && r.exposure <= 100 : typeof r.error === 'string');
  }
});
