import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createUnitDocument, diagnoseWithFixes, DEFAULT_SETTINGS } from '../../server/src/core';
import { titleWithDelta } from '../../server/src/core/features/fixes/exposureDelta';
import { applyEdits } from '../../server/src/core/edits/apply';
import { securityModel, securityReportMarkdown } from '../../server/src/core/features/securityLens';
import { assess } from '../../server/src/core/security';

const UNIT = ['[Service]', 'ExecStart=/usr/bin/report-gen', 'SystemCallFilter=@system-service', 'ProtectSystem=strict', ''].join('\n');

function exposure(text: string): number {
  const model = securityModel(createUnitDocument('file:///x/report.service', text));
  assert.ok(model);
  const result = assess(model, { systemdVersion: DEFAULT_SETTINGS.systemdVersion });
  assert.ok(result.ok);
  return result.exposure;
}

describe('hardening fix titles carry the change of the exposure score', () => {
  it('formats the change', () => {
    assert.equal(titleWithDelta('Add X=y', 96, 92), 'Add X=y (−0.4)');
    assert.equal(titleWithDelta('Add X=y', 40, 52), 'Add X=y (+1.2)');
    assert.equal(titleWithDelta('Add X=y', 40, 40), 'Add X=y');
  });

  it('each hardening fix title states what assess() says about the fixed text', () => {
    const before = exposure(UNIT);
    const fixes = diagnoseWithFixes(createUnitDocument('file:///x/report.service', UNIT), DEFAULT_SETTINGS)
      .filter((d) => d.pairing !== undefined)
      .flatMap((d) => d.fixes ?? []);
    assert.ok(fixes.length > 0, 'the unit gets hardening fixes');
    let withDelta = 0;
    for (const fix of fixes) {
      const after = exposure(applyEdits(UNIT, fix.edits));
      const base = fix.title.replace(/ \([−+][0-9]+\.[0-9]\)$/, '');
      assert.equal(fix.title, titleWithDelta(base, before, after), fix.title);
      if (after !== before) withDelta++;
    }
    assert.ok(withDelta > 0, 'some fix lowers the score');
  });

  it('non-hardening fixes keep their titles', () => {
    const text = '[Service]\nExecStart=/bin/true\nMemoryLimit=1G\n';
    const titles = diagnoseWithFixes(createUnitDocument('file:///x/m.service', text), DEFAULT_SETTINGS).flatMap((d) => (d.fixes ?? []).map((f) => f.title));
    assert.ok(titles.includes('Change MemoryLimit= to MemoryMax= (the line is ignored now: this turns it on again)'), titles.join(' | '));
    const moved = diagnoseWithFixes(createUnitDocument('file:///x/m.service', '[Service]\nExecStart=/bin/true\nStartLimitBurst=5\n'), DEFAULT_SETTINGS).flatMap((d) => (d.fixes ?? []).map((f) => f.title));
    assert.deepEqual(moved, ['Move StartLimitBurst= to [Unit]']);
  });
});

describe('the exposure report names the quick fix of each failing check', () => {
  it('the SystemCallArchitectures= row names "Add SystemCallArchitectures=native"', () => {
    const document = createUnitDocument('file:///x/report.service', UNIT);
    const fixes = diagnoseWithFixes(document, DEFAULT_SETTINGS)
      .filter((d) => d.pairing !== undefined)
      .flatMap((d) => d.fixes ?? []);
    const report = securityReportMarkdown(document, {}, DEFAULT_SETTINGS, fixes);
    const row = report.split('\n').find((line) => line.includes('`SystemCallArchitectures=`'));
    assert.ok(row, report);
    // Named as the light bulb names it: a review fix says so.
    assert.match(row, /Add SystemCallArchitectures=native \(−[0-9]\.[0-9]\) — review \|$/);
    // With the line of the finding that offers it, the fix is a link the report page applies.
    const line = diagnoseWithFixes(document, DEFAULT_SETTINGS).find((d) => d.fixes?.some((f) => f.title.startsWith('Add SystemCallArchitectures=native')))?.range.start.line;
    assert.ok(line !== undefined);
    const located = securityReportMarkdown(document, {}, DEFAULT_SETTINGS, fixes.map((fix) => ({ ...fix, line })));
    const linked = located.split('\n').find((l) => l.includes('`SystemCallArchitectures=`'));
    assert.match(linked ?? '', new RegExp(`\\| \\[Add SystemCallArchitectures=native \\(−[0-9]\\.[0-9]\\) — review\\]\\(<file:///x/report\\.service#L${line + 1}-fix>\\) \\|$`));
    const passing = report.split('\n').find((line) => line.includes('`NoNewPrivileges=`'));
    assert.ok(passing && !/Add /.test(passing), 'a check no fix lowers names no fix');
    assert.equal(securityReportMarkdown(document, {}, DEFAULT_SETTINGS).includes('Add SystemCallArchitectures'), false, 'no fixes given, none named');
  });
});
