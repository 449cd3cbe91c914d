/**
 * A command keeps the engine's space for short-lived objects at its first size: a check keeps
 * nearly everything it makes (the tree, the model), and that space would otherwise grow to its
 * largest and stay so for the rest of the command. Measured in a child process that starts as the
 * CLI does and then keeps many small objects alive.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { getHeapSpaceStatistics } from 'node:v8';
import { startCli } from '../../server/src/cli/startCli';

const CHILD = 'UNITGUARD_YOUNG_SPACE_CHILD';

/** The size of the engine's space for new objects, in bytes. */
function youngSpace(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? Number.NaN;
}

/** Keeps a million small objects alive, as reading a large unit does, and reports the young space. */
function keepMany(): number {
  const kept: Array<{ line: number; text: string }> = [];
  for (let i = 0; i < 1_000_000; i++) kept.push({ line: i, text: `line ${i}` });
  process.stderr.write(JSON.stringify({ young: youngSpace(), kept: kept.length }));
  return 0;
}

if (process.env[CHILD] === 'cli') {
  startCli(keepMany);
} else if (process.env[CHILD] === 'plain') {
  keepMany();
} else {
  describe('the young space of a command', () => {
    const run = (mode: string): number => {
      const child = spawnSync(process.execPath, [__filename], { env: { ...process.env, [CHILD]: mode }, encoding: 'utf8', timeout: 60_000 });
      assert.equal(child.status, 0, child.stderr);
      const { young, kept } = JSON.parse(child.stderr) as { young: number; kept: number };
      assert.equal(kept, 1_000_000);
      return young;
    };

    test('stays at its first size in a command, and grows without it', (t) => {
      const plain = run('plain');
      const cli = run('cli');
      t.diagnostic(`young space: ${(cli / 2 ** 20).toFixed(1)} MiB in a command, ${(plain / 2 ** 20).toFixed(1)} MiB without`);
      // The engine starts it at 1 MiB a half (2 MiB and less in all) and grows it to 16 MiB a half.
      assert.ok(cli <= 4 * 2 ** 20, `a command's young space is ${cli} bytes`);
      assert.ok(plain > 2 * cli, `without the bound it grows (${plain} bytes); the test shows nothing if it does not`);
    });
  });
}
