/** Limiting the published problems before converting them gives what converting all and limiting gave. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Diagnostic as LspDiagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { createUnitDocument, diagnose } from '../../server/src/core';
import { findingCopy } from '../../server/src/core/rules/lineFinding';
import { toLspDiagnostic } from '../../server/src/lsp/convert';
import { groupedDigits, limitProblems, publishedProblems, TOO_MANY_PROBLEMS } from '../../server/src/lsp/problemLimit';
import { generateUnit } from '../bench/generate';

const URI = 'file:///limits/generated.service';
const found = diagnose(createUnitDocument(URI, generateUnit(600), 1));

describe('published problems', () => {
  it('the generated unit has problems of several severities', () => {
    assert.ok(new Set(found.map((d) => d.severity)).size >= 2);
  });

  for (const max of [1, 5, 124, 1_000_000]) {
    it(`at most ${max}: the same list as converting every problem and limiting`, () => {
      const published = publishedProblems(found, URI, max);
      assert.deepEqual(published, limitProblems(found.map((d) => toLspDiagnostic(d, URI)), max));
      if (max < found.length) {
        assert.equal(published.length, max + 1);
        assert.equal(published[0].code, TOO_MANY_PROBLEMS);
        // The most severe come first: nothing left out is more severe than what is kept.
        const worstLeftOut = Math.min(...found.map((d) => toLspDiagnostic(d, URI).severity ?? 1).sort((a, b) => a - b).slice(max));
        assert.ok(published.slice(1).every((d) => (d.severity ?? 1) <= worstLeftOut));
      } else assert.equal(published.length, found.length);
    });
  }
});

describe('the protocol form of a finding', () => {
  const related = found.find((d) => d.related && d.related.length > 0 && d.related.every((r) => r.uri === undefined));

  it('is made once per finding and document, and is what converting it afresh gives', () => {
    assert.ok(related, 'a finding with related lines in the same file');
    const first = toLspDiagnostic(related, URI);
    assert.equal(toLspDiagnostic(related, URI), first, 'the same object for the same document');
    assert.deepEqual(first, toLspDiagnostic(findingCopy(related), URI));
    // Another document's related lines are in that document.
    const other = toLspDiagnostic(related, 'file:///limits/other.service');
    assert.notEqual(other, first);
    assert.ok(other.relatedInformation?.every((r) => r.location.uri === 'file:///limits/other.service'));
    assert.ok(toLspDiagnostic(related, URI).relatedInformation?.every((r) => r.location.uri === URI));
  });

  it('keeps nothing that shows in its JSON or its keys', () => {
    const lsp = toLspDiagnostic(found[0], URI);
    assert.deepEqual(Object.keys(lsp), Object.keys(toLspDiagnostic(findingCopy(found[0]), URI)));
    assert.deepEqual(Object.keys(found[0]), Object.keys(findingCopy(found[0])));
    assert.equal(JSON.stringify(found[0]), JSON.stringify(findingCopy(found[0])));
  });
});

describe('counts in the note', () => {
  it('groups digits as en-US does', () => {
    for (const n of [0, 7, 999, 1000, 1001, 12_345, 999_999, 1_000_000, 70_255, 123_456_789, 2 ** 31]) assert.equal(groupedDigits(n), n.toLocaleString('en-US'), String(n));
    fc.assert(fc.property(fc.nat(), (n) => groupedDigits(n) === n.toLocaleString('en-US')));
  });

  it('the note says how many of how many', () => {
    const published = publishedProblems(found, URI, 5);
    assert.equal(published[0].message, `Showing 5 of ${found.length.toLocaleString('en-US')} problems in this file, the most severe first (setting unitguard.maxProblems).`);
  });
});

describe('the most severe problems kept', () => {
  /** What "the most severe first, in their own order" means, said with sorts. */
  function bySorting(items: readonly LspDiagnostic[], max: number): LspDiagnostic[] {
    return items
      .map((item, order) => ({ item, order }))
      .sort((a, b) => (a.item.severity ?? 1) - (b.item.severity ?? 1) || a.order - b.order)
      .slice(0, max)
      .sort((a, b) => a.order - b.order)
      .map((x) => x.item);
  }

  it('are those a stable sort by severity keeps, in the order they came', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<DiagnosticSeverity | undefined>(1, 2, 3, 4, undefined), { maxLength: 60 }), fc.nat(70), (severities, max) => {
        const items: LspDiagnostic[] = severities.map((severity, k) => ({ range: { start: { line: k, character: 0 }, end: { line: k, character: 1 } }, message: `p${k}`, ...(severity ? { severity } : {}) }));
        const limited = limitProblems(items, max);
        if (items.length <= max) assert.deepEqual(limited, items);
        else assert.deepEqual(limited.slice(1), bySorting(items, max));
      }),
      { numRuns: 2000 },
    );
  });
});
