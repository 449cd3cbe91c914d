/**
 * At most a set number of findings, kept as they are reported (boundedFindings.ts): the same as
 * ranking all of them at the end, holding fewer than twice the limit at any time; and
 * `diagnoseLimited` gives what limiting `diagnose` gives, with the counts of every problem.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { createUnitDocument, diagnose, diagnoseLimited, diagnoseWithFixes, diagnoseWithFixesLimited, DEFAULT_SETTINGS, type Diagnostic, type Settings, type Severity } from '../../server/src/core';
import { BoundedFindings } from '../../server/src/core/rules/boundedFindings';
import { mostSevere, SEVERITY_LEVEL } from '../../server/src/core/features/problemLimit';
import { generateUnit } from '../bench/generate';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

function finding(severity: Severity, line: number, character: number, code: string): Diagnostic {
  return { range: { start: { line, character }, end: { line, character: character + 1 } }, severity, code, message: `${code} at ${line}:${character}` };
}

/** The first `max` by severity, then start, then arrival; in arrival order. */
function bySorting(items: readonly Diagnostic[], max: number): Diagnostic[] {
  return items
    .map((item, order) => ({ item, order }))
    .sort((a, b) => SEVERITY_LEVEL[a.item.severity] - SEVERITY_LEVEL[b.item.severity] || a.item.range.start.line - b.item.range.start.line || a.item.range.start.character - b.item.range.start.character || a.order - b.order)
    .slice(0, max)
    .sort((a, b) => a.order - b.order)
    .map((x) => x.item);
}

describe('findings kept as they come', () => {
  it('are those ranking them all at the end keeps, and never more than twice the limit are held', () => {
    const arbitraryFinding = fc.record({ severity: fc.constantFrom(...SEVERITIES), line: fc.nat(40), character: fc.nat(3), code: fc.constantFrom('a', 'b', 'off') });
    fc.assert(
      fc.property(fc.array(arbitraryFinding, { maxLength: 300 }), fc.integer({ min: 1, max: 50 }), (raw, max) => {
        const items = raw.map((r) => finding(r.severity, r.line, r.character, r.code));
        const bounded = new BoundedFindings(max, (d) => (d.code === 'off' ? 'off' : d.severity));
        let most = 0;
        for (const d of items) {
          bounded.add(d);
          most = Math.max(most, bounded.holding);
        }
        const shown = items.filter((d) => d.code !== 'off');
        assert.ok(most < 2 * max, `held ${most} with a limit of ${max}`);
        assert.deepEqual(bounded.kept(), bySorting(shown, max));
        for (const severity of SEVERITIES) assert.equal(bounded.counts[severity], shown.filter((d) => d.severity === severity).length);
      }),
      { numRuns: 300 },
    );
  });

  it('at the level the settings give them, not the rule\'s own', () => {
    const bounded = new BoundedFindings(1, () => 'error');
    bounded.add(finding('hint', 5, 0, 'a'));
    bounded.add(finding('error', 9, 0, 'b'));
    // Both are errors now: the first in the document is kept.
    assert.deepEqual(bounded.kept().map((d) => d.code), ['a']);
    assert.equal(bounded.counts.error, 2);
  });
});

const fixture = (name: string): string => readFileSync(path.join(__dirname, '../../../test/fixtures/cli/limits', name), 'utf8');

const UNITS: { name: string; uri: string; text: string }[] = [
  { name: 'a generated unit', uri: 'file:///limits/generated.service', text: generateUnit(900) },
  { name: 'a setting repeated 1,500 times', uri: 'file:///limits/repeated.service', text: fixture('repeated.service') },
  {
    name: 'parse problems among the findings',
    uri: 'file:///limits/broken.service',
    text: `[Service\nExecStart=/bin/true\n${'NoEquals\nUnknown=1\nNice=1\n'.repeat(120)}[Install]\nWantedBy=multi-user.target\n`,
  },
];

const OVERRIDES: { name: string; settings: Settings }[] = [
  { name: 'default rules', settings: DEFAULT_SETTINGS },
  { name: 'duplicates as errors', settings: { ...DEFAULT_SETTINGS, rules: { 'duplicate-directive': 'error' } } },
  { name: 'unknown settings off, structure as information', settings: { ...DEFAULT_SETTINGS, rules: { 'unknown-directive': 'off', structure: 'information' } } },
];

function counted(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

describe('diagnoseLimited', () => {
  for (const unit of UNITS) {
    for (const { name, settings } of OVERRIDES) {
      const all = diagnose(createUnitDocument(unit.uri, unit.text), settings);
      for (const max of [1, 7, 150, 1000, Infinity]) {
        it(`${unit.name}, ${name}, at most ${max}: what limiting diagnose gives, with every problem counted`, () => {
          const limited = diagnoseLimited(createUnitDocument(unit.uri, unit.text), settings, {}, max);
          assert.deepEqual(limited.diagnostics, mostSevere(all, max, (d) => SEVERITY_LEVEL[d.severity]));
          assert.deepEqual(limited.counts, counted(all));
          assert.ok(limited.diagnostics.length <= max);
        });
      }
    }
  }

  it('counts the parse problems the parser leaves out of its list, at any limit', () => {
    const text = `[Service]\nExecStart=/bin/true\n${'NoEquals\n'.repeat(300)}`;
    const all = diagnose(createUnitDocument('file:///limits/lines.service', text));
    const listed = all.filter((d) => d.code === 'missing-equals');
    // 200 listed, and one more where the 201st is that says how many are left out.
    assert.equal(listed.length, 201);
    assert.match(listed[200].message, /^100 more lines have this problem \(missing-equals\), from this one on; only the first 200 of a kind are listed\.$/);
    assert.equal(listed[200].range.start.line, 202);
    const others = all.filter((d) => d.code !== 'missing-equals' && d.severity === 'warning').length;
    for (const max of [10, 1000, Infinity]) {
      assert.equal(diagnoseLimited(createUnitDocument('file:///limits/lines.service', text), DEFAULT_SETTINGS, {}, max).counts.warning, 300 + others, String(max));
      assert.equal(diagnoseWithFixesLimited(createUnitDocument('file:///limits/lines.service', text), DEFAULT_SETTINGS, {}, max).counts.warning, 300 + others, String(max));
    }
    // Switched off, they are not counted at all.
    const off = diagnoseLimited(createUnitDocument('file:///limits/lines.service', text), { ...DEFAULT_SETTINGS, rules: { 'missing-equals': 'off' } }, {}, 10);
    assert.equal(off.counts.warning, others);
  });

  it('with fixes: the fixes of what is shown are those diagnoseWithFixes gives', () => {
    const text = `[Service]\nExecStart=/usr/bin/daemon\n${'Nice=1\n'.repeat(40)}Frobnicate=yes\nProtectSystem=maybe\nPrivateTmp=true\n`;
    const uri = 'file:///limits/small.service';
    const all = diagnoseWithFixes(createUnitDocument(uri, text));
    for (const max of [3, 12]) {
      const limited = diagnoseWithFixesLimited(createUnitDocument(uri, text), DEFAULT_SETTINGS, {}, max);
      assert.deepEqual(JSON.parse(JSON.stringify(limited.diagnostics)), JSON.parse(JSON.stringify(mostSevere(all, max, (d) => SEVERITY_LEVEL[d.severity]))));
      assert.deepEqual(limited.counts, counted(all));
      assert.ok(limited.diagnostics.some((d) => (d.fixes ?? []).length > 0), 'some shown finding has its fixes');
    }
  });
});
