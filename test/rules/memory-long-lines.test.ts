/**
 * What a check needs at its peak for units of long list lines: twenty lines of close to 1 MiB
 * each (18 MB), every line hundreds of thousands of words. What a line's words do is worked out
 * from its distinct words, and what one line needs is dropped before the next is read, so the
 * check fits in a heap a few times the text, however many lines there are. Each unit is checked
 * in a process of its own whose heap is capped: the check either fits or the process dies, so
 * the bound holds on any machine with this engine, and does not rest on timing.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createUnitDocument, diagnose } from '../../server/src/core';
import { generateLongLineUnit, LONG_LINE_SHAPES, type LongLineShape } from '../bench/generate';

const LINES = 20;
/**
 * The heap the check may use, in MB: the engine and the knowledge base (about 10), the text (18),
 * and room for the one line being read. A filter that kept an object per word, or a list line
 * read into one object per word and kept for the run, needed several hundred.
 */
const HEAP_MB = 100;
const CHILD = 'UNITGUARD_LONG_LINES_SHAPE';

function measureHere(shape: LongLineShape): void {
  const { text, lines } = generateLongLineUnit(shape, LINES);
  const document = createUnitDocument('file:///generated/long.service', text);
  const findings = diagnose(document);
  const entries = document.tree.sections.reduce((n, s) => n + s.entries.length, 0);
  process.stdout.write(JSON.stringify({ lines, entries, bytes: text.length, findings: findings.length, codes: [...new Set(findings.map((d) => d.code))].sort() }));
}

if (process.env[CHILD] !== undefined) {
  measureHere(process.env[CHILD] as LongLineShape);
} else {
  describe(`a unit of ${LINES} long list lines is checked in a heap of ${HEAP_MB} MB`, () => {
    for (const shape of Object.keys(LONG_LINE_SHAPES) as LongLineShape[]) {
      test(shape, (t) => {
        const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, __filename], {
          env: { ...process.env, [CHILD]: shape },
          encoding: 'utf8',
          timeout: 180_000,
          maxBuffer: 1 << 20,
        });
        assert.equal(child.signal, null, `${shape}: the check was killed (${child.signal}): ${child.stderr.slice(-400)}`);
        assert.equal(child.status, 0, `${shape}: the check did not fit in ${HEAP_MB} MB: ${child.stderr.slice(-400)}`);
        const measured = JSON.parse(child.stdout) as { lines: number; entries: number; bytes: number; findings: number; codes: string[] };
        t.diagnostic(`${measured.lines} lines, ${(measured.bytes / 1e6).toFixed(1)} MB, ${measured.findings} findings (${measured.codes.join(', ')})`);
        assert.ok(measured.bytes > LINES * 850_000, 'the lines are as long as meant');
        assert.equal(measured.entries, LINES + 1, 'every long line is an assignment (none is refused as too long)');
        // The words are read one by one: the made-up system calls are each reported.
        if (shape === 'SystemCallFilter=') assert.ok(measured.codes.includes('invalid-value'), 'the filter words were read');
      });
    }
  });
}
