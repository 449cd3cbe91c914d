/**
 * An ordinary run of the CLI does not load the engine's locale data: the first call of
 * `toLocaleString` or `Intl.NumberFormat` does, and costs every run about 6 MB and 20 ms. A
 * preloaded script makes both throw; the help and the check of a small unit still work.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './cliHarness';

const bin = path.join(repoRoot, 'bin/unitguard.js');

describe('an ordinary run does not load locale data', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'unitguard-locale-'));
  const guard = path.join(dir, 'no-locale.js');
  writeFileSync(
    guard,
    [
      "const refuse = () => { throw new Error('locale data loaded'); };",
      'Number.prototype.toLocaleString = refuse;',
      'Intl.NumberFormat = refuse;',
      '',
    ].join('\n'),
  );
  const unit = path.join(dir, 'web.service');
  writeFileSync(unit, '[Service]\nExecStart=/usr/bin/web\nNice=1\nNice=2\n');
  const cases: string[][] = [['check', '--help'], ['check', unit], ['check', '--max-problems', '1', unit], ['check', '--format', 'json', unit], ['security', unit]];
  for (const args of cases) {
    test(args.join(' ').replace(dir, '…'), () => {
      const run = spawnSync(process.execPath, ['--require', guard, bin, ...args], { encoding: 'utf8', timeout: 60_000 });
      assert.doesNotMatch(run.stderr, /locale data loaded/);
      assert.ok(run.status === 0 || run.status === 1, run.stderr.slice(0, 400));
    });
  }
  test('(the guard works)', () => {
    const run = spawnSync(process.execPath, ['--require', guard, '-e', '(1234).toLocaleString("en-US")'], { encoding: 'utf8' });
    assert.match(run.stderr, /locale data loaded/);
    rmSync(dir, { recursive: true, force: true });
  });
});
