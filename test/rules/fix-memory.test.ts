/**
 * What the fix path keeps while it works on a long unit, measured in child processes whose heap
 * is capped:
 * - "Fix all" remembers the texts it has made by their fingerprints, and lets each analysis go
 *   before it makes the next. Keeping each text took a megabyte a round on a unit of 1 MB: 40
 *   rounds needed a heap of 48 MB, and now fit in 16.
 * - `harden` tries its plans on documents that share the unit's sections it does not write in.
 *   Parsing each plan afresh took a heap of 153 MB on a 6 MB unit; sharing them, 117 MB.
 * - `check --format json` with a problem limit keeps only the findings it may show, and counts the
 *   others as they come. Holding every finding with its fix, 100,000 repeated `Nice=` lines needed
 *   a heap of 49 to 56 MB; now 33 to 40.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createUnitDocument, DEFAULT_SETTINGS, diagnoseWithFixesLimited, fixAll, planHardening } from '../../server/src/core';
import { generateUnitOfSize } from '../bench/generate';

const CHILD = 'UNITGUARD_FIX_MEMORY_CHILD';
const FIX_ALL_HEAP_MB = 32;
const HARDEN_HEAP_MB = 135;
const LIMITED_HEAP_MB = 44;
const REPEATED_LINES = 100_000;

/** A unit of 1 MB of comments and 40 `Nice=` lines: "fix all" removes all but the last, one a round. */
function manyRounds(): string {
  const comments = `# ${'x'.repeat(78)}\n`.repeat(12_000);
  return `[Unit]\nDescription=rounds\n${comments}[Service]\nExecStart=/bin/true\n${Array.from({ length: 40 }, (_, i) => `Nice=${i % 19}\n`).join('')}`;
}

function child(mode: string): void {
  if (mode === 'fix-all') {
    const text = manyRounds();
    const result = fixAll('file:///rounds.service', text, DEFAULT_SETTINGS);
    process.stdout.write(JSON.stringify({ bytes: text.length, applied: result.applied.length, nice: (result.text.match(/^Nice=/gm) ?? []).length }));
  } else if (mode === 'limited') {
    const text = `[Service]\nExecStart=/usr/bin/app\n${Array.from({ length: REPEATED_LINES }, (_, i) => `Nice=${i % 19}\n`).join('')}`;
    const { diagnostics, counts } = diagnoseWithFixesLimited(createUnitDocument('file:///repeated.service', text), DEFAULT_SETTINGS, {}, 1000);
    const fixed = diagnostics.filter((d) => (d.fixes?.length ?? 0) > 0).length;
    process.stdout.write(JSON.stringify({ shown: diagnostics.length, counted: counts.error + counts.warning + counts.information + counts.hint, fixed }));
  } else {
    const { text } = generateUnitOfSize(6e6);
    const plan = planHardening(createUnitDocument('file:///big.service', text), DEFAULT_SETTINGS, [], { level: 'standard' });
    process.stdout.write(JSON.stringify({ bytes: text.length, settings: plan.settings.length, problem: plan.problem ?? null }));
  }
}

function runChild(mode: string, heapMb: number): Record<string, unknown> {
  const run = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, __filename], { env: { ...process.env, [CHILD]: mode }, encoding: 'utf8', timeout: 120_000 });
  assert.equal(run.signal, null, `killed (${run.signal}): ${run.stderr.slice(-400)}`);
  assert.equal(run.status, 0, `did not fit in a heap of ${heapMb} MB: ${run.stderr.slice(-400)}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

if (process.env[CHILD] !== undefined) {
  child(process.env[CHILD]);
} else {
  describe('the fix path on long units', () => {
    test(`"fix all" makes 39 rounds on a 1 MB unit in a heap of ${FIX_ALL_HEAP_MB} MB`, () => {
      const out = runChild('fix-all', FIX_ALL_HEAP_MB);
      assert.ok((out.bytes as number) > 950_000, 'the unit is as long as meant');
      assert.equal(out.applied, 39);
      assert.equal(out.nice, 1);
    });

    test(`the fixes of the 1,000 problems shown of ${REPEATED_LINES.toLocaleString('en-US')} are tried in a heap of ${LIMITED_HEAP_MB} MB`, () => {
      const out = runChild('limited', LIMITED_HEAP_MB);
      assert.equal(out.shown, 1000);
      assert.equal(out.counted, REPEATED_LINES - 1, 'every repeated line but the last is counted');
      assert.ok((out.fixed as number) > 0, 'the shown problems have their fixes');
    });

    test(`harden plans a 6 MB unit in a heap of ${HARDEN_HEAP_MB} MB`, () => {
      const out = runChild('harden', HARDEN_HEAP_MB);
      assert.ok((out.bytes as number) > 5_900_000, 'the unit is as long as meant');
      assert.equal(out.problem, null);
      assert.ok((out.settings as number) > 0, 'the plan adds settings');
    });
  });
}
