/**
 * A `.unitguardrc` that holds a mistake (a key, value, level or rule id that does not exist) fails
 * every command with exit 2 and says what is wrong: a CI job must not pass while checking with
 * other settings than its author wrote. A retired rule id is only out of date: reported, exit 0.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli, tempFolder } from './cliHarness';

/** A clean service: nothing of error severity, so exit 0 unless the settings file says otherwise. */
const UNIT = '[Unit]\nDescription=Web\n\n[Service]\nExecStart=/usr/bin/web\n';

interface Case {
  name: string;
  rc: string;
  status: number;
  /** What stderr must say (each line). */
  stderr: RegExp[];
}

const cases: Case[] = [
  { name: 'a good file', rc: 'systemd-version = 252\n[rules]\nunknown-directive = warning\n', status: 0, stderr: [] },
  { name: 'a misspelt key', rc: 'systemd-versoin = 252\n', status: 2, stderr: [/'systemd-versoin' is not a setting of \.unitguardrc/] },
  { name: 'a version out of range', rc: 'systemd-version = 12\n', status: 2, stderr: [/systemd-version: '12' is not a systemd version/] },
  { name: 'a misspelt level', rc: '[rules]\nunknown-directive = warnign\n', status: 2, stderr: [/rule 'unknown-directive': 'warnign' is not one of/] },
  { name: 'a rule id that does not exist', rc: '[rules]\nunknown-directve = off\n', status: 2, stderr: [/rule 'unknown-directve' is not known/] },
  { name: 'the note of problems left out, as a rule', rc: '[rules]\ntoo-many-problems = off\n', status: 2, stderr: [/'too-many-problems' is the note that some problems are not listed, not a rule; to list them all, run check with --max-problems 0; in the editor, unitguard.maxProblems shows more$/m] },
  { name: 'a retired rule id', rc: '[rules]\nimplies = off\n', status: 0, stderr: [/rule 'implies' is no longer reported/] },
];

const COMMANDS: readonly { name: string; args: (unit: string) => string[] }[] = [
  { name: 'check', args: (unit) => ['check', unit] },
  { name: 'security', args: (unit) => ['security', unit] },
  { name: 'harden --dry-run', args: (unit) => ['harden', '--dry-run', unit] },
];

describe('.unitguardrc mistakes and the exit status', () => {
  for (const command of COMMANDS) {
    for (const c of cases) {
      it(`${command.name}: ${c.status} for ${c.name}`, () => {
        const tmp = tempFolder('rc-mistakes');
        try {
          writeFileSync(path.join(tmp.dir, 'web.service'), UNIT);
          writeFileSync(path.join(tmp.dir, '.unitguardrc'), c.rc);
          const result = runCli(command.args('web.service'), { cwd: tmp.dir });
          assert.equal(result.status, c.status, result.stderr);
          for (const pattern of c.stderr) assert.match(result.stderr, pattern);
          assert.doesNotMatch(result.stderr, /Error:|at [A-Za-z]+ \(/);
        } finally {
          tmp.remove();
        }
      });
    }
  }
});
