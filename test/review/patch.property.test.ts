import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, parsePatch, patchReviewInputs, reviewUnit } from '../../server/src/core';

/**
 * Damaged patches (lines lost, doubled or cut, other line breaks, stray text) are read without
 * failing, every line the reader keeps is where it says, and the units read from them can be
 * reviewed.
 */
const fixtures = path.resolve(__dirname, '../../../test/fixtures/review');
const patches = [
  readFileSync(path.join(fixtures, 'nftables-hardening.patch'), 'utf8'),
  ...readdirSync(path.join(fixtures, 'patches')).sort().map((name) => readFileSync(path.join(fixtures, 'patches', name), 'utf8')),
];

type Edit = { at: number; kind: 'drop' | 'double' | 'cut' | 'insert' | 'crlf' | 'cr'; text: string };

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(200),
  kind: fc.constantFrom('drop', 'double', 'cut', 'insert', 'crlf', 'cr'),
  text: fc.constantFrom('', '-- ', '---', '+++ b/x.service', '@@ -1 +1 @@', '@@ -0,0 +1,99 @@', '\\ No newline at end of file', ' [Service]', '+X=1', '-', 'diff --git a/y b/y', 'From: x'),
});

function damage(text: string, edits: readonly Edit[]): string {
  const lines = text.split('\n');
  for (const e of edits) {
    const i = e.at % Math.max(lines.length, 1);
    if (e.kind === 'drop') lines.splice(i, 1);
    else if (e.kind === 'double') lines.splice(i, 0, lines[i] ?? '');
    else if (e.kind === 'cut') lines[i] = (lines[i] ?? '').slice(0, Math.floor((lines[i] ?? '').length / 2));
    else if (e.kind === 'insert') lines.splice(i, 0, e.text);
    else lines[i] = `${lines[i] ?? ''}${e.kind === 'crlf' ? '\r' : '\r\r'}`;
  }
  return lines.join('\n');
}

test('damaged patches are read, with every kept line where it says it is', () => {
  fc.assert(
    fc.property(fc.constantFrom(...patches), fc.array(edit, { maxLength: 6 }), (original, edits) => {
      const text = damage(original, edits);
      const patch = parsePatch(text);
      const lines = text.split(/\r\n|\n|\r/);
      for (const file of patch.files) {
        for (const hunk of file.hunks) {
          for (const line of hunk.lines) {
            // A blank line in a hunk is an empty context line whose space a mailer took off.
            const shown = lines[line.patchLine] === '' && line.kind === ' ' && line.text === '' ? ' ' : lines[line.patchLine];
            assert.equal(shown, line.kind + line.text);
          }
        }
      }
    }),
    { numRuns: 400 },
  );
});

test('the units of damaged patches can be reviewed', () => {
  fc.assert(
    fc.property(fc.constantFrom(...patches), fc.array(edit, { maxLength: 4 }), (original, edits) => {
      for (const unit of patchReviewInputs(parsePatch(damage(original, edits)))) {
        const review = reviewUnit(unit.input, DEFAULT_SETTINGS);
        assert.ok(review.unit.length > 0);
      }
    }),
    { numRuns: 40 },
  );
});
