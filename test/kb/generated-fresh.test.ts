import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { it } from 'node:test';
import { referenceFolder, reportMissingReference, repoRoot } from './support';

it('the committed knowledge-base modules match what the generator makes from the reference', (t) => {
  const { dir, found } = referenceFolder();
  if (!found) {
    t.skip(reportMissingReference(dir));
    return;
  }
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/generate-kb.mjs'), dir, '--check'], { encoding: 'utf8' });
  assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
});
