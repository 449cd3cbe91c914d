import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filesArg, lines, runCli, TEXT_LINE } from './cliHarness';

const missing = 'test/fixtures/cli/does-not-exist.service';

interface Case {
  name: string;
  args: string[];
  status: number;
  /** The files whose diagnostics must be printed (by path prefix of text lines). */
  reported: string[];
  /** What stderr must say; undefined: stderr is empty. */
  stderr?: RegExp;
}

const cases: Case[] = [
  { name: 'a clean file', args: [`${filesArg}/clean.target`], status: 0, reported: [] },
  { name: 'warnings only', args: [`${filesArg}/warnings.target`], status: 0, reported: [`${filesArg}/warnings.target`] },
  { name: 'an error', args: [`${filesArg}/errors.target`], status: 1, reported: [`${filesArg}/errors.target`] },
  {
    name: 'an error among clean files',
    args: [`${filesArg}/clean.target`, `${filesArg}/errors.target`, `${filesArg}/warnings.target`],
    status: 1,
    reported: [`${filesArg}/errors.target`, `${filesArg}/warnings.target`],
  },
  {
    name: 'a missing path and a good one',
    args: [missing, `${filesArg}/warnings.target`],
    status: 2,
    reported: [`${filesArg}/warnings.target`],
    stderr: /unitguard: cannot read 'test\/fixtures\/cli\/does-not-exist\.service': no such file or directory/,
  },
  {
    name: 'a good path and then a missing one',
    args: [`${filesArg}/warnings.target`, missing],
    status: 2,
    reported: [`${filesArg}/warnings.target`],
    stderr: /does-not-exist\.service/,
  },
  {
    name: 'a missing path beats an error',
    args: [`${filesArg}/errors.target`, missing],
    status: 2,
    reported: [`${filesArg}/errors.target`],
    stderr: /does-not-exist\.service/,
  },
  { name: 'only a missing path', args: [missing], status: 2, reported: [], stderr: /does-not-exist\.service/ },
  { name: 'a supported --systemd-version', args: ['--systemd-version', '252', `${filesArg}/clean.target`], status: 0, reported: [] },
  { name: '--systemd-version=N after the path', args: [`${filesArg}/errors.target`, '--systemd-version=200'], status: 1, reported: [`${filesArg}/errors.target`] },
];

describe('exit codes', () => {
  for (const c of cases) {
    it(`${c.status} for ${c.name}`, () => {
      const result = runCli(['check', ...c.args]);
      assert.equal(result.status, c.status, result.stderr);
      const printed = new Set(lines(result.stdout).map((line) => TEXT_LINE.exec(line)?.[1]));
      assert.deepEqual([...printed], c.reported);
      if (c.stderr) assert.match(result.stderr, c.stderr);
      else assert.equal(result.stderr, '');
    });
  }

  it('2 with a missing path in JSON output, which stays valid and lists only the good file', () => {
    const result = runCli(['check', '--format', 'json', missing, `${filesArg}/warnings.target`]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /does-not-exist\.service/);
    const json = JSON.parse(result.stdout) as { files: Array<{ path: string }> };
    assert.deepEqual(json.files.map((f) => f.path), [`${filesArg}/warnings.target`]);
  });
});
