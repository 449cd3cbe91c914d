/** Limiting the published problems before converting them gives what converting all and limiting gave. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createUnitDocument, diagnose } from '../../server/src/core';
import { toLspDiagnostic } from '../../server/src/lsp/convert';
import { limitProblems, publishedProblems, TOO_MANY_PROBLEMS } from '../../server/src/lsp/problemLimit';
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
