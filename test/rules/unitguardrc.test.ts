import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { findRcConfig, rcConfigFinder } from '../../server/src/node/unitguardrc';

describe('.unitguardrc files on disk', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'unitguardrc-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const write = (relative: string, text: string): string => {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };

  it('walks up from the unit file, nearest first, and stops at root = true', () => {
    write('.unitguardrc', 'systemd-version = 240\n[rules]\nunknown-section = off\n');
    write('project/.unitguardrc', 'root = true\nsystemd-version = 252\n[rules]\nrecommends = off\nempty-reset = hint\n');
    write('project/units/.unitguardrc', '[rules]\nempty-reset = off\n');
    const unit = write('project/units/app.service', '[Service]\n');
    const found = findRcConfig(unit);
    assert.equal(found.systemdVersion, 252);
    assert.deepEqual(found.rules, { recommends: 'off', 'empty-reset': 'off' });
    assert.deepEqual(found.files, [path.join(root, 'project/units/.unitguardrc'), path.join(root, 'project/.unitguardrc')]);
    assert.deepEqual(found.problems, []);
  });

  it('reports bad settings with the file name instead of failing', () => {
    const file = write('bad/.unitguardrc', 'systemd-version = soon\n[rules]\nempty-reset = loud\n');
    const found = findRcConfig(path.join(root, 'bad/app.service'));
    assert.equal(found.systemdVersion, 240, 'the good file further up still counts');
    assert.equal(found.problems.length, 2);
    assert.ok(found.problems.every((p) => p.startsWith(file)));
  });

  it('a finder for one run answers as findRcConfig for every file, folders shared or not', () => {
    write('other/deep/er/.unitguardrc', 'systemd-version = 250\n');
    const units = [
      'project/units/app.service',
      'project/units/web.service',
      'project/other.service',
      'bad/app.service',
      'other/deep/er/x.service',
      'other/deep/y.service',
      'top.service',
    ].map((relative) => path.join(root, relative));
    const find = rcConfigFinder();
    for (const unit of [...units, ...units]) assert.deepEqual(find(unit), findRcConfig(unit), unit);
    assert.equal(find(units[0]).systemdVersion, 252);
    assert.equal(find(units[4]).systemdVersion, 250);
    assert.equal(find(units[5]).systemdVersion, 240);
  });

  it('finds nothing where there is nothing', () => {
    const found = findRcConfig(path.join(tmpdir(), 'no-such-folder-for-unitguard', 'x.service'));
    assert.ok(found.files.every((f) => !f.includes('no-such-folder')));
  });
});
