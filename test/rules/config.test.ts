import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyRuleOverrides,
  combineRcConfigs,
  createUnitDocument,
  diagnose,
  isConfigurableId,
  mergeRuleOverrides,
  parseRuleLevel,
  readRcConfig,
  readRuleOverrides,
  type Diagnostic,
} from '../../server/src/core';

const UNIT = 'file:///etc/systemd/system/app.service';
const TEXT = '[Service]\nExecStart=/usr/bin/app\nSystemCallFilter=@system-service\nFrobnicate=1\n';

const codes = (list: readonly Diagnostic[]): string[] => list.map((d) => `${d.severity} ${d.pairing ?? d.code}`);

describe('rule overrides', () => {
  const levels: [unknown, string | undefined][] = [
    ['error', 'error'],
    ['Warning', 'warning'],
    ['warn', 'warning'],
    ['info', 'information'],
    ['information', 'information'],
    ['hint', 'hint'],
    ['off', 'off'],
    ['none', 'off'],
    [false, 'off'],
    ['loud', undefined],
    [3, undefined],
    [null, undefined],
  ];
  for (const [input, expected] of levels) {
    it(`reads ${JSON.stringify(input)} as ${expected ?? 'nothing'}`, () => assert.equal(parseRuleLevel(input), expected));
  }

  it('keeps good entries, reports bad levels and unknown ids', () => {
    const { overrides, problems, invalid } = readRuleOverrides({ recommends: 'off', 'unknown-directive': 'warn', bogus: 'error', 'empty-reset': 'loud' }, isConfigurableId);
    assert.equal(invalid, true);
    assert.deepEqual(overrides, { recommends: 'off', 'unknown-directive': 'warning', bogus: 'error' });
    assert.equal(problems.length, 2);
    assert.match(problems.join('\n'), /bogus/);
    assert.match(problems.join('\n'), /empty-reset/);
    assert.deepEqual(readRuleOverrides(['x']).problems.length, 1);
    assert.deepEqual(readRuleOverrides(undefined), { overrides: {}, problems: [], invalid: false });
    // A retired id is out of date, not a mistake.
    assert.deepEqual(readRuleOverrides({ implies: 'off' }, isConfigurableId).invalid, false);
  });

  it('re-grades and drops diagnostics; a pair id wins over its relation', () => {
    const plain = diagnose(createUnitDocument(UNIT, TEXT));
    assert.ok(codes(plain).includes('information syscallarch-systemcallfilter'));
    assert.ok(codes(plain).includes('information scf-errno-eperm'));
    assert.ok(codes(plain).includes('error unknown-directive'));

    const tuned = diagnose(createUnitDocument(UNIT, TEXT), { systemdVersion: 262, rules: { recommends: 'off', 'syscallarch-systemcallfilter': 'warning', 'unknown-directive': 'hint' } });
    assert.ok(codes(tuned).includes('warning syscallarch-systemcallfilter'));
    assert.ok(!codes(tuned).some((c) => c.endsWith('scf-errno-eperm')));
    assert.ok(codes(tuned).includes('hint unknown-directive'));
    assert.deepEqual(applyRuleOverrides(plain, {}), plain);
  });

  it('switches whole groups, keeps hints and off-by-default rules quiet unless asked, and reports retired ids', () => {
    const text = '[Service]\nExecStart=/usr/bin/app\nType=notify\nRestrictAddressFamilies=AF_INET\nDynamicUser=yes\nRemoveIPC=yes\n';
    const plain = diagnose(createUnitDocument(UNIT, text));
    assert.ok(codes(plain).includes('warning notify-socket-blocked'), codes(plain).join(', '));
    assert.ok(!plain.some((d) => d.severity === 'hint'), 'no hint is published by default');
    assert.ok(!plain.some((d) => d.code === 'redundant-setting'), 'redundant-setting is off by default');
    const quiet = diagnose(createUnitDocument(UNIT, text), { systemdVersion: 262, rules: { breakage: 'off', 'redundant-setting': 'hint' } });
    assert.ok(!codes(quiet).some((c) => c.endsWith('notify-socket-blocked')), 'the group setting switches the rule off');
    assert.ok(quiet.some((d) => d.code === 'redundant-setting' && d.severity === 'hint'), 'asked for, the off-by-default rule reports');
    const retired = readRuleOverrides({ implies: 'off' }, isConfigurableId);
    assert.match(retired.problems.join('\n'), /'implies' is no longer reported .*--explain/);
    assert.ok(isConfigurableId('breakage') && !isConfigurableId('implies'));
  });

  it('merges layers, later ones winning', () => {
    assert.deepEqual(mergeRuleOverrides({ a: 'off', b: 'hint' }, undefined, { b: 'error' }), { a: 'off', b: 'error' });
  });
});

describe('.unitguardrc contents', () => {
  it('reads the version, the rules and root', () => {
    const config = readRcConfig({ 'systemd-version': '252', root: 'true', rules: { 'empty-reset': 'off' } }, isConfigurableId);
    assert.deepEqual(config, { systemdVersion: 252, rules: { 'empty-reset': 'off' }, root: true, problems: [] });
  });

  it('reports what it cannot use', () => {
    const config = readRcConfig({ 'systemd-version': 'latest', colour: 'blue', rules: { 'empty-reset': 'loud' } }, isConfigurableId);
    assert.equal(config.systemdVersion, undefined);
    assert.equal(config.problems.length, 3);
    assert.equal(readRcConfig('text').problems.length, 1);
  });

  it('lets a nearer file win and stops at a root file', () => {
    const near = readRcConfig({ rules: { 'empty-reset': 'off' } });
    const middle = readRcConfig({ 'systemd-version': '255', root: 'yes', rules: { 'empty-reset': 'hint', recommends: 'off' } });
    const far = readRcConfig({ 'systemd-version': '240', rules: { 'unknown-section': 'off' } });
    const combined = combineRcConfigs([near, middle, far]);
    assert.equal(combined.systemdVersion, 255);
    assert.deepEqual(combined.rules, { 'empty-reset': 'off', recommends: 'off' });
  });

  it('reads the security policy file a folder uses; the nearest file naming one wins', () => {
    assert.equal(readRcConfig({ 'security-policy': ' policy.json ' }).securityPolicy, 'policy.json');
    assert.equal(readRcConfig({ 'security-policy': '' }).problems.length, 1);
    const near = readRcConfig({ rules: { 'empty-reset': 'off' } });
    const middle = readRcConfig({ 'security-policy': 'strict.json' });
    const far = readRcConfig({ 'security-policy': 'lenient.json' });
    assert.equal(combineRcConfigs([near, middle, far]).securityPolicy, 'strict.json');
  });
});
