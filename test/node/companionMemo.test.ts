/**
 * A folder walk checks a unit and then each of its drop-ins, and each check needs the others: a
 * check of N drop-ins read and parsed N² files (1,000 drop-ins: 31 s, 2,000: 154 s). With the
 * run's memo each file of a unit is read, and each drop-in folder listed, once.
 */
import assert from 'node:assert/strict';
import fs, { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import { CompanionMemo, unitFilesFor } from '../../server/src/node/unitFiles';
import { Scope } from '../../server/src/node/guardedFs';
import type { UnitFiles } from '../../server/src/core';

const N = 40;
let dir: string;

before(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'unitguard-memo-'));
  mkdirSync(join(dir, 'a.service.d'));
  writeFileSync(join(dir, 'a.service'), '[Service]\nExecStart=/bin/true\n');
  for (let i = 0; i < N; i++) writeFileSync(join(dir, 'a.service.d', `${String(i).padStart(2, '0')}.conf`), `[Service]\nNice=${i % 19}\n`);
  writeFileSync(join(dir, 'b.service'), '[Service]\nExecStart=/bin/true\n');
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The unit and each drop-in, as a walk meets them. */
function walkOrder(): string[] {
  return [join(dir, 'a.service'), ...fs.readdirSync(join(dir, 'a.service.d')).sort().map((n) => join(dir, 'a.service.d', n))];
}

/** What each check is given, as URIs and texts. */
function shown(files: UnitFiles): string[] {
  return [...(files.unit ? [files.unit] : []), ...(files.dropIns ?? [])].map((d) => `${d.uri} ${d.tree.text}`);
}

describe('the files read alongside a unit, kept for its next file', () => {
  it(`reads each of ${N + 1} files once and lists the drop-in folder once, giving what reading them each time gives`, () => {
    const scope = Scope.within([dir]);
    const fresh = walkOrder().map((p) => shown(unitFilesFor(p, scope)));
    const open = mock.method(fs, 'openSync');
    const list = mock.method(fs, 'readdirSync');
    try {
      const memo = new CompanionMemo();
      const kept = walkOrder().map((p) => shown(unitFilesFor(p, scope, { memo })));
      assert.deepEqual(kept, fresh);
      assert.equal(open.mock.callCount(), N + 1, 'the unit and each drop-in, once');
      // The drop-in folder, and the type-wide `service.d` (missing) next to the unit.
      assert.ok(list.mock.callCount() <= 2, `${list.mock.callCount()} listings`);
    } finally {
      open.mock.restore();
      list.mock.restore();
    }
  });

  it('lets go of a unit\'s files at the next unit, and reads a file written since it was forgotten', () => {
    const scope = Scope.within([dir]);
    const memo = new CompanionMemo();
    const dropIn = join(dir, 'a.service.d', '00.conf');
    assert.match(shown(unitFilesFor(join(dir, 'a.service'), scope, { memo }))[0] ?? '', /Nice=0/);
    writeFileSync(dropIn, '[Service]\nNice=5\n');
    // Still the text read before: nothing said it changed.
    assert.match(shown(unitFilesFor(join(dir, 'a.service.d', '01.conf'), scope, { memo }))[1] ?? '', /Nice=0/);
    memo.forget(dropIn);
    assert.match(shown(unitFilesFor(join(dir, 'a.service.d', '01.conf'), scope, { memo }))[1] ?? '', /Nice=5/);
    writeFileSync(dropIn, '[Service]\nNice=0\n');
    unitFilesFor(join(dir, 'b.service'), scope, { memo });
    assert.match(shown(unitFilesFor(join(dir, 'a.service'), scope, { memo }))[0] ?? '', /Nice=0/);
  });
});
