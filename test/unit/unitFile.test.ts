import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createUnitDocument, diagnose, unitFileInfo } from '../../server/src/core';
import { isPlaceholderLine } from '../../server/src/core/features/buildTemplates';

describe('unitFileInfo', () => {
  const cases: Array<[string, Partial<ReturnType<typeof unitFileInfo>>]> = [
    ['/lib/systemd/system/nftables.service', { type: 'service', unitName: 'nftables.service', isDropIn: false, isTemplateUnit: false }],
    ['file:///etc/systemd/system/getty%40.service', { type: 'service', unitName: 'getty@.service', isTemplateUnit: true }],
    ['/etc/systemd/system/foo.socket.d/10-limits.conf', { type: 'socket', unitName: 'foo.socket', isDropIn: true }],
    ['/etc/systemd/system/service.d/90-all.conf', { type: 'service', unitName: undefined, isDropIn: true }],
    ['git:/repo/units/bar.timer.in?ref=HEAD', { type: 'timer', unitName: 'bar.timer', isBuildTemplate: true }],
    ['untitled:Untitled-1', { type: undefined, unitName: undefined, isDropIn: false }],
    ['/tmp/notes.conf', { type: undefined, isDropIn: false }],
    ['C:\\units\\x.mount', { type: 'mount', unitName: 'x.mount' }],
    ['\\\\server\\share\\units\\web.service.d\\10-x.conf', { type: 'service', unitName: 'web.service', isDropIn: true }],
    // A backslash in a unit's name is systemd's escape, not a folder.
    ['/etc/systemd/system/var-lib-my\\x2ddata.mount', { type: 'mount', unitName: 'var-lib-my\\x2ddata.mount' }],
    ['\\x2esnapshots.mount', { type: 'mount', unitName: '\\x2esnapshots.mount' }],
    ['\\x2esnapshots.mount.d/override.conf', { type: 'mount', unitName: '\\x2esnapshots.mount', isDropIn: true }],
    ['file:///etc/systemd/system/systemd-cryptsetup%40luks%5Cx2dab12.service.d/override.conf', { type: 'service', unitName: 'systemd-cryptsetup@luks\\x2dab12.service', isDropIn: true, isTemplateUnit: false }],
    ['/a/.service', { type: undefined }],
  ];
  for (const [input, expected] of cases) {
    it(input, () => {
      const info = unitFileInfo(input);
      for (const [key, value] of Object.entries(expected)) assert.equal(info[key as keyof typeof info], value, key);
    });
  }
});

describe('build templates', () => {
  const lines: Array<[string, boolean]> = [
    ['@ProtectSystem@', true],
    ['  {{SERVICE_WATCHDOG}}  ', true],
    ['{% if ENABLE_X %}', true],
    ['{# a comment', true],
    ['ExecStart=@bindir@/foo', false],
    ['junk line', false],
  ];
  for (const [line, expected] of lines) {
    it(`placeholder line ${JSON.stringify(line)}: ${expected}`, () => assert.equal(isPlaceholderLine(line), expected));
  }

  const text = '[Service]\n@ProtectSystem@\n{% if X %}\nExecStart=/bin/true\n{% endif %}\njunk\n';
  it('placeholder lines are not reported in a .in template', () => {
    const codes = diagnose(createUnitDocument('/src/foo.service.in', text)).map((d) => `${d.code}@${d.range.start.line}`);
    assert.deepEqual(codes, ['missing-equals@5']);
  });
  it('the same lines are reported in a plain unit', () => {
    const codes = diagnose(createUnitDocument('/src/foo.service', text)).map((d) => `${d.code}@${d.range.start.line}`);
    assert.deepEqual(codes, ['missing-equals@1', 'missing-equals@2', 'missing-equals@4', 'missing-equals@5']);
  });
});
