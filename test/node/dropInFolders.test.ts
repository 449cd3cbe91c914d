/**
 * The drop-in folders of a unit, as systemd reads them: the unit's own, an instance's template's,
 * those of its name cut after each dash, and its type's; of drop-ins of the same file name, the
 * one in the most specific folder. The merged unit is compared with `systemd-analyze security`.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { test } from 'node:test';
import { dropInFolderNames } from '../../server/src/core';
import { assess, formatExposure } from '../../server/src/core/security';
import { readSecurityInput } from '../../server/src/node/securityInput';
import { unitFilesFor } from '../../server/src/node/unitFiles';
import { analyzePath, securityAnalyzers } from '../security/support';

const FOLDERS: readonly (readonly [string, readonly string[]])[] = [
  ['web.service', ['web.service.d', 'service.d']],
  ['web-api.service', ['web-api.service.d', 'web-.service.d', 'service.d']],
  ['foo-bar-baz.service', ['foo-bar-baz.service.d', 'foo-bar-.service.d', 'foo-.service.d', 'service.d']],
  ['app@one.service', ['app@one.service.d', 'app@.service.d', 'service.d']],
  ['my-app@one-two.service', ['my-app@one-two.service.d', 'my-app@.service.d', 'my-.service.d', 'service.d']],
  ['app@.service', ['app@.service.d', 'service.d']],
  ['var-lib-data.mount', ['var-lib-data.mount.d', 'var-lib-.mount.d', 'var-.mount.d', 'mount.d']],
  ['-.slice', ['-.slice.d', 'slice.d']],
  ['user-1000.slice', ['user-1000.slice.d', 'user-.slice.d', 'slice.d']],
  ['web-.service', ['web-.service.d', 'service.d']],
];

for (const [unit, folders] of FOLDERS) {
  test(`${unit} reads drop-ins from ${folders.join(', ')}`, () => assert.deepEqual(dropInFolderNames(unit), folders));
}

/** A unit's folder: each file's path and text. */
const LAYOUT: Readonly<Record<string, string>> = {
  'web-api.service': '[Service]\nExecStart=/bin/true\n',
  'web-api.service.d/10-x.conf': '[Service]\nPrivateTmp=yes\n',
  'web-.service.d/10-x.conf': '[Service]\nPrivateNetwork=yes\n',
  'web-.service.d/20-y.conf': '[Service]\nProtectKernelLogs=yes\n',
  'service.d/10-x.conf': '[Service]\nProtectHome=yes\n',
  'service.d/30-z.conf': '[Service]\nProtectClock=yes\n',
  'app@one.service': '[Service]\nExecStart=/bin/true\n',
  'app@one.service.d/10-a.conf': '[Service]\nPrivateTmp=yes\n',
  'app@.service.d/10-a.conf': '[Service]\nPrivateNetwork=yes\n',
  'app@.service.d/30-b.conf': '[Service]\nProtectKernelTunables=yes\n',
  'app-.service.d/40-c.conf': '[Service]\nRestrictRealtime=yes\n',
};

function withLayout(run: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'unitguard-dropins-'));
  try {
    for (const [path, text] of Object.entries(LAYOUT)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a unit is read with its drop-ins from every folder, the most specific of each file name, in file-name order', () => {
  withLayout((dir) => {
    const names = (unit: string) => (unitFilesFor(join(dir, unit)).dropIns ?? []).map((d) => d.uri.slice(d.uri.indexOf(basename(dir)) + basename(dir).length + 1));
    assert.deepEqual(names('web-api.service').sort(), ['service.d/30-z.conf', 'web-.service.d/20-y.conf', 'web-api.service.d/10-x.conf']);
    // `app-.service.d` is for names that start with `app-`, not `app@`.
    assert.deepEqual(names('app@one.service').sort(), ['app@.service.d/30-b.conf', 'app@one.service.d/10-a.conf', 'service.d/10-x.conf', 'service.d/30-z.conf']);
    // A drop-in of the unit is read with the unit and the unit's other drop-ins.
    const fromDropIn = unitFilesFor(join(dir, 'web-api.service.d/10-x.conf'));
    assert.ok(fromDropIn.unit?.uri.endsWith('/web-api.service'));
    assert.deepEqual((fromDropIn.dropIns ?? []).map((d) => basename(d.uri)).sort(), ['20-y.conf', '30-z.conf']);
  });
});

for (const analyzer of securityAnalyzers()) {
  test(`units with drop-ins in their prefix, template and type folders score check by check as systemd-analyze ${analyzer.label} scores them`, () => {
    withLayout((dir) => {
      for (const unit of ['web-api.service', 'app@one.service']) {
        const path = join(dir, unit);
        const theirs = analyzePath(analyzer, path);
        assert.ok(theirs, `systemd refused ${unit}`);
        const ours = assess(readSecurityInput(path).model, { systemdVersion: analyzer.version });
        assert.ok(ours.ok, ours.ok ? '' : ours.error);
        const differences = theirs.flatMap((t) => {
          const mine = ours.tests.find((o) => o.jsonField === t.json_field);
          const set = !mine?.scored ? null : mine.badness === 0;
          const exposure = mine?.scored && mine.exposure > 0 ? formatExposure(mine.exposure) : null;
          return set === t.set && exposure === t.exposure ? [] : [`${unit} ${t.json_field}: systemd ${t.set}/${t.exposure}, ours ${set}/${exposure}`];
        });
        assert.deepEqual(differences, []);
      }
    });
  });
}
