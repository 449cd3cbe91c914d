/**
 * What a checked unit keeps in memory, per line, for units large in one way only (continued
 * command lines, one list setting, a finding on every line) and for a hardened service repeated.
 * Each unit is checked in a process of its own, which measures the heap (and the buffers of typed
 * arrays) that its document and findings keep alive after full collections: bytes are counted,
 * not time, so the bound holds on any machine with this engine. A bound fails when a line's share grows by a sixth to a third (one
 * object more per line, or a message built anew for each of many equal findings).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createUnitDocument, diagnose } from '../../server/src/core';
import { memoryAfterGc } from '../unit/heapAfterGc';
import { BYTES_PER_LINE } from '../../server/src/node/memoryRoom';
import { generateLopsidedUnit, generateUnit, LOPSIDED_SHAPES, type LopsidedShape } from '../bench/generate';

type Shape = LopsidedShape | 'a hardened service repeated';

/** Most bytes a line may keep: the document's tree, the unit model, the findings; not the text. */
const BOUNDS: Record<Shape, number> = {
  // Each value is read from the text, joined from its pieces, when asked for: a string kept for
  // each would be some 70 bytes more.
  'continued command lines': 200,
  'Environment= lines': 480,
  // A finding on each line, which keeps where it is as numbers (a range would be 120 bytes more).
  'unknown settings': 240,
  // Packed: a node for each would be 64 bytes more.
  'comment lines': 40,
  'sections of one line': 360,
  'a hardened service repeated': 200,
};

const BYTES = 800_000;
const CHILD = 'UNITGUARD_MEMORY_SHAPE';

function unitOf(shape: Shape, bytes: number): { text: string; lines: number } {
  if (shape !== 'a hardened service repeated') return generateLopsidedUnit(shape, bytes);
  const text = generateUnit(Math.round(bytes / 30));
  return { text, lines: text.split('\n').length - 1 };
}

/** In the child: the heap the checked unit keeps, per line, as JSON on stdout. */
function measureHere(shape: Shape): void {
  const uri = 'file:///generated/big.service';
  // The first check loads the knowledge base and fills the memos; that is not the unit's.
  diagnose(createUnitDocument(uri, unitOf(shape, 20_000).text));
  const { text, lines } = unitOf(shape, BYTES);
  const before = memoryAfterGc();
  const document = createUnitDocument(uri, text);
  const findings = diagnose(document);
  const kept = memoryAfterGc() - before;
  // Both are read after the measurement, so that they are alive through it.
  process.stdout.write(JSON.stringify({ lines, findings: findings.length, perLine: kept / lines, tree: document.tree.sections.length }));
}

if (process.env[CHILD] !== undefined) {
  measureHere(process.env[CHILD] as Shape);
} else {
  describe('memory a checked unit keeps per line', () => {
    for (const shape of Object.keys(BOUNDS) as Shape[]) {
      test(shape, (t) => {
        const child = spawnSync(process.execPath, [__filename], { env: { ...process.env, [CHILD]: shape }, encoding: 'utf8', timeout: 120_000 });
        assert.equal(child.status, 0, child.stderr);
        const measured = JSON.parse(child.stdout) as { lines: number; findings: number; perLine: number };
        t.diagnostic(`${measured.lines} lines, ${measured.findings} findings: ${measured.perLine.toFixed(0)} bytes a line (bound ${BOUNDS[shape]})`);
        if (shape === 'unknown settings') assert.ok(measured.findings >= measured.lines - 3, 'a finding on every line');
        // The line index alone keeps 4 bytes a line.
        assert.ok(measured.perLine >= 4, 'the measurement sees the unit at all');
        assert.ok(measured.perLine <= BOUNDS[shape], `${shape}: ${measured.perLine.toFixed(0)} bytes a line, more than ${BOUNDS[shape]}`);
      });
    }
    test('every lopsided shape of the bench is measured', () => {
      for (const shape of Object.keys(LOPSIDED_SHAPES)) assert.ok(shape in BOUNDS, shape);
    });
    test('the CLI refuses a unit by an estimate above every bound, with room for what a check passes through', () => {
      // The garbage of a check about doubles what its lines keep at the peak (memoryRoom.ts).
      for (const [shape, bound] of Object.entries(BOUNDS)) assert.ok(bound * 1.5 <= BYTES_PER_LINE, `${shape}: ${bound} bytes a line against ${BYTES_PER_LINE}`);
    });
  });
}
