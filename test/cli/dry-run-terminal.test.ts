/**
 * The diff of `--dry-run` is a patch: written to a file or a pipe it keeps the unit's bytes, so that
 * `git apply` takes it; written to a terminal it is read by a person, and a control character from
 * the unit is shown as an escape rather than acted on.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../../server/src/cli/run';

/** A line set twice (check --fix removes the first) beside a line with terminal controls; harden adds lines below them. */
const UNIT = '[Service]\nExecStart=/bin/true\nNice=1\nNice=2\nEnvironment="TITLE=\x1b]0;title\x07\x1b[2J"\n';

function dryRun(args: readonly string[], stdoutIsTerminal: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'unitguard-dry-run-'));
  try {
    writeFileSync(path.join(dir, 'web.service'), UNIT);
    let out = '';
    runCli([...args, path.join(dir, 'web.service')], { stdout: (t) => void (out += t), stderr: () => undefined, readStdin: () => new Uint8Array(), cwd: dir, stdoutIsTerminal });
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('--dry-run diffs', () => {
  for (const args of [['check', '--fix', '--dry-run'], ['harden', '--level', 'safe', '--dry-run']]) {
    test(`${args.join(' ')}: the unit's bytes into a pipe, escapes on a terminal`, () => {
      const piped = dryRun(args, false);
      assert.match(piped, /^@@ /m, 'a diff is printed');
      assert.ok(piped.includes('\x1b]0;title\x07'), 'a patch keeps the bytes');
      const shown = dryRun(args, true);
      assert.ok(!/[\x1b\x07]/.test(shown), 'nothing reaches the terminal raw');
      assert.ok(shown.includes('\\x1b]0;title\\x07'), 'the controls are shown as escapes');
    });
  }
});
