/**
 * Every command reads the disk within one budget per run (1 GiB; here a few kilobytes, handed in):
 * `review` of two folders once read 30 hard links of a 198 MiB unit, and kept every text, until
 * Node aborted. Each way of reading files stops with the budget's message, and `review` then
 * reviews nothing: a side half read would show the units left out as removed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GuardError, type RunBudget } from '../../server/src/node/guardedFs';
import { readSecurityInput } from '../../server/src/node/securityInput';
import { fileReviews, folderReviews, gitReviews, holdsPatch, patchReviews, readPatchText, type CollectedReviews } from '../../server/src/cli/review/inputs';
import { tempFolder } from './cliHarness';

/** 4,000 bytes: a budget of 10,000 lets two such files in, not three. */
const UNIT = '[Service]\nExecStart=/bin/true\n' + `# ${'x'.repeat(3966)}\n`;
const SPENT = 'the run has read its limit of 1 GiB';
const small = (): RunBudget => ({ bytesLeft: 10_000 });

describe('the run budget of every way of reading', () => {
  let tmp: ReturnType<typeof tempFolder>;
  before(() => {
    tmp = tempFolder('run-budget');
    const dir = tmp.dir;
    mkdirSync(path.join(dir, 'old'));
    mkdirSync(path.join(dir, 'new'));
    writeFileSync(path.join(dir, 'unit.service'), UNIT);
    // Hard links: one file on disk, read once for each name.
    for (const name of ['a', 'b', 'c']) linkSync(path.join(dir, 'unit.service'), path.join(dir, 'new', `${name}.service`));
    mkdirSync(path.join(dir, 'web.service.d'));
    writeFileSync(path.join(dir, 'web.service'), UNIT);
    for (const name of ['10', '20']) linkSync(path.join(dir, 'unit.service'), path.join(dir, 'web.service.d', `${name}.conf`));
    writeFileSync(path.join(dir, 'web.patch'), ['--- a/web.service', '+++ b/web.service', '@@ -1,2 +1,3 @@', ' [Service]', ' ExecStart=/bin/true', '+ProtectSystem=strict', ''].join('\n'));
  });
  after(() => tmp.remove());

  const spent = (run: CollectedReviews): void => {
    assert.deepEqual(run.jobs, [], 'nothing is reviewed');
    assert.ok(run.errors.some((e) => e.message === SPENT), JSON.stringify(run.errors));
  };

  it('review OLD NEW of two folders', () => {
    spent(folderReviews('old', 'new', tmp.dir, small()));
    assert.equal(folderReviews('old', 'new', tmp.dir, { bytesLeft: 1 << 20 }).jobs.length, 3);
  });

  it('review OLD NEW of two files, with their drop-ins', () => {
    spent(fileReviews('unit.service', 'web.service', tmp.dir, small()));
    assert.equal(fileReviews('unit.service', 'web.service', tmp.dir, { bytesLeft: 1 << 20 }).jobs.length, 1);
  });

  it('review of a patch applied to the files on disk', () => {
    const budget = small();
    const text = readPatchText('web.patch', tmp.dir, () => new Uint8Array(), budget);
    spent(patchReviews(holdsPatch(text)!, 'web.patch', tmp.dir, false, budget));
  });

  it('security of a unit with its drop-ins', () => {
    assert.throws(() => readSecurityInput(path.join(tmp.dir, 'web.service'), undefined, small()), (e: unknown) => e instanceof Error && e.message.endsWith(SPENT));
    assert.throws(() => readSecurityInput(path.join(tmp.dir, 'web.service'), undefined, { bytesLeft: 100 }), (e: unknown) => e instanceof GuardError && e.message === SPENT);
  });

  const hasGit = spawnSync('git', ['--version']).status === 0;
  it('review --git: the working tree, and the blobs of commits', { skip: hasGit ? false : 'git is not installed' }, () => {
    const repo = path.join(tmp.dir, 'repo');
    mkdirSync(repo);
    const git = (...args: string[]): void => {
      const run = spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], { cwd: repo, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
    };
    git('init', '-q');
    for (const name of ['a', 'b', 'c']) writeFileSync(path.join(repo, `${name}.service`), UNIT);
    git('add', '.');
    git('commit', '-qm', 'one');
    for (const name of ['a', 'b', 'c']) writeFileSync(path.join(repo, `${name}.service`), UNIT + 'ProtectSystem=strict\n');
    spent(gitReviews('HEAD', repo, small()));
    git('commit', '-qam', 'two');
    spent(gitReviews('HEAD~1..HEAD', repo, small()));
    assert.equal(gitReviews('HEAD~1..HEAD', repo, { bytesLeft: 1 << 20 }).jobs.length, 3);
  });
});
