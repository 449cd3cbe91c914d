/**
 * Deep folders: a walk resolved the real path of every folder, on ever longer paths, and one file
 * under 5,000 nested folders took two minutes. Now only links are resolved (a folder that is no
 * link is its parent's real path and its name), and folders more than 64 deep below the folder
 * named are passed over with a note, like the walk's other skips.
 */
import assert from 'node:assert/strict';
import fs, { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import { collectInputs } from '../../server/src/cli/files';
import { WALK_MAX_DEPTH } from '../../server/src/node/guardedFs';
import { tempFolder } from './cliHarness';

const UNIT = '[Service]\nExecStart=/bin/true\n';

/** `levels` nested folders `d/d/...` under `root`; returns the deepest. */
function nest(root: string, levels: number): string {
  const deepest = path.join(root, ...Array.from({ length: levels }, () => 'd'));
  mkdirSync(deepest, { recursive: true });
  return deepest;
}

describe('a walk of deep folders', () => {
  let tmp: ReturnType<typeof tempFolder>;
  before(() => {
    tmp = tempFolder('walk-depth');
    // A unit in each folder from depth 62 to 66: those deeper than 64 folders are not walked.
    nest(path.join(tmp.dir, 'deep'), 66);
    for (let level = 62; level <= 66; level++) writeFileSync(path.join(tmp.dir, 'deep', ...Array.from({ length: level }, () => 'd'), `u${level}.service`), UNIT);
    // 30 folders, one of them reached through a link.
    const shallow = nest(path.join(tmp.dir, 'long'), 30);
    writeFileSync(path.join(shallow, 'a.service'), UNIT);
    mkdirSync(path.join(tmp.dir, 'long', 'real'));
    writeFileSync(path.join(tmp.dir, 'long', 'real', 'b.service'), UNIT);
    symlinkSync('real', path.join(tmp.dir, 'long', 'linked'));
  });
  after(() => tmp.remove());

  it(`walks ${WALK_MAX_DEPTH} folders deep and passes over the deeper ones with a note`, () => {
    const found = collectInputs(['deep'], tmp.dir);
    const names = found.inputs.map((i) => (i.kind === 'file' ? path.basename(i.path) : '-'));
    // Sorted: the folder `d` comes before the unit beside it.
    assert.deepEqual(names, ['u64.service', 'u63.service', 'u62.service']);
    assert.deepEqual(found.errors, []);
    const depth65 = path.join('deep', ...Array.from({ length: 65 }, () => 'd'));
    assert.deepEqual(found.notes, [`skipping '${depth65}': more than 64 folders deep below 'deep'`]);
  });

  it('resolves the real path of the folder named and of links only, not of each folder', () => {
    const realpath = mock.method(fs.realpathSync, 'native');
    try {
      const found = collectInputs(['long'], tmp.dir);
      assert.deepEqual(found.inputs.map((i) => (i.kind === 'file' ? path.basename(i.path) : '-')), ['a.service', 'b.service']);
      const resolved = realpath.mock.calls.map((c) => path.relative(tmp.dir, String(c.arguments[0])));
      // The folder named (once for the walk, once for its scope) and the link; none of the 30 folders.
      assert.deepEqual([...new Set(resolved)].sort(), ['long', path.join('long', 'linked')]);
    } finally {
      realpath.mock.restore();
    }
  });
});
