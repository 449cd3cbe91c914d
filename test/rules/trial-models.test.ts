/**
 * A fix's trial checks a model of the lines its checks read first; when they read more (a
 * protection switched on makes them look at more), it builds the whole model and checks again.
 * By then the first model, its facts and findings must be gone: on the generated 100 MB unit,
 * keeping it through the second check took the peak from 759 to 833 MB.
 *
 * Measured in a child process: each time a whole model is built after a trial's first one, the
 * models alive are counted in a heap snapshot (which collects first). Only the unit's own may be.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { createUnitDocument, DEFAULT_SETTINGS, diagnoseLimited } from '../../server/src/core';
import { UnitModel } from '../../server/src/core/model/unitModel';
import { generateUnit } from '../bench/generate';

const CHILD = 'UNITGUARD_TRIAL_MODELS_CHILD';

/** How many unit models are alive, by a heap snapshot. */
function liveModels(folder: string): number {
  const file = writeHeapSnapshot(path.join(folder, 'models.heapsnapshot'));
  try {
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
    const fields = snapshot.snapshot.meta.node_fields;
    const width = fields.length;
    const nameAt = fields.indexOf('name');
    const typeAt = fields.indexOf('type');
    const objectType = snapshot.snapshot.meta.node_types[0].indexOf('object');
    let count = 0;
    for (let i = 0; i < snapshot.nodes.length; i += width) {
      if (snapshot.nodes[i + typeAt] === objectType && snapshot.strings[snapshot.nodes[i + nameAt]] === 'UnitModel') count++;
    }
    return count;
  } finally {
    rmSync(file, { force: true });
  }
}

/** In the child: the models alive at each whole model built after a trial's first one, as JSON. */
function measureHere(): void {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'unitguard-trial-models-'));
  const counts: number[] = [];
  let firstModels = 0;
  const build = UnitModel.build.bind(UnitModel);
  UnitModel.build = (unit, dropIns, takes, keys) => {
    // A model of some keys is a trial's first; one of every key right after it is its whole model.
    if (keys === undefined && firstModels > 0) counts.push(liveModels(folder));
    firstModels = keys === undefined ? 0 : firstModels + 1;
    return build(unit, dropIns, takes, keys);
  };
  try {
    // One block of the bench's unit: a hardened service whose fixes' trials look at more than they change.
    diagnoseLimited(createUnitDocument('file:///trial.service', generateUnit(28)), DEFAULT_SETTINGS, {}, 1000);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify(counts));
}

if (process.env[CHILD] !== undefined) {
  measureHere();
} else {
  describe("a fix's trial", () => {
    test('lets the model of the lines it read go before it builds the whole one', () => {
      const child = spawnSync(process.execPath, [__filename], { env: { ...process.env, [CHILD]: '1' }, encoding: 'utf8', timeout: 120_000 });
      assert.equal(child.status, 0, child.stderr);
      const counts = JSON.parse(child.stdout) as number[];
      assert.ok(counts.length > 0, 'some trial built the whole model after its first one');
      assert.deepEqual(counts, counts.map(() => 1), `models alive when a trial built its whole model: ${counts.join(', ')} (only the unit's own may be)`);
    });
  });
}
